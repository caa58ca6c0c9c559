using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Support;

/// <summary>The counterexample machinery itself: replaying a seed gives back the same counterexample; a true property gives none.</summary>
public class NegativeControlTests(ITestOutputHelper output)
{
    private static Property OddNetWithBiases() => Prop.ForAll(Arbs.Dropped.NetCasesWithBiases(), Networks.OddnessTests.IsOdd);

    [Fact]
    public void Replaying_the_reported_seed_reproduces_the_same_counterexample()
    {
        var first = NegativeControl.Require(OddNetWithBiases(), output);
        output.WriteLine("FsCheck's own report:");
        output.WriteLine(first.Message);
        var replayed = NegativeControl.Find(OddNetWithBiases(), replay: first.Replay);
        Assert.NotNull(replayed);
        Assert.Equal(first.Original.Select(a => a.ToString()), replayed!.Original.Select(a => a.ToString()));
        Assert.Equal(first.Shrunk.Select(a => a.ToString()), replayed.Shrunk.Select(a => a.ToString()));
    }

    [Fact]
    public void A_property_that_holds_has_no_counterexample()
    {
        Assert.Null(NegativeControl.Find(Prop.ForAll(Arbs.NetCases(), Networks.OddnessTests.IsOdd)));
    }

    [Fact]
    public void A_malformed_replay_string_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => NegativeControl.Find(OddNetWithBiases(), replay: "12;34"));
        Assert.Contains("\"seed,gamma\"", e.Message);
    }
}
