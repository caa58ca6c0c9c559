using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Kernels;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Kernels;

/// <summary>
/// The learning-curve prediction against the average excess risk of actual KRR, estimated by
/// repetition on tiny torus problems (17 modes in D = 1 with R = 8, 29 in D = 2 with R = 3; the
/// experiment's s = (D+1)/2, target and noise model). The formula is asymptotic; measured on this
/// grid (docs/learning-curves.md) it is within 3.2% for n &gt;= 64 and nu in [1e-3, 1e-1], and off
/// by up to 60% for n &lt;= 8. The claim tested: |mean risk - predicted| &lt;= 5% predicted + z standard errors,
/// z from a Bonferroni bound over the run's comparisons (the property states the derivation).
/// </summary>
public class LearningCurveMonteCarloProperties(ITestOutputHelper output)
{
    private const int Repetitions = 400;
    /// <summary>Pairs of problems per run (see the property).</summary>
    private const int Pairs = 12;
    /// <summary>The chance per run that Monte-Carlo error alone fails the property.</summary>
    private const double FamilyAlarm = 1e-4;
    private const double Sigma = 0.1;
    /// <summary>The asymptotic formula's stated accuracy in the regime n &gt;= 64 (measured worst 3.2%).</summary>
    private const double ModelAccuracy = 0.05;

