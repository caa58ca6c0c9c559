using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Kernels;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.SampleComplexity;

/// <summary>One measured point: test risk of the tuned predictor at one n.</summary>
public sealed record CurvePoint(string Group, int D, string Estimator, int Seed, int N, double Risk, double Nu, double ValidationMse);

/// <summary>
/// The learning curves of one (case, seed): the same invariant target, the same nested training
/// sample (the first n of n_max points) and the same validation sample feed the plain and the
/// invariant kernel. Each curve is solved in feature space (<see cref="FeatureRidge"/>, exact
/// for the truncated kernel); the penalty lambda = n nu is chosen on the validation sample and the
/// risk ||f_hat - f*||^2 is computed exactly by Parseval.
/// </summary>
public static class SampleComplexityCurve
{
    public static List<CurvePoint> Run(SampleComplexityCase c, int seed, SampleComplexityDesign design)
    {
        var lattice = new FrequencyLattice(c.D, c.Radius, c.Smoothness);
        var subspace = c.Subspace(lattice);
        var rng = SeedStreams.For(seed, $"curve:{c.Key}");
        var target = InvariantTarget.Draw(subspace, c.EffectiveDimension, design.Epsilon, rng);
        int nMax = design.Sizes[^1];
        var train = Sample(lattice, target, rng, nMax, design.Noise);
        var validation = Sample(lattice, target, rng, design.ValidationSize(nMax), design.Noise);

        var scale = Enumerable.Range(0, lattice.FeatureCount).Select(i => i == 0 ? 1.0 : Math.Sqrt(2 * lattice.EigenvalueOf(i))).ToArray();
        var points = new List<CurvePoint>();
        points.AddRange(Curve(c, seed, "plain", design, train.Psi, train.Y, validation.Psi, validation.Y,
            gamma => gamma.Select((g, i) => g * scale[i]).ToArray(), target, lattice));
        var trainInv = ProjectRows(train.Psi, subspace);
        var validationInv = ProjectRows(validation.Psi, subspace);
        points.AddRange(Curve(c, seed, "invariant", design, trainInv, train.Y, validationInv, validation.Y,
            gamma => subspace.Lift(gamma).Select((g, i) => g * scale[i]).ToArray(), target, lattice));
        return points;
    }

    private static (Matrix<double> Psi, Vector<double> Y) Sample(FrequencyLattice lattice, InvariantTarget target, Random rng, int n, double noise)
    {
        var psi = Matrix<double>.Build.Dense(n, lattice.FeatureCount);
        var y = Vector<double>.Build.Dense(n);
        var row = new double[lattice.FeatureCount];
        for (int i = 0; i < n; i++)
        {
            var x = Torus.Uniform(rng, lattice.Dimension);
            lattice.ScaledFeatures(x, row);
            psi.SetRow(i, row);
            y[i] = target.Evaluate(x) + noise * Torus.Gaussian(rng);
        }
        return (psi, y);
    }

    private static Matrix<double> ProjectRows(Matrix<double> psi, InvariantSubspace subspace)
    {
        var result = Matrix<double>.Build.Dense(psi.RowCount, subspace.Count);
        var row = new double[psi.ColumnCount];
        var projected = new double[subspace.Count];
        for (int i = 0; i < psi.RowCount; i++)
        {
            for (int j = 0; j < row.Length; j++) row[j] = psi[i, j];
            subspace.Project(row, projected);
            result.SetRow(i, projected);
        }
        return result;
    }

    private static IEnumerable<CurvePoint> Curve(SampleComplexityCase c, int seed, string estimator, SampleComplexityDesign design,
        Matrix<double> psi, Vector<double> y, Matrix<double> psiVal, Vector<double> yVal,
        Func<double[], double[]> toCoefficients, InvariantTarget target, FrequencyLattice lattice)
    {
        var ridge = new FeatureRidge(psi.ColumnCount);
        int added = 0;
        double? previousNu = null;
        foreach (int n in design.Sizes)
        {
            ridge.Add(psi.SubMatrix(added, n - added, 0, psi.ColumnCount), y.SubVector(added, n - added));
            added = n;
            int nv = design.ValidationSize(n);
            var val = psiVal.SubMatrix(0, nv, 0, psiVal.ColumnCount);
            var yv = yVal.SubVector(0, nv);
            double Score(double nu) => (val * ridge.Solve(n * nu) - yv).PointwisePower(2).Sum() / nv;
            var (bestNu, bestMse) = SelectNu(Score, previousNu, design);
            previousNu = bestNu;
            var coefficients = toCoefficients(ridge.Solve(n * bestNu).ToArray());
            double risk = InvariantTarget.SquaredDistance(lattice, coefficients, target.Coefficients);
            yield return new CurvePoint(c.Group, c.D, estimator, seed, n, risk, bestNu, bestMse);
        }
    }

    /// <summary>
    /// nu on a log grid of step 10^(1/3): at the first n a coarse sweep 1e-8..1e0 (factor 10) refined
    /// to +-1/3, +-2/3 decades around its best; at later n a local sweep from 10^(-4/3) to 10^(2/3)
    /// times the previous choice (the optimum falls with n), extended while the best is on an edge.
    /// </summary>
    private static (double Nu, double Mse) SelectNu(Func<double, double> score, double? previousNu, SampleComplexityDesign design)
    {
        var scores = new SortedDictionary<int, double>();
        const double step = 1.0 / 3;
        double Nu(int j) => Math.Pow(10, j * step);
        void Eval(int j) { if (!scores.ContainsKey(j)) scores[j] = score(Nu(j)); }
        int Best() => scores.MinBy(kv => kv.Value).Key;
        if (previousNu is double prev)
        {
            int j0 = (int)Math.Round(Math.Log10(prev) / step);
            for (int j = j0 - 4; j <= j0 + 2; j++) Eval(j);
        }
        else
        {
            foreach (var nu in design.CoarseNu) Eval((int)Math.Round(Math.Log10(nu) / step));
            int c = Best();
            for (int j = c - 2; j <= c + 2; j++) Eval(j);
        }
        for (int guard = 0; guard < 24; guard++)
        {
            int b = Best();
            if (b == scores.Keys.First() && b > -36) Eval(b - 1);
            else if (b == scores.Keys.Last() && b < 6) Eval(b + 1);
            else break;
        }
        int best = Best();
        return (Nu(best), scores[best]);
    }
}
