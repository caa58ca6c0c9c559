using FsCheck;
using FsCheck.Fluent;
using SymmetryProofs.Kernels;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Runtime;
using Xunit.Abstractions;
using static SymmetryProofs.Properties.Kernels.KernelFixtures;

namespace SymmetryProofs.Properties.Kernels;

/// <summary>
/// <see cref="NormalEquations"/> of a lattice (Psi^T Psi from the points' <see cref="FourierMoments"/> and the
/// product-to-sum identities) against the same normal equations accumulated as the product of the feature rows.
/// </summary>
public class FourierMomentsProperties(ITestOutputHelper output)
{
    private const double Eps = 2.220446049250313e-16;

    /// <summary>
    /// Entry (a, b) of the leading block, for features of frequencies k and l with scales s_a, s_b (1 for the constant,
    /// sqrt(2 w) otherwise). Both sides sum n terms of magnitude at most s_a s_b in different orders, each sum off by at most
    /// (n - 1) eps n s_a s_b. Each term carries the rounding of its angles: a feature's pi k_j x_j by at most 2 eps pi |k_j|
    /// per axis (<see cref="FrequencyLattice.ScaledFeatures"/> multiplies over axes), a moment's pi q_j x_j (q = k +- l) by at
    /// most 2 eps pi |q_j|, within (D + 1) eps pi (|k|_1 + |l|_1) per side, and sine, cosine and the products add a few ulps. Tolerance: s_a s_b n eps (2 n + 4 pi (D + 1)(|k|_1 + |l|_1) + 16); the
    /// right-hand sides are the same product in both and must agree bit for bit. With <paramref name="reflect"/> the
    /// moments are fed -x instead of x, which conjugates every moment: the sign error a slip in the sine identities or in
    /// the conjugate symmetry would make.
    /// </summary>
    private static Property GramEqualsTheProductOfTheFeatures(int seed, int nRaw, int dRaw, bool reflect, Coverage? coverage = null)
    {
        TorchSetup.Initialise();
        int d = Dimension(dRaw), n = 1 + Math.Abs(nRaw % 120);
        var rng = new Random(seed);
        var lattice = new FrequencyLattice(d, 1 + rng.Next(Radius(d)), (d + 1) / 2.0);
        int m = lattice.FeatureCount, size = 1 + rng.Next(m), targets = 2;
        var points = Points(seed, n, d).ToArray();
        var rows = points.Select(x => { var v = new double[m]; lattice.ScaledFeatures(x, v); return v; }).ToArray();
        var labels = Enumerable.Range(0, n * targets).Select(_ => Torus.Gaussian(rng)).ToArray();
        var cuts = Enumerable.Range(0, Math.Abs(seed % 4)).Select(_ => rng.Next(1, Math.Max(2, n))).Append(0).Append(n).Where(c => c <= n).Distinct().Order().ToArray();

        using var product = new NormalEquations(m, targets);
        using var moments = new NormalEquations(lattice, targets);
        for (int c = 0; c + 1 < cuts.Length; c++)
        {
            int from = cuts[c], count = cuts[c + 1] - from;
            var features = rows.Skip(from).Take(count).SelectMany(r => r).ToArray();
            var y = labels.AsSpan(from * targets, count * targets).ToArray();
            product.Add(features, y, count);
            moments.Add(features, y, count, points.Skip(from).Take(count).SelectMany(x => reflect ? x.Select(v => -v) : x).ToArray());
        }
        var expected = product.Gram(size);
        var actual = moments.Gram(size);
        double Scale(int f) => f == 0 ? 1.0 : Math.Sqrt(2 * lattice.EigenvalueOf(f));
        int L1(int f) => lattice.FrequencyOf(f).Sum(Math.Abs);
        for (int a = 0; a < size; a++)
            for (int b = 0; b < size; b++)
            {
                double tol = Scale(a) * Scale(b) * n * Eps * (2 * n + 4 * Math.PI * (d + 1) * (L1(a) + L1(b)) + 16);
                double err = Math.Abs(actual[a, b] - expected[a, b]);
                if (!(err <= tol)) return Prop.Label(false, $"D = {d}, R = {lattice.Radius}, n = {n}, block {size}: entry ({a}, {b}) {actual[a, b]:R} against {expected[a, b]:R} (difference {err:G3} > {tol:G3})");
            }
        for (int t = 0; t < targets; t++)
            if (!moments.Rhs(size, t).Equals(product.Rhs(size, t))) return Prop.Label(false, $"D = {d}, n = {n}: the right-hand side of target {t} differs");
        var verdict = (true, "");
        return coverage is null ? Prop.Label(true, "") : coverage.Case(verdict,
            ("D = 3", d == 3), ("a proper leading block", size < m), ("two or more chunks", cuts.Length > 2), ("sines in the block", size > 2));
    }

    [Fact]
    public void The_Gram_matrix_from_Fourier_moments_equals_the_product_of_the_features()
    {
        // D = 1 + |raw mod 3| over FsCheck's sized ints (raw uniform in [-s, s], s = 1..100) is 3 in 32% of the cases on
        // average, with a standard deviation of 4.7% over 100 cases; 10% is 4.8 of those below, reached by chance with
        // probability about 3e-8 (20% was 2.7 below, about 2e-3, and a CI run met 16%).
        var coverage = new Coverage(output)
            .AtLeast(0.1, "D = 3", "the experiment's costliest case, where the moments replace the most work")
            .AtLeast(0.5, "a proper leading block", "the fits at n use the leading block of R(n)")
            .AtLeast(0.4, "two or more chunks", "moments accumulate chunk by chunk")
            .AtLeast(0.6, "sines in the block", "the sine identities are where a sign slip would hide");
        coverage.Check(Prop.ForAll<int, int, int>((s, n, d) => GramEqualsTheProductOfTheFeatures(s, n, d, false, coverage)));
    }

    /// <summary>Negative control: the moments of the reflected points (every moment conjugated) are told apart.</summary>
    [Fact]
    public void Conjugated_moments_are_detected()
    {
        var found = NegativeControl.Require(Prop.ForAll<int, int, int>((s, n, d) => GramEqualsTheProductOfTheFeatures(s, n, d, true)), output);
        Assert.Contains("entry", found.Labels);
    }
}
