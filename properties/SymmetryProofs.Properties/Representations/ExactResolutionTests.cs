using SymmetryProofs.Representations;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Properties.Representations;

/// <summary>
/// <see cref="RepresentationTable.ExactResolution"/>: the character quadrature it chooses is exact (equal to the
/// solved dim End_G), and tight: one grid point fewer (K = 2w, the highest frequency of chi^2 itself) aliases that
/// frequency onto the mean and misses.
/// </summary>
public sealed class ExactResolutionTests
{
    public static TheoryData<string, int, int> Cases() => new()
    {
        // (group, shape as the CLI writes it, tensor power)
        { "so2", 2, 1 }, { "so2", 2, 2 }, { "so2", 2, 3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_chosen_resolution_is_exact_and_one_fewer_point_is_not(string group, int dimension, int power)
    {
        var rep = Representation.Defining(GroupCatalog.Build(group, Shape.Vector(dimension)));
        if (power > 1) rep = rep.TensorPower(power);
        int k = RepresentationTable.ExactResolution(rep);
        Assert.Equal(2 * power + 1, k); // SO(2)^(x)p has weights up to p
        int solved = EquivariantMaps.Commutant(rep).Dimension;
        Assert.True(Math.Abs(Characters.HomDimension(rep, rep, k) - solved) < RepresentationTable.CharacterTolerance, $"K = {k} should be exact");
        // chi^2 has frequency 2w with a positive coefficient; on a 2w-point grid it sums like a constant.
        Assert.True(Math.Abs(Characters.HomDimension(rep, rep, k - 1) - solved) > 0.5, $"K = {k - 1} should alias frequency {2 * power}");
    }

    [Fact]
    public void Torus_translations_of_an_image_get_twice_their_largest_frequency_plus_one()
    {
        // Band-limited shifts of 8x8 images carry frequencies up to 3 per axis (the Nyquist 4 is not a
        // continuous shift's weight): K = 7, the value the page used before the rule was computed.
        var rep = Representation.Defining(GroupCatalog.Build("torus-translations", new Shape(8, 8)));
        Assert.Equal(7, RepresentationTable.ExactResolution(rep));
        Assert.Equal(0, RepresentationTable.ExactResolution(Representation.Defining(GroupCatalog.Build("d4", new Shape(3, 3)))));
    }
}
