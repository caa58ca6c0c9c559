using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Data;
using SymmetryProofs.Symmetry;
using SymmetryProofs.Objectives;
using SymmetryProofs.Networks;

namespace SymmetryProofs.Properties.Objectives;

/// <summary>Losses refuse a net, a set and a group that do not fit together, naming the mismatch.</summary>
public class LossBadInputTests
{
    private static readonly Mlp Net = new(new[] { Matrix<double>.Build.Dense(3, 4, 0.1) });

    private static LabelledSet Set(int dimension, int classes) =>
        new(Matrix<double>.Build.Dense(2, dimension, 0.5), new[] { 0, 1 }, classes);

    [Fact]
    public void A_set_of_another_dimension_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => CrossEntropy.Total(Net, Set(5, 3)));
        Assert.Contains("Data set has dimension 5; the network expects 4", e.Message);
    }

    [Fact]
    public void A_set_with_another_number_of_classes_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => LossGradient.Of(Net, Set(4, 2)));
        Assert.Contains("Data set has 2 classes; the network has 3 logits", e.Message);
    }

    [Fact]
    public void A_label_outside_the_logits_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CrossEntropy.Of(Vector<double>.Build.Dense(3), 3));
        Assert.Contains("Label 3 is outside the 3 classes 0..2", e.Message);
    }

    [Fact]
    public void A_group_acting_on_another_dimension_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => AugmentedUtility.Of(Net, Set(4, 3), GroupCatalog.Inversion(5)));
        Assert.Contains("Group 'inversion' acts on R^5; the data set has dimension 4", e.Message);
    }
}
