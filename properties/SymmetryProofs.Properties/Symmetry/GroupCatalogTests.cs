using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Symmetry;
using SymmetryProofs.Data;
using Xunit.Abstractions;
using static SymmetryProofs.Properties.Symmetry.GroupFacts;
using SymmetryProofs.Properties.Support;

namespace SymmetryProofs.Properties.Symmetry;

/// <summary>The catalogue's groups are the groups they are named after: their orders and their action on images.</summary>
[Properties(MaxTest = Suite.Cases, MaxRejected = Suite.MaxRejected)]
public sealed class GroupCatalogTests(ITestOutputHelper output)
{
    /// <summary>The order each group must have by its definition, computed without closure.</summary>
    private static long ExpectedOrder(GroupChoice choice, FiniteGroup group) => choice.Kind switch
    {
        GroupChoice.Inversion => 2,
        GroupChoice.Translations => choice.Height * choice.Width,
        GroupChoice.Mirror => choice.Width >= 2 ? 2 : 1,
        GroupChoice.D4 => choice.Height >= 2 ? 8 : 1,
        GroupChoice.SignFlips => 1L << choice.Dimension,
        GroupChoice.Permutations => Factorial(choice.Dimension),
        GroupChoice.RandomCycles => Lcm(AsPermutation(group.Generators[0])!.Cycles().Select(c => c.Length)),
        _ => throw new ArgumentException(choice.Kind),
    };

    /// <summary>Orders: inversion 2, translations h w, mirror 2 (1 for one column), D4 8 (1 for 1x1), sign flips 2^d, S_d d!, random cycles the lcm of their cycle lengths.</summary>
    [Property(Arbitrary = new[] { typeof(Arbs) })]
    public Property Order_matches_the_definition_of_the_group(GroupChoice choice)
    {
        var group = choice.Build();
        long expected = ExpectedOrder(choice, group);
        return Prop.Label(group.Order == expected && group.Dimension == choice.Dimension,
            $"{choice}: order {group.Order}, expected {expected}; dimension {group.Dimension}");
    }

    [Theory]
    [InlineData(5, 120)]
    [InlineData(6, 720)]
    public void Coordinate_permutations_have_order_d_factorial(int d, int order) =>
        Assert.Equal(order, GroupCatalog.CoordinatePermutations(d).Order);

    [Theory]
    [InlineData(5, 32)]
    [InlineData(6, 64)]
    public void Sign_flips_have_order_2_to_the_d(int d, int order) =>
        Assert.Equal(order, GroupCatalog.SignFlips(d).Order);

    /// <summary>Random cycles: at most maxCycleLength = 4 points per cycle, so the order divides lcm(1..4) = 12.</summary>
    [Property(Arbitrary = new[] { typeof(Arbs) })]
    public Property Random_cycles_have_bounded_cycles_and_order_dividing_12(Image x, int seed)
    {
        var group = GroupCatalog.RandomPermutations(x.Count, seed);
        var p = AsPermutation(group.Generators[0])!;
        return Prop.Label(p.Cycles().All(c => c.Length <= 4) && 12 % group.Order == 0, $"p = {p}, order {group.Order}");
    }

