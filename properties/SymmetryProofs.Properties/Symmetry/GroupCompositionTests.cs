using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Symmetry;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Symmetry;

/// <summary>
/// Groups compose: a product of catalogue names is the group their generators generate (rotations*mirror is D4 of
/// order 8, mirror*inversion the direct product of order 4); image groups act alike on every channel of C x h x w;
/// the sets entry permutes whole rows of N x k; shapes parse with a channel axis.
/// </summary>
public sealed class GroupCompositionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("rotations*mirror", 3, 8)]
    [InlineData("mirror*inversion", 3, 4)]
    [InlineData("rotations*inversion", 4, 8)]
    [InlineData("translations*mirror", 3, 18)]
    public void A_product_is_the_group_its_factors_generate(string name, int side, int order)
    {
        var group = (FiniteGroup)GroupCatalog.Build(name, new Shape(side, side));
        output.WriteLine(group.ToString());
        Assert.Equal(order, group.Order);
        var d4 = GroupCatalog.Dihedral4(side);
        if (name == "rotations*mirror") Assert.All(group.Elements, m => Assert.True(d4.IndexOf(m) >= 0, "an element outside D4"));
    }

    [Fact]
    public void A_product_of_groups_on_different_axes_or_spaces_is_refused()
    {
        output.Rejects<ArgumentException>(() => GroupCatalog.BuildBase("sets*so3", new Shape(3, 3)), "different axes");
        output.Rejects<ArgumentException>(() => GroupCatalog.Product(GroupCatalog.Inversion(2), GroupCatalog.Inversion(3)), "different spaces");
        output.Rejects<ArgumentException>(() => GroupCatalog.Build("so2*inversion", Shape.Vector(2)), "not finite");
    }

    [Fact]
    public void An_image_group_acts_alike_on_every_channel()
    {
        var shape = Shape.Stack(3, 4, 4);
        var stacked = (FiniteGroup)GroupCatalog.Build("d4", shape);
        var plane = GroupCatalog.Dihedral4(4);
        Assert.Equal(plane.Order, stacked.Order);
        var (baseGroup, axes) = GroupCatalog.BuildBase("d4", shape);
        Assert.Equal(ActionAxes.Image, axes);
        Assert.Equal(16, baseGroup.SpaceDimension);
        var identity = Matrix<double>.Build.DenseIdentity(3);
        Assert.All(stacked.Elements, m => Assert.True(plane.Elements.Any(p => identity.KroneckerProduct(p).Equals(m)), "an element that is not I_3 (x) a D4 element"));
    }

    [Fact]
    public void The_sets_entry_permutes_whole_rows()
    {
        var group = (FiniteGroup)GroupCatalog.Build("sets", new Shape(4, 3));
        Assert.Equal(24, group.Order);
        // Rows with distinct contents: every element maps the table to a reordering of its rows, and all 24 orders appear.
        var x = Vector<double>.Build.Dense(12, i => 10 * (i / 3) + i % 3);
        var orders = group.Elements.Select(m =>
        {
            var y = m * x;
            var rows = Enumerable.Range(0, 4).Select(r => y.SubVector(3 * r, 3)).ToArray();
            Assert.All(rows, r => Assert.Contains(Enumerable.Range(0, 4), k => x.SubVector(3 * k, 3).Equals(r)));
            return string.Join(",", rows.Select(r => r[0]));
        }).ToHashSet();
        Assert.Equal(24, orders.Count);
        output.Rejects<ArgumentException>(() => GroupCatalog.Build("sets", Shape.Stack(2, 4, 3)), "does not act on");
    }

    [Theory]
    [InlineData("3x8x8", 3, 8, 8, 192)]
    [InlineData("5x3", null, 5, 3, 15)]
    [InlineData("8", null, 1, 8, 8)]
    public void Shapes_parse_with_and_without_channels(string text, int? channels, int height, int width, int dimension)
    {
        var shape = Shape.TryParse(text)!;
        Assert.Equal(channels, shape.Channels);
        Assert.Equal((height, width, dimension), (shape.Height, shape.Width, shape.Dimension));
        Assert.Equal(text, shape.ToOption());
        Assert.Null(Shape.TryParse("2x2x2x2"));
        Assert.Null(Shape.TryParse("0x8x8"));
    }
}
