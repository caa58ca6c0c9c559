using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Kernels;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Experiments.SampleComplexity;

/// <summary>
/// One measured point: test risk of one estimator at one n, the penalty it chose, the truncation
/// radius of the fit and the learning-curve theory's risk at that penalty (NaN for the symmetrised
/// estimator, which the theory does not cover).
/// </summary>
public sealed record CurvePoint(string Group, int D, Estimator Estimator, int Seed, int N, double Risk, double Nu, double ValidationMse,
    int Radius = 0, double RiskPredicted = double.NaN);

/// <summary>
/// The learning curves of every case of one D for one seed. The cases share their inputs (one nested
/// training sample of n_max points and one nested validation sample) and differ in target and noise, so
/// one accumulation of the normal equations (<see cref="NormalEquations"/> of the lattice: Psi^T Psi from the points'
/// <see cref="FourierMoments"/>, Psi^T Y by libtorch BLAS; each n costs only its new rows) serves all of them. At each n the fits use the leading block of the truncation
/// radius R(n) (<see cref="SampleComplexityTruncation"/>); one eigendecomposition of the plain block
/// (<see cref="RidgePath"/>, every penalty of a sweep solved and scored in one batch) serves every penalty and every
/// case, the invariant block is U^T G U with U
/// the case's orthonormal invariant columns. Three estimators: plain KRR, KRR with the averaged kernel
/// (invariant), and the plain predictor averaged over the group at test time (symmetrised, at the plain
/// fit's penalty). The penalty lambda = n nu is chosen on the validation sample; the risk ||f_hat - f*||^2
/// is exact by Parseval.
/// </summary>
public static class SampleComplexityCurve
{
    private const int Chunk = 2048;

    public static List<CurvePoint> Run(int d, int seed, SampleComplexityDesign design, SampleComplexityTruncation plan)
    {
        var cases = SampleComplexityDesign.Cases().Where(c => c.D == d).Select(c => c with { Radius = plan.MaxRadius }).ToList();
        var lattice = new FrequencyLattice(d, plan.MaxRadius, SampleComplexityDesign.SmoothnessFor(d));
        int m = lattice.FeatureCount, t = cases.Count;
        var subspaces = cases.Select(c => c.Subspace(lattice)).ToList();
        var targets = cases.Select((c, i) => InvariantTarget.Draw(subspaces[i], c.EffectiveDimension, design.Epsilon, SeedStreams.For(seed, $"target:{c.Key}"))).ToList();
        var scale = Enumerable.Range(0, m).Select(i => i == 0 ? 1.0 : Math.Sqrt(2 * lattice.EigenvalueOf(i))).ToArray();
        // f(x) = phi(x) . c = psi(x) . (c / scale).
        var onScaled = targets.Select(tg => tg.Coefficients.Select((v, i) => v / scale[i]).ToArray()).ToList();
        var inputs = SeedStreams.For(seed, $"inputs:D={d}");
        var validationInputs = SeedStreams.For(seed, $"validation-inputs:D={d}");
        var noise = cases.Select(c => SeedStreams.For(seed, $"noise:{c.Key}")).ToList();
        var validationNoise = cases.Select(c => SeedStreams.For(seed, $"validation-noise:{c.Key}")).ToList();
        var prediction = new SampleComplexityPrediction(design, plan.MaxRadius);

        using var train = new NormalEquations(lattice, t);
        var (validationRows, validationLabels) = ValidationSample(design.ValidationSize(design.Sizes[^1]), lattice, validationInputs, validationNoise, onScaled, design.Noise);
        using var validation = Tensors.Float64(validationRows, [validationLabels.GetLength(0), m]);
        var previousNu = new Dictionary<(int, Estimator), double>();
        var points = new List<CurvePoint>();
        for (int j = 0; j < design.Sizes.Length; j++)
        {
            int n = design.Sizes[j], nv = design.ValidationSize(n), r = plan.Radii[j];
            AddRows(train, n - train.SampleCount, lattice, inputs, noise, onScaled, design.Noise);
            int mr = 1 + 2 * lattice.Half.Count(k => FrequencyLattice.Norm2(k) <= r * r);
            var gram = train.Gram(mr);
            using var scope = torch.NewDisposeScope();
            var rowsVal = validation.narrow(0, 0, nv).narrow(1, 0, mr);
            using var plainRidge = new RidgePath(gram);
            for (int i = 0; i < t; i++)
            {
                var c = cases[i];
                var labelsVal = Tensors.Float64(Enumerable.Range(0, nv).Select(k => validationLabels[k, i]).ToArray(), [nv, 1]);
                var plainRotated = plainRidge.Rotate(train.Rhs(mr, i).ToArray());
                var (nuPlain, msePlain, gammaPlainR) = SelectNu(lambdas => Score(plainRidge.Solutions(plainRotated, lambdas), null, rowsVal, labelsVal), n, previousNu.GetValueOrDefault((i, Estimator.Plain)), design);
                previousNu[(i, Estimator.Plain)] = nuPlain;
                var gammaPlain = Pad(gammaPlainR, m);
                var coefPlain = gammaPlain.Select((g, k) => g * scale[k]).ToArray();
                double Risk(double[] coefficients) => InvariantTarget.SquaredDistance(lattice, coefficients, targets[i].Coefficients);
                points.Add(new CurvePoint(c.Group, d, Estimator.Plain, seed, n, Risk(coefPlain), nuPlain, msePlain, r, prediction.AtRidge(c, r, n, n * nuPlain).Plain));

                // P commutes with the feature scaling (weights are constant on orbits), so P gamma is the symmetrised fit in scaled coordinates.
                var gammaSym = SymmetrisedPredictor.Project(subspaces[i], gammaPlain);
                double mseSym = RidgePath.ValidationMse(rowsVal, labelsVal, Tensors.Float64(gammaSym.Take(mr).ToArray(), [mr, 1]))[0];
                points.Add(new CurvePoint(c.Group, d, Estimator.Symmetrised, seed, n, Risk(gammaSym.Select((g, k) => g * scale[k]).ToArray()), nuPlain, mseSym, r));

                int cr = subspaces[i].Columns.TakeWhile(col => col[0].Index < mr).Count();
                var columns = subspaces[i].Columns.Take(cr).ToList();
                using var inv = new RidgePath(Congruence(gram, columns));
                var invRotated = inv.Rotate(Project(train.Rhs(mr, i), columns).ToArray());
                var lift = new LiftMap(columns, mr);
                var (nuInv, mseInv, z) = SelectNu(lambdas => Score(inv.Solutions(invRotated, lambdas), lift, rowsVal, labelsVal), n, previousNu.GetValueOrDefault((i, Estimator.Invariant)), design);
                previousNu[(i, Estimator.Invariant)] = nuInv;
                var coefInv = subspaces[i].Lift(Pad(z, subspaces[i].Count)).Select((g, k) => g * scale[k]).ToArray();
                points.Add(new CurvePoint(c.Group, d, Estimator.Invariant, seed, n, Risk(coefInv), nuInv, mseInv, r, prediction.AtRidge(c, r, n, n * nuInv).Invariant));
            }
        }
        return points;
    }

