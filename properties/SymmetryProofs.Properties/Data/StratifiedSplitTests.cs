using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SymmetryProofs.Data;

namespace SymmetryProofs.Properties.Data;

/// <summary>The stratified split and the two protocols built on it.</summary>
public class StratifiedSplitTests
{
    [Property(MaxTest = 40)]
    public Property Split_is_disjoint_covers_everything_and_keeps_class_proportions(PositiveInt count, int seed, NonNegativeInt ratioPercent)
    {
        var set = DataSamples.Digits(count.Get % 200 + 10, seed);
        double ratio = 0.05 + 0.9 * (ratioPercent.Get % 100) / 100.0;
        var (train, test) = StratifiedSplit.Indices(set.Labels, set.Classes, ratio, seed);
        bool disjoint = !train.Intersect(test).Any();
        bool covers = train.Concat(test).OrderBy(i => i).SequenceEqual(Enumerable.Range(0, set.Count));
        bool proportions = Enumerable.Range(0, set.Classes).All(c =>
            train.Count(i => set.Labels[i] == c) == (int)Math.Round(ratio * set.Labels.Count(l => l == c), MidpointRounding.AwayFromZero));
        return (disjoint && covers && proportions).Label($"n = {set.Count}, ratio = {ratio}");
    }

    [Fact]
    public void Split_depends_on_the_seed_and_only_on_it()
    {
        var set = DataSamples.Digits(300, 5);
        var a = StratifiedSplit.Indices(set.Labels, set.Classes, 0.8, 1);
        var b = StratifiedSplit.Indices(set.Labels, set.Classes, 0.8, 1);
        var c = StratifiedSplit.Indices(set.Labels, set.Classes, 0.8, 2);
        Assert.Equal(a.Train, b.Train);
        Assert.NotEqual(a.Train, c.Train);
    }

    /// <summary>split-first: no test digit has a shifted twin (or itself) in the training set.</summary>
    [Property(MaxTest = 20)]
    public Property Split_first_trains_on_no_shifted_twin_of_a_test_digit(PositiveInt count, int seed)
    {
        var set = DataSamples.Digits(count.Get % 100 + 20, seed);
        var split = SplitProtocol.SplitFirst.Apply(set, 0.8, seed);
        bool disjoint = !split.TrainOrigins.Intersect(split.TestOrigins).Any();
        bool fiveFold = split.Train.Count + split.Test.Count == 5 * set.Count;
        bool twinsStayTogether = split.TestOrigins.GroupBy(o => o).All(g => g.Count() == 5);
        return (disjoint && fiveFold && twinsStayTogether).Label($"n = {set.Count}");
    }

    /// <summary>Negative control: the paper's order (enlarge, then split) does put twins of test digits into training.</summary>
    [Fact]
    public void Paper_protocol_trains_on_shifted_twins_of_test_digits()
    {
        var set = DataSamples.Digits(100, 3);
        var split = SplitProtocol.Paper.Apply(set, 0.8, 3);
        Assert.Equal(5 * set.Count, split.Train.Count + split.Test.Count);
        Assert.NotEmpty(split.TrainOrigins.Intersect(split.TestOrigins));
    }

    [Fact]
    public void Ratio_outside_zero_one_is_rejected()
    {
        var set = DataSamples.Digits(30, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplit.Indices(set.Labels, set.Classes, 1.0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSplit.Indices(set.Labels, set.Classes, 0.0, 1));
    }
}
