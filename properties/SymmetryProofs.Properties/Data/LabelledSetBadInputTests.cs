using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Data;

namespace SymmetryProofs.Properties.Data;

/// <summary>A malformed labelled set is refused at construction with a message naming the sample and what was expected.</summary>
public class LabelledSetBadInputTests
{
    [Fact]
    public void An_empty_set_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new LabelledSet(Matrix<double>.Build.Dense(0, 3), Array.Empty<int>(), 2));
        Assert.Contains("at least one sample", e.Message);
    }

    [Fact]
    public void Fewer_labels_than_inputs_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new LabelledSet(Matrix<double>.Build.Dense(3, 2), new[] { 0, 1 }, 2));
        Assert.Contains("Got 3 inputs but 2 labels", e.Message);
    }

    [Fact]
    public void A_NaN_input_is_rejected()
    {
        var x = Matrix<double>.Build.Dense(2, 3);
        x[1, 2] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => new LabelledSet(x, new[] { 0, 1 }, 2));
        Assert.Contains("Input of sample 1 has a non-finite value NaN at coordinate 2", e.Message);
    }

    [Fact]
    public void A_label_outside_the_classes_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LabelledSet(Matrix<double>.Build.Dense(2, 3), new[] { 0, 2 }, 2));
        Assert.Contains("Label of sample 1 is 2; expected 0..1", e.Message);
    }
}