    /// <summary>
    /// The validation MSE of every column of <paramref name="solutions"/> (lifted to the plain features first when
    /// <paramref name="lift"/> is given) and the columns themselves, so the chosen one is not solved again.
    /// </summary>
    private static (double[] Mse, double[][] Columns) Score(Tensor solutions, LiftMap? lift, Tensor rowsVal, Tensor labelsVal)
    {
        using var scope = torch.NewDisposeScope();
        solutions.MoveToOtherDisposeScope(scope);
        var scored = lift is null ? solutions : lift.Apply(solutions);
        return (RidgePath.ValidationMse(rowsVal, labelsVal, scored), RidgePath.Columns(solutions));
    }

    /// <summary>U z for orthonormal columns U with disjoint supports inside the leading mr features, as gathers: row Index of U z is Value times z[column].</summary>
    private sealed class LiftMap
    {
        private readonly long[] _rows, _columns;
        private readonly double[] _values;
        private readonly int _size;

        public LiftMap(IReadOnlyList<(int Index, double Value)[]> columns, int size)
        {
            var entries = columns.SelectMany((col, b) => col.Select(e => (e.Index, Column: b, e.Value))).ToList();
            _rows = entries.Select(e => (long)e.Index).ToArray();
            _columns = entries.Select(e => (long)e.Column).ToArray();
            _values = entries.Select(e => e.Value).ToArray();
            _size = size;
        }

        public Tensor Apply(Tensor z)
        {
            var gathered = z.index_select(0, Tensors.Int64(_columns)).mul(Tensors.Float64(_values, [_values.Length, 1]));
            return zeros([_size, z.shape[1]], dtype: float64).index_copy_(0, Tensors.Int64(_rows), gathered);
        }
    }

    private static (double[] Rows, double[,] Labels) ValidationSample(int count, FrequencyLattice lattice, Random inputs, List<Random> noise, List<double[]> targets, double sigma)
    {
        int m = lattice.FeatureCount;
        var rows = new double[count * m];
        var labels = new double[count, targets.Count];
        var psi = new double[m];
        for (int row = 0; row < count; row++)
        {
            lattice.ScaledFeatures(Torus.Uniform(inputs, lattice.Dimension), psi);
            psi.CopyTo(rows, row * m);
            for (int i = 0; i < targets.Count; i++)
            {
                double f = 0;
                for (int k = 0; k < m; k++) f += psi[k] * targets[i][k];
                labels[row, i] = f + sigma * Torus.Gaussian(noise[i]);
            }
        }
        return (rows, labels);
    }