    /// <summary>
    /// Mean and standard error over repetitions of E_noise ||f_hat - f*||^2 (Parseval) for the plain and the
    /// invariant estimator. Each repetition draws a design x_1..x_n and averages the noise exactly instead of
    /// drawing it (Rao-Blackwell: the same expectation, a smaller variance): with Psi the design's (scaled or
    /// projected) features, A = (Psi^T Psi + lambda I)^-1, the fit is gamma = A Psi^T (f*(x) + noise), so
    /// E_noise risk = risk of the noise-free fit + sigma^2 tr(M A Psi^T Psi A), M the risk's quadratic form in gamma
    /// (M = diag(w_k scale_k^2) for the plain fit, U^T M U for the invariant one, U the lift). The noise's
    /// chi-square-like spread (relative sd about sqrt(2 / modes learned)) then leaves the standard error.
    /// </summary>
    internal static ((double Mean, double Se) Plain, (double Mean, double Se) Invariant) MonteCarlo(KrrProblem p, FrequencyLattice lattice, InvariantSubspace sub, InvariantTarget target)
    {
        int m = lattice.FeatureCount, c = sub.Count;
        var scale = Enumerable.Range(0, m).Select(i => i == 0 ? 1.0 : Math.Sqrt(2 * lattice.EigenvalueOf(i))).ToArray();
        var metric = Vector<double>.Build.Dense(m, k => FrequencyLattice.ParsevalWeight(k) * scale[k] * scale[k]);
        var lift = Matrix<double>.Build.Dense(m, c, (i, j) => 0);
        for (int j = 0; j < c; j++)
        {
            var unit = new double[c];
            unit[j] = 1;
            lift.SetColumn(j, sub.Lift(unit));
        }
        var metricInv = lift.TransposeThisAndMultiply(Matrix<double>.Build.DiagonalOfDiagonalVector(metric) * lift);
        var rng = new Random(p.Seed);
        var plain = new double[Repetitions];
        var inv = new double[Repetitions];
        var row = new double[m];
        var projected = new double[c];
        double lambda = p.N * p.Nu, noise = Sigma * Sigma;
        for (int r = 0; r < Repetitions; r++)
        {
            var psi = Matrix<double>.Build.Dense(p.N, m);
            var psiInv = Matrix<double>.Build.Dense(p.N, c);
            var y = Vector<double>.Build.Dense(p.N);
            for (int i = 0; i < p.N; i++)
            {
                var x = Torus.Uniform(rng, lattice.Dimension);
                lattice.ScaledFeatures(x, row);
                sub.Project(row, projected);
                psi.SetRow(i, row);
                psiInv.SetRow(i, projected);
                y[i] = target.Evaluate(x);
            }
            var fit = new FeatureRidge(m);
            fit.Add(psi, y);
            double noisePlain = noise * NoiseTrace(psi, lambda, metric.ToArray().Select((v, k) => (k, k, v)), m);
            plain[r] = InvariantTarget.SquaredDistance(lattice, fit.Solve(lambda).Select((g, i) => g * scale[i]).ToArray(), target.Coefficients) + noisePlain;
            var fitInv = new FeatureRidge(c);
            fitInv.Add(psiInv, y);
            double noiseInv = noise * NoiseTrace(psiInv, lambda, metricInv.EnumerateIndexed(), c);
            inv[r] = InvariantTarget.SquaredDistance(lattice, sub.Lift(fitInv.Solve(lambda).ToArray()).Select((g, i) => g * scale[i]).ToArray(), target.Coefficients) + noiseInv;
        }
        static (double, double) Stats(double[] v)
        {
            double mean = v.Average();
            return (mean, Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1) / v.Length));
        }
        return (Stats(plain), Stats(inv));
    }

    /// <summary>tr(M A G A) with G = F^T F, A = (G + lambda I)^-1 and M given by its entries: the noise's share of the expected risk per unit noise variance.</summary>
    private static double NoiseTrace(Matrix<double> features, double lambda, IEnumerable<(int Row, int Column, double Value)> metric, int size)
    {
        var gram = features.TransposeThisAndMultiply(features);
        var a = (gram + lambda * Matrix<double>.Build.DenseIdentity(size)).Inverse();
        var aga = a * gram * a;
        return metric.Sum(e => e.Value * aga[e.Column, e.Row]);
    }

    /// <summary>
    /// The spectrum with this target's own mass per eigenvalue, sum of ||c_i phi_i||^2 over the features of
    /// the shell (the formula is linear in the v_i^2 and needs only their sum per eigenvalue), so the
    /// repetitions average over samples and noise only. The shell of a level is read off its eigenvalue.
    /// </summary>
    private static KernelSpectrum WithTarget(KernelSpectrum spectrum, FrequencyLattice lattice, InvariantTarget target)
    {
        var power = new Dictionary<int, double>();
        for (int i = 0; i < lattice.FeatureCount; i++)
        {
            int m = FrequencyLattice.Norm2(lattice.FrequencyOf(i));
            power[m] = power.GetValueOrDefault(m) + FrequencyLattice.ParsevalWeight(i) * target.Coefficients[i] * target.Coefficients[i];
        }
        return new KernelSpectrum(spectrum.Name, spectrum.Levels.Select(l =>
            l with { TargetPower = power[power.Keys.Single(m => lattice.Weight(m) == l.Eigenvalue)] }));
    }

    /// <summary>The theory's effective number of fitted modes sum_i L_i and the mode count of a problem (target-free: L_i depend on n, ridge and the spectrum only).</summary>
    internal static (double Learned, int Modes) ModesLearned(KrrProblem p)
    {
        double s = (p.D + 1) / 2.0;
        int radius = p.D == 1 ? 8 : 3;
        var (plain, _) = TorusSpectra.ForGroup(p.D, s, radius, TorusGroup.TestGroups(p.D)[p.GroupIndex], 0.2, untruncated: false);
        return (LearningCurveTheory.Predict(plain, p.N, p.N * p.Nu, Sigma * Sigma).Learnability, new FrequencyLattice(p.D, radius, s).FeatureCount);
    }

    private Property PredictionMatches(Coverage coverage, KrrProblem p, double z)
    {
        double s = (p.D + 1) / 2.0;
        int radius = p.D == 1 ? 8 : 3;
        var lattice = new FrequencyLattice(p.D, radius, s);
        var group = TorusGroup.TestGroups(p.D)[p.GroupIndex];
        var sub = InvariantSubspace.ForGroup(lattice, group);
        var (plainSpectrum, invSpectrum) = TorusSpectra.ForGroup(p.D, s, radius, group, 0.2, untruncated: false);
        var target = InvariantTarget.Draw(sub, p.D, 0.2, new Random(~p.Seed));
        var (plain, inv) = MonteCarlo(p, lattice, sub, target);
        (plainSpectrum, invSpectrum) = (WithTarget(plainSpectrum, lattice, target), WithTarget(invSpectrum, lattice, target));
        var predPlain = LearningCurveTheory.Predict(plainSpectrum, p.N, p.N * p.Nu, Sigma * Sigma);
        var predInv = LearningCurveTheory.Predict(invSpectrum, p.N, p.N * p.Nu, Sigma * Sigma);
        double Tolerance((double Mean, double Se) mc, LearningCurvePrediction pred) => ModelAccuracy * pred.ExcessRisk + z * mc.Se;
        bool Ok((double Mean, double Se) mc, LearningCurvePrediction pred) => Math.Abs(mc.Mean - pred.ExcessRisk) <= Tolerance(mc, pred);
        bool noiseDominated = (predPlain.E0 - 1) * Sigma * Sigma + (predPlain.E0 - 1) * predPlain.Bias > predPlain.Bias;
        double sharpest = Math.Max(Tolerance(plain, predPlain) / predPlain.ExcessRisk, Tolerance(inv, predInv) / predInv.ExcessRisk);
        output.WriteLine($"{p} ({group.Name}): plain {plain.Mean / predPlain.ExcessRisk:F4} of predicted, se {plain.Se / predPlain.ExcessRisk:P2}; invariant {inv.Mean / predInv.ExcessRisk:F4}, se {inv.Se / predInv.ExcessRisk:P2}; learned {predPlain.Learnability:F1} of {lattice.FeatureCount}; tolerance {sharpest:P1}");
        return coverage.Case((Ok(plain, predPlain) && Ok(inv, predInv))
            .Label($"{p} ({group.Name}): plain mean risk {plain.Mean:G4} +- {plain.Se:G2} vs predicted {predPlain.ExcessRisk:G4}; invariant {inv.Mean:G4} +- {inv.Se:G2} vs {predInv.ExcessRisk:G4}; tolerance {sharpest:P1} of the prediction"),
            ("variance-dominated", noiseDominated), ("bias-dominated", !noiseDominated), ("over a third of the modes learned", predPlain.Learnability > lattice.FeatureCount / 3.0),
            ("tolerance below 10% of the prediction", sharpest < 0.10));
    }

    /// <summary>
    /// Monte-Carlo cases drawn at random on every run (a fresh FsCheck seed), in pairs: one problem from the
    /// stratum where the theory fits more than a third of the modes (the generator keeps only those), one from
    /// the whole regime (n = 64..128, nu = 1e-3..1e-1, D = 1, 2, every group). So at least half the problems of
    /// every case set learn many modes by construction, and the coverage requirement holds on every set drawn,
    /// not only on one replay seed.
    ///
    /// The tolerance |mean - predicted| &lt;= a predicted + z se, per problem and estimator:
    /// - a = 5%, the asymptotic formula's own error in this regime: measured worst 3.2% on the grid of
    ///   docs/learning-curves.md (n &gt;= 64, 2000 repetitions each), plus twice that measurement's standard error
    ///   (about 1%) for the grid points not measured.
    /// - z bounds the Monte-Carlo error of the mean of <see cref="Repetitions"/> risks: by the central limit theorem
    ///   (mean - E risk)/se is close to standard normal, and a run compares 2 estimators x 2 problems x
    ///   <see cref="Pairs"/> pairs, so z = Phi^-1(1 - alpha / (2 comparisons)) keeps the chance that any one of them
    ///   exceeds z se below alpha = 1e-4 per run (Bonferroni): z = 4.75 for 48 comparisons.
    /// With the noise averaged exactly (<see cref="MonteCarlo"/>) the standard errors are 0.1-0.8% of the prediction
    /// (measured, 400 repetitions), so the tolerance is 5.5-9% of the prediction: every problem, not only a share,
    /// is judged to better than 10%; the requirement of 75% below 10% leaves room for a case a little noisier than seen.
    /// </summary>
    [Fact]
    public void Predicted_risk_matches_the_average_KRR_risk_for_n_at_least_64()
    {
        double z = BonferroniZ(4 * Pairs);
        var coverage = new Coverage(output)
            .AtLeast(0.5, "over a third of the modes learned", "the formula's learnabilities must matter, not just its n = 0 limit")
            .AtLeast(0.75, "tolerance below 10% of the prediction", "a looser tolerance would pass a wrong prediction");
        var pairs = Arb.From(
            from learning in Arbs.KrrProblemGen(64, 128).Where(p => { var (l, m) = ModesLearned(p); return l > m / 3.0; })
            from any in Arbs.KrrProblemGen(64, 128)
            select (Learning: learning, Any: any));
        coverage.Check(Prop.ForAll(pairs, c => PredictionMatches(coverage, c.Learning, z).And(PredictionMatches(coverage, c.Any, z))), maxTest: Pairs);
    }

    /// <summary>The two-sided normal quantile that keeps the family-wise chance of a spurious failure over <paramref name="comparisons"/> below <see cref="FamilyAlarm"/>.</summary>
    internal static double BonferroniZ(int comparisons) => Normal.InvCDF(0, 1, 1 - FamilyAlarm / (2.0 * comparisons));

    /// <summary>Negative control: at n = 2..8 (the asymptotic premise dropped) the prediction misses the average risk.</summary>
    [Fact]
    public void Prediction_fails_at_a_handful_of_samples()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.Dropped.SmallSampleKrrProblems(), p => PredictionMatches(new Coverage(output), p, BonferroniZ(4 * Pairs))), output, maxTest: 20);
        Assert.Equal(1, found.ShrunkAs<KrrProblem>().D);
    }
}
