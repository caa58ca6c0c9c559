using FsCheck;
using FsCheck.Fluent;
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
/// by up to 60% for n &lt;= 8. The claim tested: |mean risk - predicted| &lt;= 5% predicted + 4 standard errors.
/// </summary>
public class LearningCurveMonteCarloProperties(ITestOutputHelper output)
{
    private const int Repetitions = 250;
    private const double Sigma = 0.1;
    /// <summary>The asymptotic formula's stated accuracy in the regime n &gt;= 64 (measured worst 3.2%).</summary>
    private const double ModelAccuracy = 0.05;

    /// <summary>Mean and standard error over repetitions of ||f_hat - f*||^2 (Parseval) for the plain and the invariant estimator.</summary>
    internal static ((double Mean, double Se) Plain, (double Mean, double Se) Invariant) MonteCarlo(KrrProblem p, FrequencyLattice lattice, InvariantSubspace sub, InvariantTarget target)
    {
        var scale = Enumerable.Range(0, lattice.FeatureCount).Select(i => i == 0 ? 1.0 : Math.Sqrt(2 * lattice.EigenvalueOf(i))).ToArray();
        var rng = new Random(p.Seed);
        var plain = new double[Repetitions];
        var inv = new double[Repetitions];
        var row = new double[lattice.FeatureCount];
        var projected = new double[sub.Count];
        for (int r = 0; r < Repetitions; r++)
        {
            var psi = Matrix<double>.Build.Dense(p.N, lattice.FeatureCount);
            var psiInv = Matrix<double>.Build.Dense(p.N, sub.Count);
            var y = Vector<double>.Build.Dense(p.N);
            for (int i = 0; i < p.N; i++)
            {
                var x = Torus.Uniform(rng, lattice.Dimension);
                lattice.ScaledFeatures(x, row);
                sub.Project(row, projected);
                psi.SetRow(i, row);
                psiInv.SetRow(i, projected);
                y[i] = target.Evaluate(x) + Sigma * Torus.Gaussian(rng);
            }
            var fit = new FeatureRidge(lattice.FeatureCount);
            fit.Add(psi, y);
            plain[r] = InvariantTarget.SquaredDistance(lattice, fit.Solve(p.N * p.Nu).Select((g, i) => g * scale[i]).ToArray(), target.Coefficients);
            var fitInv = new FeatureRidge(sub.Count);
            fitInv.Add(psiInv, y);
            inv[r] = InvariantTarget.SquaredDistance(lattice, sub.Lift(fitInv.Solve(p.N * p.Nu).ToArray()).Select((g, i) => g * scale[i]).ToArray(), target.Coefficients);
        }
        static (double, double) Stats(double[] v)
        {
            double m = v.Average();
            return (m, Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / (v.Length - 1) / v.Length));
        }
        return (Stats(plain), Stats(inv));
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

    private static Property PredictionMatches(Coverage coverage, KrrProblem p)
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
        bool Ok((double Mean, double Se) mc, LearningCurvePrediction pred) =>
            Math.Abs(mc.Mean - pred.ExcessRisk) <= ModelAccuracy * pred.ExcessRisk + 4 * mc.Se;
        bool noiseDominated = (predPlain.E0 - 1) * Sigma * Sigma + (predPlain.E0 - 1) * predPlain.Bias > predPlain.Bias;
        return coverage.Case((Ok(plain, predPlain) && Ok(inv, predInv))
            .Label($"{p} ({group.Name}): plain mean risk {plain.Mean:G4} +- {plain.Se:G2} vs predicted {predPlain.ExcessRisk:G4}; invariant {inv.Mean:G4} +- {inv.Se:G2} vs {predInv.ExcessRisk:G4}"),
            ("variance-dominated", noiseDominated), ("bias-dominated", !noiseDominated), ("over a third of the modes learned", predPlain.Learnability > lattice.FeatureCount / 3.0), ("tolerance below 15% of the prediction", ModelAccuracy * predPlain.ExcessRisk + 4 * plain.Se < 0.15 * predPlain.ExcessRisk));
    }

    [Fact]
    public void Predicted_risk_matches_the_average_KRR_risk_for_n_at_least_64()
    {
        // Eight Monte-Carlo cases are all the suite can afford; their class shares swing with the seed (a third of
        // the modes learned: 12% to 50% seen), so the cases are fixed by a replay seed and the shares checked on them.
        var coverage = new Coverage(output)
            .AtLeast(0.35, "tolerance below 15% of the prediction", "a looser tolerance would pass a wrong prediction")
            .AtLeast(0.2, "over a third of the modes learned", "the formula's learnabilities must matter, not just its n = 0 limit");
        coverage.Check(Prop.ForAll(Arbs.KrrProblems(), p => PredictionMatches(coverage, p)), maxTest: 8, replay: "20261130,1");
    }

    /// <summary>Negative control: at n = 2..8 (the asymptotic premise dropped) the prediction misses the average risk.</summary>
    [Fact]
    public void Prediction_fails_at_a_handful_of_samples()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.Dropped.SmallSampleKrrProblems(), p => PredictionMatches(new Coverage(output), p)), output, maxTest: 20);
        Assert.Equal(1, found.ShrunkAs<KrrProblem>().D);
    }
}
