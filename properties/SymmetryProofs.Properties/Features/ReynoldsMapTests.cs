using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Representations;
using SymmetryProofs.Features;
using SymmetryProofs.Symmetry;
using SymmetryProofs.Data;
using SymmetryProofs.IO;
using Xunit.Abstractions;
using SymmetryProofs.Properties.Support;

namespace SymmetryProofs.Properties.Features;

/// <summary>The Reynolds operator phi_G(x) = (1/|G|) sum_g phi(U(g) x) is G-invariant (the averaged invariants of claims 6 and 11).</summary>
[Properties(MaxTest = Suite.Cases, MaxRejected = Suite.MaxRejected)]
public sealed class ReynoldsMapTests(ITestOutputHelper output)
{
    private static readonly double Eps = Math.BitIncrement(1.0) - 1.0;

    private static IFeatureMap[] AnyMaps(Image x, int seed)
    {
        int n = x.Count;
        return new IFeatureMap[]
        {
            new IdentityMap(n), new SquaresMap(n), new NeighbourProductsMap(x.Height, x.Width),
            PermutationProductsMap.FromSeed(n, seed), new FullQuadraticMap(n),
        };
    }

    /// <summary>phi_G(U(h) x) = phi_G(x) bit for bit, for every map, every group of TestGroups(h, w) and every h in G (all act by signed permutations).</summary>
    [Property(Arbitrary = new[] { typeof(Arbs) })]
    public Property Reynolds_average_is_invariant_under_every_element_of_its_group(Image x, int seed)
    {
        var failures = new List<string>();
        foreach (var group in GroupCatalog.TestGroups(x.Height, x.Width, seed))
            foreach (var map in AnyMaps(x, seed))
            {
                var averaged = new ReynoldsMap(map, group);
                if (!averaged.IsExactlyInvariant) failures.Add($"{averaged.Name} does not act by signed permutations");
                // The suite's one invariance check, exact, at every element of the group.
                var check = new EquivarianceCheck { Name = averaged.Name, Group = group, Function = averaged.Apply, Tolerance = Tolerance.Exact };
                foreach (var h in group.Representatives(0))
                {
                    var r = check.Evaluate(x.Vector, h);
                    if (!r.Holds) failures.Add($"{averaged.Name}: {r}");
                }
            }
        return Prop.Label(failures.Count == 0, $"x = {x}, seed {seed}\n" + string.Join("\n", failures));
    }

    /// <summary>C_k rotating the plane by 2 pi / k.</summary>
    private static FiniteGroup Rotations(int k)
    {
        double t = 2 * Math.PI / k;
        return new FiniteGroup($"rotations C{k}", new[] { Matrix<double>.Build.DenseOfArray(new[,] { { Math.Cos(t), -Math.Sin(t) }, { Math.Sin(t), Math.Cos(t) } }) });
    }

    /// <summary>
    /// Rotations by irrational angles act with rounding, so invariance holds to a tolerance only:
    /// first-order rounding analysis (U(g) a product of up to k-1 rounded generators, U(g) x, the
    /// products x_i x_j, the sum of k terms, and the rounded input U(h) x itself) bounds the change of
    /// phi_G by (13 k + 7) eps |x|^2.
    /// </summary>
    [Property(Arbitrary = new[] { typeof(Arbs) })]
    public Property Reynolds_average_over_rotations_is_invariant_within_rounding(int seed)
    {
        var rng = new Random(seed);
        int k = 3 + rng.Next(6);
        var group = Rotations(k);
        var x = Vector<double>.Build.Dense(2, _ => Math.ScaleB(2 * rng.NextDouble() - 1, rng.Next(-10, 11)));
        var averaged = new ReynoldsMap(new FullQuadraticMap(2), group);
        double bound = (13 * k + 7) * Eps * x.DotProduct(x);
        var reference = averaged.Apply(x);
        var worst = Enumerable.Range(0, group.Order).Max(h => (averaged.Apply(group.Act(h, x)) - reference).AbsoluteMaximum());
        return Prop.Label(group.Order == k && !averaged.IsExactlyInvariant && worst <= bound,
            $"C{k} (order {group.Order}), x = {Format.Vector(x)}: max change {worst:G3} vs bound {bound:G3}");
    }

