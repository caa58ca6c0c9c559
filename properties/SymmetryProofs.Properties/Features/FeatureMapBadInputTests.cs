using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Features;
using Xunit.Abstractions;
using SymmetryProofs.Properties.Support;

namespace SymmetryProofs.Properties.Features;

/// <summary>Bad input to feature maps: a clear exception naming the map and what was expected.</summary>
public sealed class FeatureMapBadInputTests(ITestOutputHelper output)
{
    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);


    [Fact]
    public void Input_of_the_wrong_dimension_is_rejected() =>
        output.Rejects<ArgumentException>(() => new SquaresMap(3).Apply(V(1, 2, 3, 4)), "'x2'", "dimension 3", "got 4");

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Non_finite_input_is_rejected(double bad, string shown) =>
        output.Rejects<ArgumentException>(() => new NeighbourProductsMap(2, 2).Apply(V(0, 1, bad, 3)), "'neighbour'", "finite", "coordinate 2", shown);

    [Fact]
    public void Every_map_rejects_NaN()
    {
        foreach (var map in new IFeatureMap[] { new IdentityMap(2), new SquaresMap(2), new NeighbourProductsMap(1, 2), new PermutationProductsMap(new[] { 1, 0 }), new FullQuadraticMap(2) })
            output.Rejects<ArgumentException>(() => map.Apply(V(double.NaN, 0)), $"'{map.Name}'", "coordinate 0 is NaN");
    }

    [Fact]
    public void Empty_input_dimension_is_rejected() =>
        output.Rejects<ArgumentOutOfRangeException>(() => new FullQuadraticMap(0), "at least one input coordinate");

    [Fact]
    public void Empty_image_is_rejected() =>
        output.Rejects<ArgumentOutOfRangeException>(() => new NeighbourProductsMap(0, 3), "0x3");

    [Fact]
    public void Permutation_with_an_index_out_of_range_is_rejected() =>
        output.Rejects<ArgumentException>(() => new PermutationProductsMap(new[] { 0, 3, 1 }), "p(1) = 3", "0..2");

    [Fact]
    public void Permutation_with_a_repeated_index_is_rejected() =>
        output.Rejects<ArgumentException>(() => new PermutationProductsMap(new[] { 1, 1, 0 }), "Two indices map to 1");

    [Fact]
    public void Null_permutation_is_rejected() =>
        Assert.Throws<ArgumentNullException>(() => new PermutationProductsMap(null!));

    [Fact]
    public void Empty_data_matrix_is_rejected() =>
        output.Rejects<ArgumentException>(() => new SquaresMap(2).ApplyRows(Matrix<double>.Build.Dense(0, 2)), "'x2'", "no rows");
}
