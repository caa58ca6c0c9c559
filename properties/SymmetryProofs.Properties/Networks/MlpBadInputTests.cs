using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Networks;

namespace SymmetryProofs.Properties.Networks;

/// <summary>A malformed network is refused at construction with a message naming the layer and what was expected.</summary>
public class MlpBadInputTests
{
    private static Matrix<double> M(int rows, int cols) => Matrix<double>.Build.Dense(rows, cols, 0.5);

    [Fact]
    public void Layers_with_mismatched_dimensions_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Mlp(new[] { M(4, 3), M(2, 5) }));
        Assert.Contains("Layer 1 expects 5 inputs but layer 0 gives 4 outputs", e.Message);
    }

    [Fact]
    public void NaN_weights_are_rejected()
    {
        var w = M(2, 3);
        w[1, 2] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => new Mlp(new[] { M(3, 3), w }));
        Assert.Contains("weight matrix of layer 1 has a non-finite entry NaN at flat index", e.Message);
    }

    [Fact]
    public void Infinite_biases_are_rejected()
    {
        var b = Vector<double>.Build.Dense(2);
        b[0] = double.PositiveInfinity;
        var e = Assert.Throws<ArgumentException>(() => new Mlp(new[] { M(2, 3) }, new[] { b }));
        Assert.Contains("bias of layer 0", e.Message);
    }

    [Fact]
    public void A_bias_of_the_wrong_length_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Mlp(new[] { M(4, 3), M(2, 4) }, new[] { Vector<double>.Build.Dense(4), Vector<double>.Build.Dense(3) }));
        Assert.Contains("Bias of layer 1 has length 3; expected 2", e.Message);
    }

    [Fact]
    public void A_missing_bias_vector_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Mlp(new[] { M(4, 3), M(2, 4) }, new[] { Vector<double>.Build.Dense(4) }));
        Assert.Contains("Got 1 bias vectors for 2 layers", e.Message);
    }

    [Fact]
    public void An_input_of_the_wrong_length_is_rejected()
    {
        var net = new Mlp(new[] { M(2, 3) });
        var e = Assert.Throws<ArgumentException>(() => net.Logits(Vector<double>.Build.Dense(4)));
        Assert.Contains("Input has 4 coordinates; the network expects 3", e.Message);
    }

    [Fact]
    public void A_flat_parameter_vector_of_the_wrong_length_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Mlp.FromFlat(new[] { 3, 2 }, withBiases: true, new double[6]));
        Assert.Contains("Got 6 parameters; widths 3-2 with biases need 8", e.Message);
    }
}