    private static void AddRows(NormalEquations equations, int rows, FrequencyLattice lattice, Random inputs, List<Random> noise, List<double[]> targets, double sigma)
    {
        int m = lattice.FeatureCount, t = targets.Count;
        for (int done = 0; done < rows; done += Chunk)
        {
            int p = Math.Min(Chunk, rows - done);
            var psi = new double[p * m];
            var y = new double[p * t];
            var points = new double[p * lattice.Dimension];
            for (int row = 0; row < p; row++)
            {
                var span = psi.AsSpan(row * m, m);
                var x = Torus.Uniform(inputs, lattice.Dimension);
                x.CopyTo(points, row * lattice.Dimension);
                lattice.ScaledFeatures(x, span);
                for (int i = 0; i < t; i++)
                {
                    double f = 0;
                    var c = targets[i];
                    for (int k = 0; k < m; k++) f += span[k] * c[k];
                    y[row * t + i] = f + sigma * Torus.Gaussian(noise[i]);
                }
            }
            equations.Add(psi, y, p, points);
        }
    }

    private static double[] Pad(double[] v, int length)
    {
        var result = new double[length];
        v.CopyTo(result, 0);
        return result;
    }

    /// <summary>U^T b for orthonormal columns with disjoint supports.</summary>
    private static Vector<double> Project(Vector<double> b, IReadOnlyList<(int Index, double Value)[]> columns) =>
        Vector<double>.Build.Dense(columns.Count, o => columns[o].Sum(e => e.Value * b[e.Index]));

    /// <summary>U^T G U: H = G U (each column of U has a few entries), then U^T H; G symmetric, stored column-major.</summary>
    private static Matrix<double> Congruence(Matrix<double> g, IReadOnlyList<(int Index, double Value)[]> columns)
    {
        int size = g.RowCount, c = columns.Count;
        var gv = g.AsColumnMajorArray() ?? g.ToColumnMajorArray();
        var h = new double[size * c];
        for (int b = 0; b < c; b++)
            foreach (var (j, v) in columns[b])
                for (int i = 0; i < size; i++) h[b * size + i] += v * gv[j * size + i];
        return Matrix<double>.Build.Dense(c, c, (a, b) =>
        {
            double sum = 0;
            foreach (var (i, u) in columns[a]) sum += u * h[b * size + i];
            return sum;
        });
    }

    /// <summary>
    /// nu on a log grid of step 10^(1/3): at the first n a coarse sweep 1e-8..1e0 (factor 10) refined
    /// to +-1/3, +-2/3 decades around its best; at later n a local sweep from 10^(-4/3) to 10^(2/3)
    /// times the previous choice (the optimum falls with n), extended while the best is on an edge.
    /// Each sweep's penalties are solved and scored in one batch (<see cref="RidgePath"/>); returns the
    /// chosen nu, its validation MSE and its solution.
    /// </summary>
    private static (double Nu, double Mse, double[] Solution) SelectNu(Func<IReadOnlyList<double>, (double[] Mse, double[][] Columns)> score, int n, double previousNu, SampleComplexityDesign design)
    {
        var scores = new SortedDictionary<int, double>();
        var solutions = new Dictionary<int, double[]>();
        const double step = 1.0 / 3;
        double Nu(int j) => Math.Pow(10, j * step);
        void Eval(IEnumerable<int> grid)
        {
            var todo = grid.Where(j => !scores.ContainsKey(j)).Distinct().ToList();
            if (todo.Count == 0) return;
            var (mse, columns) = score(todo.Select(j => n * Nu(j)).ToList());
            for (int i = 0; i < todo.Count; i++) (scores[todo[i]], solutions[todo[i]]) = (mse[i], columns[i]);
        }
        int Best() => scores.MinBy(kv => kv.Value).Key;
        if (previousNu > 0)
        {
            int j0 = (int)Math.Round(Math.Log10(previousNu) / step);
            Eval(Enumerable.Range(j0 - 4, 7));
        }
        else
        {
            Eval(design.CoarseNu.Select(nu => (int)Math.Round(Math.Log10(nu) / step)));
            Eval(Enumerable.Range(Best() - 2, 5));
        }
        for (int guard = 0; guard < 24; guard++)
        {
            int b = Best();
            if (b == scores.Keys.First() && b > -36) Eval([b - 1]);
            else if (b == scores.Keys.Last() && b < 6) Eval([b + 1]);
            else break;
        }
        int best = Best();
        return (Nu(best), scores[best], solutions[best]);
    }
}