    /// <summary>Negative control of the rotation bound: without the average, the full quadratic map moves by far more than (13 k + 7) eps |x|^2.</summary>
    [Fact]
    public void Map_without_averaging_is_not_invariant_under_rotations()
    {
        var property = Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var rng = new Random(seed);
            int k = 3 + rng.Next(6);
            var group = Rotations(k);
            var x = Vector<double>.Build.Dense(2, _ => Math.ScaleB(2 * rng.NextDouble() - 1, rng.Next(-10, 11)));
            var phi = new FullQuadraticMap(2);
            double bound = (13 * k + 7) * Eps * x.DotProduct(x);
            var worst = Enumerable.Range(0, group.Order).Max(h => (phi.Apply(group.Act(h, x)) - phi.Apply(x)).AbsoluteMaximum());
            return Prop.Label(worst <= bound, $"C{k}, x = {Format.Vector(x)}: max change {worst:G3} vs bound {bound:G3}");
        });
        var found = NegativeControl.Find(property);
        Assert.NotNull(found);
        output.WriteLine(found.Message);
    }

    /// <summary>Negative control: without the average, the identity map is not invariant under translations; FsCheck shrinks to two pixels.</summary>
    [Fact]
    public void Map_without_averaging_is_not_invariant_under_translations()
    {
        var property = Prop.ForAll(Arbs.Images(), x =>
        {
            var group = GroupCatalog.Translations(x.Height, x.Width);
            var phi = new IdentityMap(x.Count);
            return Enumerable.Range(0, group.Order).All(h => phi.Apply(group.Act(h, x.Vector)).Equals(phi.Apply(x.Vector)));
        });
        var found = NegativeControl.Find(property);
        Assert.NotNull(found);
        output.WriteLine(found.ToString());
        Assert.Equal(2, Assert.IsType<Image>(found.Shrunk[0]).Count);
    }

    /// <summary>Averaging an already invariant map changes nothing: squares over all 2^d sign flips, bit for bit (2^d copies sum and divide exactly).</summary>
    [Property(Arbitrary = new[] { typeof(Arbs) })]
    public Property Reynolds_average_of_an_invariant_map_is_the_map(Image x)
    {
        int n = Math.Min(x.Count, 4);
        var v = Vector<double>.Build.DenseOfArray(x.Pixels[..n]);
        var squares = new SquaresMap(n);
        var averaged = new ReynoldsMap(squares, GroupCatalog.SignFlips(n)).Apply(v);
        return Prop.Label(Bits.Identical(squares.Apply(v), averaged), Bits.Describe("squares vs averaged squares", squares.Apply(v), averaged));
    }

    /// <summary>The average of x over the orbit of all sign flips is 0, and over Z2 too: -x lies in each orbit.</summary>
    [Property(Arbitrary = new[] { typeof(Arbs) })]
    public Property Reynolds_average_of_the_identity_over_sign_flips_is_zero(Image x)
    {
        int n = Math.Min(x.Count, 4);
        var v = Vector<double>.Build.DenseOfArray(x.Pixels[..n]);
        var flips = new ReynoldsMap(new IdentityMap(n), GroupCatalog.SignFlips(n)).Apply(v);
        var inversion = new ReynoldsMap(new IdentityMap(n), GroupCatalog.Inversion(n)).Apply(v);
        var zero = Vector<double>.Build.Dense(n);
        return Prop.Label(Bits.Identical(flips, zero) && Bits.Identical(inversion, zero), $"{Format.Vector(flips)}, {Format.Vector(inversion)}");
    }

    [Fact]
    public void Reynolds_average_is_even_when_its_map_is_even_or_its_group_contains_minus_identity()
    {
        Assert.True(new ReynoldsMap(new IdentityMap(4), GroupCatalog.Inversion(4)).IsEven);
        Assert.True(new ReynoldsMap(new SquaresMap(4), GroupCatalog.Translations(2, 2)).IsEven);
        Assert.False(new ReynoldsMap(new IdentityMap(4), GroupCatalog.Translations(2, 2)).IsEven);
    }

    [Fact]
    public void Reynolds_operator_rejects_a_group_acting_on_another_dimension()
    {
        var e = Assert.Throws<ArgumentException>(() => new ReynoldsMap(new SquaresMap(4), GroupCatalog.Inversion(5)));
        output.WriteLine(e.Message);
        Assert.Contains("'x2'", e.Message);
        Assert.Contains("R^4", e.Message);
        Assert.Contains("R^5", e.Message);
        Assert.Throws<ArgumentNullException>(() => new ReynoldsMap(null!, GroupCatalog.Inversion(5)));
    }

    [Fact]
    public void Reynolds_operator_rejects_non_finite_input_naming_itself()
    {
        var averaged = new ReynoldsMap(new SquaresMap(2), GroupCatalog.Inversion(2));
        var e = Assert.Throws<ArgumentException>(() => averaged.Apply(Vector<double>.Build.DenseOfArray(new[] { 1.0, double.NaN })));
        output.WriteLine(e.Message);
        Assert.Contains("reynolds[x2 over inversion]", e.Message);
        Assert.Contains("coordinate 1 is NaN", e.Message);
    }
}
