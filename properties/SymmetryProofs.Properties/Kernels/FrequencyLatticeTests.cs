using FsCheck;
using FsCheck.Fluent;
using SymmetryProofs.Kernels;
using SymmetryProofs.Properties.Support;
using static SymmetryProofs.Properties.Kernels.KernelFixtures;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Kernels;

/// <summary>
/// <see cref="FrequencyLattice.LargestDroppedEigenvalue"/> against the lattice points themselves, and
/// <see cref="FrequencyLattice.ScaledFeatures"/> (products over axes) against the cos and sin of pi k.x.
/// </summary>
public class FrequencyLatticeTests(ITestOutputHelper output)
{
    /// <summary>
    /// The largest weight over the integer points of the box [-(R + 2), R + 2]^D outside the ball of radius R (the
    /// smallest |k| &gt; R lies in it: (R + 1, 0, ..., 0) does), equal bit for bit: both are the same weight function of an
    /// integer |k|^2. <paramref name="claimed"/> is the value under test.
    /// </summary>
    private static Property DroppedEigenvalueIsTheLargestOutsideTheBall(int dRaw, int rRaw, Func<FrequencyLattice, double> claimed, Coverage? coverage = null)
    {
        int d = 1 + Math.Abs(dRaw % 3), radius = 1 + Math.Abs(rRaw % 12), box = radius + 2;
        var lattice = new FrequencyLattice(d, radius, (d + 1) / 2.0);
        int smallest = int.MaxValue;
        var k = new int[d];
        void Visit(int j)
        {
            if (j == d)
            {
                int norm2 = FrequencyLattice.Norm2(k);
                if (norm2 > radius * radius) smallest = Math.Min(smallest, norm2);
                return;
            }
            for (int v = -box; v <= box; v++) { k[j] = v; Visit(j + 1); }
        }
        Visit(0);
        double expected = lattice.Weight(smallest), actual = claimed(lattice);
        var verdict = (actual == expected, $"D = {d}, R = {radius}: {actual:R} against the weight {expected:R} at |k|^2 = {smallest}");
        return coverage is null ? Prop.Label(verdict.Item1, verdict.Item2) : coverage.Case(verdict, ("D = 1", d == 1));
    }

    [Fact]
    public void The_largest_dropped_eigenvalue_is_the_weight_of_the_nearest_lattice_point_outside_the_ball()
    {
        var coverage = new Coverage(output).AtLeast(0.2, "D = 1", "the one dimension where R^2 + 1 is not a squared norm");
        coverage.Check(Prop.ForAll<int, int>((d, r) => DroppedEigenvalueIsTheLargestOutsideTheBall(d, r, l => l.LargestDroppedEigenvalue(), coverage)));
    }

    /// <summary>Negative control: the weight at |k|^2 = R^2 + 1, which no lattice point has in D = 1, is told apart.</summary>
    [Fact]
    public void The_weight_at_R_squared_plus_one_is_wrong_in_one_dimension()
    {
        var found = NegativeControl.Require(Prop.ForAll<int, int>((d, r) => DroppedEigenvalueIsTheLargestOutsideTheBall(d, r, l => l.Weight(l.Radius * l.Radius + 1))), output);
        Assert.Contains("D = 1", found.Labels);
    }

    private const double Eps = 2.220446049250313e-16;

    /// <summary>
    /// Feature by feature, with a = sqrt(2 w_k): the direct cos and sin of fl(pi fl(k.x)) carry the angle's rounding,
    /// at most eps (pi (D + 1) |k|_1 + 1) (|x_j| &lt;= 1), and an ulp each; the product over axes carries each axis's angle
    /// pi k_j x_j (at most 2 eps pi |k_j|) and an ulp, and D - 1 complex products of numbers of modulus 1 (3 eps each).
    /// Tolerance a eps (pi (D + 3) |k|_1 + 4 D + 4); the constant is 1 exactly. <paramref name="flipLast"/> compares with the
    /// direct features at x with its last coordinate negated (a sign slip on one axis).
    /// </summary>
    private static Property ProductFeaturesEqualDirectOnes(int seed, int dRaw, bool flipLast, Coverage? coverage = null)
    {
        int d = Dimension(dRaw);
        var rng = new Random(seed);
        var lattice = new FrequencyLattice(d, 1 + rng.Next(2 * Radius(d)), (d + 1) / 2.0);
        int m = lattice.FeatureCount;
        var x = Points(seed, 1 + rng.Next(2), d)[^1];
        var reference = x.ToArray();
        if (flipLast) reference[d - 1] = Torus.Wrap(-reference[d - 1]);
        var product = new double[m];
        var direct = new double[m];
        lattice.ScaledFeatures(x, product);
        lattice.ScaledFeaturesDirect(reference, direct);
        if (product[0] != 1.0) return Prop.Label(false, $"D = {d}: the constant feature is {product[0]:R}");
        for (int f = 1; f < m; f++)
        {
            double tol = Math.Sqrt(2 * lattice.EigenvalueOf(f)) * Eps * (Math.PI * (d + 3) * lattice.FrequencyOf(f).Sum(Math.Abs) + 4 * d + 4);
            if (!(Math.Abs(product[f] - direct[f]) <= tol))
                return Prop.Label(false, $"D = {d}, R = {lattice.Radius}, x = {Show(x)}: feature {f} (k = {Show(lattice.FrequencyOf(f).Select(v => (double)v).ToArray())}) is {product[f]:R} by products, {direct[f]:R} directly (tolerance {tol:G3})");
        }
        var verdict = (true, "");
        return coverage is null ? Prop.Label(true, "") : coverage.Case(verdict, ("D = 3", d == 3), ("off the quarter grid", x.Any(v => Math.Abs(4 * v - Math.Round(4 * v)) > 1e-9)));
    }

    [Fact]
    public void Features_by_products_over_axes_equal_the_cos_and_sin_of_the_angle()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.2, "D = 3", "three factors per feature, the experiment's costliest dimension")
            .AtLeast(0.3, "off the quarter grid", "generic points, not only the grid where sines and cosines are exact");
        coverage.Check(Prop.ForAll<int, int>((s, d) => ProductFeaturesEqualDirectOnes(s, d, false, coverage)));
    }

    /// <summary>Negative control: direct features at the point with its last coordinate negated are told apart.</summary>
    [Fact]
    public void A_sign_slip_on_one_axis_is_detected()
    {
        var found = NegativeControl.Require(Prop.ForAll<int, int>((s, d) => ProductFeaturesEqualDirectOnes(s, d, true)), output);
        Assert.Contains("by products", found.Labels);
    }
}
