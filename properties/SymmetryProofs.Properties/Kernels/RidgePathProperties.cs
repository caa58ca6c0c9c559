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
/// <see cref="RidgePath"/> (all penalties in one BLAS product, validation errors of all of them in another) against
/// <see cref="SpectralRidge"/> (one solve per penalty) and a managed residual sum, on the Gram matrix of random torus
/// features.
/// </summary>
public class RidgePathProperties(ITestOutputHelper output)
{
    private const double Eps = 2.220446049250313e-16;

    /// <summary>
    /// Both paths decompose the same matrix with the same LAPACK call, so they share Q and e exactly; a solution differs
    /// only in the summation order of Q s (s = diag(1/(e + lambda)) Q^T b), by at most m eps sum_k |Q_ik s_k| per entry,
    /// bounded in norm by m eps ||s||_1 &lt;= m^1.5 eps ||s|| = m^1.5 eps ||gamma|| (Q orthogonal): tolerance 2 m^1.5 eps.
    /// The validation MSE differs by summation order in V gamma (each residual by at most (m + 1) eps (|V| |gamma| + |y|))
    /// and in the sum of squares; the tolerance is 4 (m + nv + 2) eps times sum (|V||gamma| + |y|)^2 / nv.
    /// With <paramref name="shift"/> the batch's penalties are multiplied by 1 + 1e-6 (a planted wrong penalty).
    /// </summary>
    private static Property AgreesWithOneSolvePerPenalty(int seed, bool shift, Coverage? coverage = null)
    {
        TorchSetup.Initialise();
        var rng = new Random(seed);
        int d = 2;
        var lattice = new FrequencyLattice(d, 1 + rng.Next(Radius(d)), 1.5);
        int m = lattice.FeatureCount;
        // Half the cases have fewer rows than features (G singular: the penalty alone makes the solve possible), half more.
        int n = rng.Next(2) == 0 && m > 3 ? 2 + rng.Next(m - 3) : m + rng.Next(60), nv = 4 + rng.Next(30);
        double[] Row(double[] x) { var v = new double[m]; lattice.ScaledFeatures(x, v); return v; }
        var psi = Matrix<double>.Build.DenseOfRowArrays(Points(seed, n, d).Select(Row));
        var val = Matrix<double>.Build.DenseOfRowArrays(Points(seed + 7919, nv, d).Select(Row));
        var gram = psi.TransposeThisAndMultiply(psi);
        gram = (gram + gram.Transpose()) * 0.5;
        var b = psi.TransposeThisAndMultiply(Vector<double>.Build.Dense(n, _ => Torus.Gaussian(rng)));
        var y = Vector<double>.Build.Dense(nv, _ => Torus.Gaussian(rng));
        var lambdas = Enumerable.Range(0, 1 + rng.Next(8)).Select(_ => Math.Pow(10, -4 + 4 * rng.NextDouble())).ToArray();

        using var path = new RidgePath(gram);
        var reference = new SpectralRidge(gram);
        var rotated = reference.Rotate(b);
        using var scope = TorchSharp.torch.NewDisposeScope();
        var solutions = path.Solutions(path.Rotate(b.ToArray()), shift ? lambdas.Select(l => l * (1 + 1e-6)).ToArray() : lambdas);
        var columns = RidgePath.Columns(solutions);
        var mse = RidgePath.ValidationMse(Tensors.Float64(val.ToRowMajorArray(), [nv, m]), Tensors.Float64(y.ToArray(), [nv, 1]), solutions);
        for (int j = 0; j < lambdas.Length; j++)
        {
            var expected = reference.Solve(rotated, lambdas[j]);
            var gamma = Vector<double>.Build.Dense(columns[j]);
            double err = (gamma - expected).L2Norm(), tol = 2 * Math.Pow(m, 1.5) * Eps * expected.L2Norm();
            if (!(err <= tol)) return Prop.Label(false, $"m = {m}, lambda = {lambdas[j]:G3}: solution differs by {err:G3} > {tol:G3}");
            var residual = val * expected - y;
            double managed = residual.DotProduct(residual) / nv;
            double scale = (val.PointwiseAbs() * expected.PointwiseAbs() + y.PointwiseAbs()).PointwisePower(2).Sum() / nv;
            double mseTol = 4 * (m + nv + 2) * Eps * scale;
            if (!(Math.Abs(mse[j] - managed) <= mseTol)) return Prop.Label(false, $"m = {m}, nv = {nv}, lambda = {lambdas[j]:G3}: validation MSE {mse[j]:R} against {managed:R} (tolerance {mseTol:G3})");
        }
        var verdict = (true, "");
        return coverage is null ? Prop.Label(true, "") : coverage.Case(verdict, ("several penalties in one batch", lambdas.Length > 1), ("fewer rows than features", n < m));
    }

    [Fact]
    public void Batched_solutions_and_validation_errors_equal_one_solve_per_penalty()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.6, "several penalties in one batch", "a batch is what the penalty search uses")
            .AtLeast(0.2, "fewer rows than features", "the small-n fits, where G is singular and the penalty matters");
        coverage.Check(Prop.ForAll<int>(s => AgreesWithOneSolvePerPenalty(s, false, coverage)));
    }

    /// <summary>Negative control: penalties off by a factor 1 + 1e-6 are told apart from the right ones.</summary>
    [Fact]
    public void A_penalty_off_by_one_part_in_a_million_is_detected()
    {
        var found = NegativeControl.Require(Prop.ForAll<int>(s => AgreesWithOneSolvePerPenalty(s, true)), output);
        Assert.Contains("solution differs", found.Labels);
    }
}
