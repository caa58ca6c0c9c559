using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Kernels;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Runtime;
using Xunit.Abstractions;
using static SymmetryProofs.Properties.Kernels.KernelFixtures;

namespace SymmetryProofs.Properties.Kernels;

/// <summary>
/// The experiment's solver path: <see cref="NormalEquations"/> (several targets, chunks, leading blocks)
/// and <see cref="SpectralRidge"/> (one eigendecomposition for all penalties) against
/// <see cref="FeatureRidge"/> (one target, Cholesky) on the lattice of the smaller radius.
/// </summary>
public class NormalEquationsProperties(ITestOutputHelper output)
{
    private const double Eps = 2.220446049250313e-16;

    /// <summary>
    /// For a target t, a radius r &lt;= R and a penalty lambda: the leading block of the radius-R
    /// accumulation, solved in the eigenbasis, equals FeatureRidge on the radius-r lattice. Both solve
    /// A gamma = b with A = Psi^T Psi + lambda I; the Gram matrices differ by summation order (at most
    /// n eps max|psi|^2 per entry) and a backward-stable symmetric eigensolver or Cholesky adds ~m eps ||A||,
    /// so the relative difference of gamma is bounded by cond(A) (4 n m eps max|psi|^2 + 16 m eps ||A||) / ||A||.
    /// With <paramref name="repeatRow"/> one row of a later chunk is added twice (an overlap bug).
    /// </summary>
    private static Property BlockSolveEqualsCholesky(int seed, int nRaw, int cutsRaw, bool repeatRow, Coverage? coverage = null)
    {
        TorchSetup.Initialise();
        int d = 2, radius = Radius(d), n = 4 + Math.Abs(7 * nRaw % 97);
        var rng = new Random(seed);
        int small = 1 + rng.Next(radius);
        var big = new FrequencyLattice(d, radius, 1.5);
        var lattice = new FrequencyLattice(d, small, 1.5);
        int m = big.FeatureCount, mr = lattice.FeatureCount, targets = 3, t = rng.Next(targets);
        var points = Points(seed, n, d).ToArray();
        var rows = new double[n][];
        for (int i = 0; i < n; i++) { rows[i] = new double[m]; big.ScaledFeatures(points[i], rows[i]); }
        var labels = new double[n, targets];
        for (int i = 0; i < n; i++) for (int k = 0; k < targets; k++) labels[i, k] = Torus.Gaussian(rng);
        double lambda = Math.Pow(10, -3 + 3 * rng.NextDouble());
        var cuts = Enumerable.Range(0, 1 + Math.Abs(cutsRaw % 4)).Select(_ => rng.Next(1, n)).Append(0).Append(n).Distinct().Order().ToArray();

        using var equations = new NormalEquations(m, targets);
        for (int c = 0; c + 1 < cuts.Length; c++)
        {
            int from = repeatRow && c == 1 ? cuts[c] - 1 : cuts[c], count = cuts[c + 1] - from;
            equations.Add(Enumerable.Range(from, count).SelectMany(i => rows[i]).ToArray(),
                Enumerable.Range(from, count).SelectMany(i => Enumerable.Range(0, targets).Select(k => labels[i, k])).ToArray(), count);
        }
        var spectral = new SpectralRidge(equations.Gram(mr));
        var gamma = spectral.Solve(spectral.Rotate(equations.Rhs(mr, t)), lambda);

        var psi = Matrix<double>.Build.DenseOfRowArrays(points.Select(p => { var v = new double[mr]; lattice.ScaledFeatures(p, v); return v; }));
        var reference = new FeatureRidge(mr);
        reference.Add(psi, Vector<double>.Build.Dense(n, i => labels[i, t]));
        var expected = reference.Solve(lambda);
        var eig = (psi.TransposeThisAndMultiply(psi) + lambda * Matrix<double>.Build.DenseIdentity(mr)).Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).ToArray();
        double rowNorm = Enumerable.Range(0, n).Max(i => psi.Row(i).DotProduct(psi.Row(i)));
        double tol = eig.Max() / eig.Min() * (4 * n * mr * Eps * rowNorm + 16 * mr * Eps * eig.Max()) / eig.Max();
        double err = (gamma - expected).L2Norm() / expected.L2Norm();
        var verdict = (err <= tol, $"n = {n}, R = {radius}, r = {small}, target {t}, lambda = {lambda:G3}, chunks at [{string.Join(", ", cuts)}]: relative difference {err:G3} > {tol:G3}");
        return coverage is null ? Prop.Label(verdict.Item1, verdict.Item2)
            : coverage.Case(verdict, ("a proper leading block", small < radius), ("three or more chunks", cuts.Length > 3), ("more rows than features", n > mr));
    }

    [Fact]
    public void Leading_block_spectral_solve_equals_Cholesky_on_the_smaller_lattice()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.5, "a proper leading block", "the block solve is what the experiment uses below the full radius")
            .AtLeast(0.5, "three or more chunks", "incremental accumulation is what is tested")
            .AtLeast(0.3, "more rows than features", "the overdetermined regime of the large-n fits");
        coverage.Check(Prop.ForAll<int, int, int>((s, n, c) => BlockSolveEqualsCholesky(s, n, c, false, coverage)));
    }

    /// <summary>Negative control: adding one row twice (overlapping chunks) changes the solve.</summary>
    [Fact]
    public void Overlapping_chunks_change_the_spectral_solve()
    {
        var found = NegativeControl.Require(Prop.ForAll<int, int, int>((s, n, c) => BlockSolveEqualsCholesky(s, n, c, true)), output);
        Assert.Contains("relative difference", found.Labels);
    }

    /// <summary>
    /// <see cref="NormalEquations.LabelPower"/> of target t is y_t . y_t over every row added, in chunks: a sum of n
    /// non-negative terms, so the two summation orders differ by at most 2 (n - 1) eps y_t . y_t (and each square by an
    /// ulp): tolerance 2 (n + 1) eps y_t . y_t. With <paramref name="everyTarget"/> the expectation is the sum over every
    /// target (what a reduction over all dimensions gives, as a sum without a named dimension does).
    /// </summary>
    private static Property LabelPowerIsTheSumOfSquares(int seed, int nRaw, bool everyTarget)
    {
        TorchSetup.Initialise();
        var rng = new Random(seed);
        int n = 1 + Math.Abs(nRaw % 50), targets = 1 + rng.Next(3), m = 3;
        var labels = Enumerable.Range(0, n * targets).Select(_ => 10 * Torus.Gaussian(rng)).ToArray();
        using var equations = new NormalEquations(m, targets);
        for (int from = 0; from < n; from += 7)
        {
            int count = Math.Min(7, n - from);
            equations.Add(new double[count * m], labels.AsSpan(from * targets, count * targets).ToArray(), count);
        }
        for (int t = 0; t < targets; t++)
        {
            double expected = Enumerable.Range(0, n).Sum(i => everyTarget ? Enumerable.Range(0, targets).Sum(u => labels[i * targets + u] * labels[i * targets + u]) : labels[i * targets + t] * labels[i * targets + t]);
            double tol = 2 * (n + 1) * Eps * expected, actual = equations.LabelPower(t);
            if (!(Math.Abs(actual - expected) <= tol)) return Prop.Label(false, $"n = {n}, {targets} targets: the power of target {t} is {actual:R}, expected {expected:R}");
        }
        return Prop.Label(true, "");
    }

    [Fact]
    public void Label_power_is_the_sum_of_squares_of_each_target()
    {
        var coverage = new Coverage(output).AtLeast(0.5, "several targets", "a reduction over the wrong dimension mixes targets");
        coverage.Check(Prop.ForAll<int, int>((s, n) => coverage.Case(LabelPowerIsTheSumOfSquares(s, n, false), ("several targets", new Random(s).Next(3) > 0))));
    }

    /// <summary>Negative control: the power summed over every target is told apart from each target's own.</summary>
    [Fact]
    public void Label_power_of_every_target_together_is_detected()
    {
        var found = NegativeControl.Require(Prop.ForAll<int, int>((s, n) => LabelPowerIsTheSumOfSquares(s, n, true)), output);
        Assert.Contains("the power of target", found.Labels);
    }
}
