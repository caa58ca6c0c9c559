using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Kernels;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;
using static SymmetryProofs.Properties.Kernels.KernelFixtures;

namespace SymmetryProofs.Properties.Kernels;

/// <summary>The normal equations accumulated over nested samples (<see cref="FeatureRidge"/>).</summary>
public class FeatureRidgeProperties(ITestOutputHelper output)
{
    private const double Eps = 2.220446049250313e-16;

    /// <summary>
    /// Adding the rows of a sample in chunks (with MathNet's or libtorch's products) gives the solve of
    /// one Add of all rows. The Gram matrices differ only in summation order, by at most
    /// n eps max_i |psi_i|^2 per entry, so the relative error of gamma is bounded by
    /// cond(A) 4 n eps m max|psi|^2 / ||A|| with A = Psi^T Psi + lambda I (cond and ||A|| from its eigenvalues).
    /// With <paramref name="repeatRow"/> the first row of the second chunk is added twice (an overlap bug).
    /// </summary>
    private static Property ChunkedEqualsWhole(Coverage coverage, int seed, int nRaw, int cutsRaw, bool repeatRow)
    {
        int d = 2, n = 4 + Math.Abs(7 * nRaw % 97); // 7 spreads the small early ints over 4..100 (the lattice has 49 features)
        var lattice = new FrequencyLattice(d, Radius(d), 1.5);
        var rng = new Random(seed);
        var psi = Matrix<double>.Build.DenseOfRowArrays(Points(seed, n, d).Select(p => { var v = new double[lattice.FeatureCount]; lattice.ScaledFeatures(p, v); return v; }));
        var y = Vector<double>.Build.Dense(n, _ => Torus.Gaussian(rng));
        double lambda = Math.Pow(10, -3 + 3 * rng.NextDouble());
        var whole = new FeatureRidge(lattice.FeatureCount);
        whole.Add(psi, y);
        var cuts = Enumerable.Range(0, 1 + Math.Abs(cutsRaw % 4)).Select(_ => rng.Next(1, n)).Append(0).Append(n).Distinct().Order().ToArray();
        var failures = new List<string>();
        var a = psi.TransposeThisAndMultiply(psi) + lambda * Matrix<double>.Build.DenseIdentity(lattice.FeatureCount);
        var eig = a.Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).ToArray();
        double rowNorm = Enumerable.Range(0, n).Max(i => psi.Row(i).DotProduct(psi.Row(i)));
        double tol = eig.Max() / eig.Min() * 4 * n * Eps * lattice.FeatureCount * rowNorm / eig.Max();
        var expected = whole.Solve(lambda);
        // The libtorch accumulation of the experiment (NormalEquations) is held against this solve in NormalEquationsProperties.
        var chunked = new FeatureRidge(lattice.FeatureCount);
        for (int c = 0; c + 1 < cuts.Length; c++)
        {
            int from = repeatRow && c == 1 ? cuts[c] - 1 : cuts[c];
            chunked.Add(psi.SubMatrix(from, cuts[c + 1] - from, 0, psi.ColumnCount), y.SubVector(from, cuts[c + 1] - from));
        }
        double err = (chunked.Solve(lambda) - expected).L2Norm() / expected.L2Norm();
        if (!(err <= tol)) failures.Add($"n = {n}, chunks at [{string.Join(", ", cuts)}]: relative difference {err:G3} > {tol:G3}");
        return coverage.Case((failures.Count == 0).Label(string.Join("; ", failures)),
            ("three or more chunks", cuts.Length > 3), ("more rows than features", n > lattice.FeatureCount));
    }

    [Fact]
    public void Chunked_normal_equations_equal_one_solve()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.5, "three or more chunks", "one or two chunks barely exercise the accumulation")
            .AtLeast(0.15, "more rows than features", "with fewer rows the normal equations are singular without the ridge"); // 31-38% seen: small generated ints favour small n
        coverage.Check(Prop.ForAll<int, int, int>((s, n, c) => ChunkedEqualsWhole(coverage, s, n, c, false)));
    }

    /// <summary>Negative control: adding one row twice (overlapping chunks) changes the solve.</summary>
    [Fact]
    public void Overlapping_chunks_do_not_equal_one_solve()
    {
        var found = NegativeControl.Require(Prop.ForAll<int, int, int>((s, n, c) => ChunkedEqualsWhole(new Coverage(output), s, n, c, true)), output);
        Assert.Contains("relative difference", found.Labels);
    }
}
