using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Tables;
using SymmetryProofs.Features;
using SymmetryProofs.Properties.Data;

namespace SymmetryProofs.Properties.Experiments.Tables;

/// <summary>
/// The tables' irreducible norms of inversion are the squares x_i^2, bit for bit and in the same order
/// (the documented split: every pixel its own orbit, the subspaces the pixel axes), on all 1797 digits;
/// the comparison itself tells the three outcomes apart.
/// </summary>
public class TablesCoincidenceTests
{
    private static LabelledSet Digits() => Optdigits.LoadVerified(DataDirectory.Resolve(DataSamples.FindOptdigitsDirectory()));

    private static IFeatureMap Map(FeatureSet features) => FeatureMaps.For(features, 0);

    /// <summary>x_i^2 read back to front: the same multiset of features in another order (a map the comparison must not call equal in order).</summary>
    private sealed class ReversedSquares() : FeatureMap(Optdigits.Pixels)
    {
        public override string Name => "x2-reversed";
        public override int OutputDim => Optdigits.Pixels;
        public override bool IsEven => true;
        protected override double[] Compute(Vector<double> x) => x.Enumerate().Select(v => v * v).Reverse().ToArray();
    }

    [Fact]
    public void Inversion_irreps_features_equal_the_squares_features_bit_for_bit_in_order_on_every_digit()
    {
        var digits = Digits();
        var squares = Map(FeatureSet.Squares);
        var irreps = Map(FeatureSet.IrrepsInversion);
        Assert.Equal(TablesCoincidence.SameOrder, TablesCoincidences.Relate(irreps, squares, digits));
        // And on -X, the inputs of R-bar.
        var negated = digits.Negated();
        Assert.Equal(TablesCoincidence.SameOrder, TablesCoincidences.Relate(irreps, squares, negated));
        // Controls: the comparison detects a reordering and a different map.
        Assert.Equal(TablesCoincidence.UpToOrder, TablesCoincidences.Relate(irreps, new ReversedSquares(), digits));
        Assert.Equal(TablesCoincidence.Different, TablesCoincidences.Relate(Map(FeatureSet.IrrepsD4), squares, digits));
        Assert.Equal(TablesCoincidence.Different, TablesCoincidences.Relate(irreps, Map(FeatureSet.Neighbour), digits));
    }

    /// <summary>
    /// Why R-bar = R holds exactly for the irreducible norms: the features of -x are those of x bit for bit. Each norm is
    /// a sum of squares of y = sum_i v_i x_i; negating x negates every product and partial sum exactly (IEEE rounding is
    /// symmetric), so y(-x) = -y(x) and y^2 is the same double.
    /// </summary>
    [Theory]
    [InlineData("irreps-inversion")]
    [InlineData("irreps-d4")]
    public void Irreps_features_of_minus_x_are_those_of_x_bit_for_bit(string name)
    {
        var features = BergmanNames.Features.Parse(name);
        var digits = Digits();
        var map = Map(features);
        var bits = (Vector<double> v) => v.Enumerate().Select(BitConverter.DoubleToInt64Bits).ToArray();
        int differing = Enumerable.Range(0, digits.Count).Count(i => !bits(map.Apply(digits.Input(i))).SequenceEqual(bits(map.Apply(-digits.Input(i)))));
        Assert.Equal(0, differing);
        // Control: the raw inputs are not even, so the same comparison finds every digit (none is all zeros) different.
        var identity = Map(FeatureSet.X);
        Assert.Equal(digits.Count, Enumerable.Range(0, digits.Count).Count(i => !bits(identity.Apply(digits.Input(i))).SequenceEqual(bits(identity.Apply(-digits.Input(i))))));
    }

    [Fact]
    public void The_report_comparison_finds_inversion_equal_to_the_squares_and_d4_equal_to_none()
    {
        var found = TablesCoincidences.Compare(Digits());
        Assert.Equal(TablesCoincidence.SameOrder, found.Single(c => c.Features == FeatureSet.IrrepsInversion && c.PaperFeatures == FeatureSet.Squares).Relation);
        Assert.All(found.Where(c => !(c.Features == FeatureSet.IrrepsInversion && c.PaperFeatures == FeatureSet.Squares)), c => Assert.Equal(TablesCoincidence.Different, c.Relation));
        Assert.All(found, c => Assert.Equal(1797, c.Samples));
    }
}