    /// <summary>The generators move image content as named: the column shift sends pixel (r, c) to (r, c+1 mod w), the mirror to (r, w-1-c), the quarter turn to (c, n-1-r).</summary>
    [Property(Arbitrary = new[] { typeof(Arbs) })]
    public Property Image_groups_move_pixels_as_named(Image x)
    {
        var (h, w) = (x.Height, x.Width);
        var shifted = GroupCatalog.Translations(h, w).Generators[1] * x.Vector;
        var mirrored = GroupCatalog.HorizontalMirror(h, w).Generators[0] * x.Vector;
        var problems = new List<string>();
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
            {
                if (shifted[r * w + (c + 1) % w] != x[r, c]) problems.Add($"shift at ({r}, {c})");
                if (mirrored[r * w + (w - 1 - c)] != x[r, c]) problems.Add($"mirror at ({r}, {c})");
            }
        int n = Math.Min(h, w);
        var square = new Image(n, n, Enumerable.Range(0, n * n).Select(i => x.Pixels[(i / n) * w + i % n]).ToArray());
        var turned = GroupCatalog.Dihedral4(n).Generators[0] * square.Vector;
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++)
                if (turned[c * n + (n - 1 - r)] != square[r, c]) problems.Add($"quarter turn at ({r}, {c})");
        return Prop.Label(problems.Count == 0, $"x = {x}: {string.Join(", ", problems)}");
    }

    [Theory]
    [InlineData(3, 3, 6)]
    [InlineData(2, 4, 4)]
    public void Test_groups_list_D4_and_quarter_turns_only_for_square_images(int h, int w, int count)
    {
        var groups = GroupCatalog.TestGroups(h, w);
        output.WriteLine(string.Join("\n", groups));
        Assert.Equal(count, groups.Count);
        Assert.Equal(h == w, groups.Any(g => g.Name.StartsWith("D4")));
        Assert.All(groups, g => Assert.Equal(h * w, g.Dimension));
    }

    /// <summary>Of the test groups only the random cycles depend on the seed, and they are the ones that seed draws.</summary>
    [Fact]
    public void Test_groups_draw_the_random_cycles_from_the_seed_given()
    {
        var one = GroupCatalog.TestGroups(3, 3, seed: 1);
        var two = GroupCatalog.TestGroups(3, 3, seed: 2);
        Assert.Equal(one.Count, two.Count);
        for (int i = 0; i < one.Count; i++)
            Assert.Equal(one[i].Name.StartsWith("random cycles", StringComparison.Ordinal) ? GroupCatalog.RandomPermutations(9, 2).Name : one[i].Name, two[i].Name);
        Assert.Single(two, g => g.Name == GroupCatalog.RandomPermutations(9, 2).Name);
    }

    /// <summary>The kernel experiment's groups are distinct: in R^1 the sign flips are the inversion again and no permutation moves anything.</summary>
    [Fact]
    public void Kernel_groups_are_the_inversion_alone_in_one_dimension_and_three_from_two()
    {
        Assert.Equal(["inversion"], SymmetryProofs.Kernels.TorusGroup.TestGroups(1).Select(g => g.Name));
        Assert.Equal(["inversion", "sign flips", "permutations"], SymmetryProofs.Kernels.TorusGroup.TestGroups(2).Select(g => g.Name));
    }

    // ---- bad input ---------------------------------------------------------------------


    [Fact]
    public void Dimensions_below_the_minimum_are_rejected()
    {
        output.Rejects<ArgumentOutOfRangeException>(() => GroupCatalog.Inversion(0), "at least 1");
        output.Rejects<ArgumentOutOfRangeException>(() => GroupCatalog.SignFlips(0), "at least 1");
        output.Rejects<ArgumentOutOfRangeException>(() => GroupCatalog.CoordinatePermutations(1), "at least two coordinates");
        output.Rejects<ArgumentOutOfRangeException>(() => GroupCatalog.RandomPermutations(0, seed: 1), "at least 1");
        output.Rejects<ArgumentOutOfRangeException>(() => GroupCatalog.RandomPermutations(4, seed: 1, maxCycleLength: 0), "length at least 1");
        output.Rejects<ArgumentOutOfRangeException>(() => GroupCatalog.Translations(0, 3), "0x3");
    }

    [Fact]
    public void Image_map_leaving_the_image_is_rejected() =>
        output.Rejects<ArgumentException>(() => GroupCatalog.ImagePermutation(2, 2, (r, c) => (r, c + 1)), "(0, 1)", "(0, 2)", "outside the 2x2 image");

    [Fact]
    public void Image_map_that_is_not_a_bijection_is_rejected() =>
        output.Rejects<ArgumentException>(() => GroupCatalog.ImagePermutation(2, 2, (r, c) => (0, 0)), "not a permutation");
}
