using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Properties.Symmetry;

/// <summary>Lie group actions as data: skew-symmetric commuting generators, periods, grid subgroups.</summary>
public class LieGroupActionTests
{
    /// <summary>A generator that is not skew-symmetric would give non-orthogonal U(t); it is refused with a clear message.</summary>
    [Fact]
    public void Non_skew_generator_is_rejected()
    {
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 1 }, { 1, 0 } });
        var e = Assert.Throws<ArgumentException>(() => new LieGroupAction("bad", new[] { a }, new[] { 1.0 }));
        Assert.Contains("not skew-symmetric", e.Message);
    }

    /// <summary>Non-commuting generators (two of so(3)) are refused: the class models tori.</summary>
    [Fact]
    public void Non_commuting_generators_are_rejected()
    {
        var lx = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 0, 0 }, { 0, 0, -1 }, { 0, 1, 0 } });
        var ly = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 0, 1 }, { 0, 0, 0 }, { -1, 0, 0 } });
        Assert.Throws<ArgumentException>(() => new LieGroupAction("so3", new[] { lx, ly }, new[] { 2 * Math.PI, 2 * Math.PI }));
    }

    /// <summary>The K-grid has K^d elements and is closed under composition (it is the subgroup Z_K^d).</summary>
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Grid_is_a_finite_subgroup(int k)
    {
        var g = new TorusTranslations(3, 4);
        var grid = g.GridCoordinates(k);
        Assert.Equal(k * k, grid.Count);
        var elements = grid.Select(g.Element).ToArray();
        var product = elements[1] * elements[^1];
        double best = elements.Min(e => (e - product).FrobeniusNorm());
        Assert.True(best < 1e-12, $"product of two grid elements is {best:G3} from the grid");
    }

    /// <summary>The fixed subspace of 8x8 translations is the four DC/Nyquist products, each left alone by every U(t); SO(2) fixes only 0.</summary>
    [Fact]
    public void Fixed_subspace_is_left_alone_by_every_element()
    {
        var g = new TorusTranslations(8, 8);
        var f = g.FixedSubspace();
        Assert.Equal(4, f.ColumnCount);
        var u = g.Element(new[] { 0.3, 2.7 });
        Assert.True((u * f - f).FrobeniusNorm() < 1e-12);
        Assert.Equal(0, new So2Action().FixedSubspace().ColumnCount);
    }
}
