using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Support;

/// <summary>
/// The counterexample machinery itself: replaying a seed gives back the same counterexample; a
/// true property gives none; a property that throws is an error, never a counterexample.
/// </summary>
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

    /// <summary>A planted property that throws on some inputs (nets of depth 3 or more) and holds on the rest: FsCheck 3 calls that Failed, the helper calls it an error.</summary>
    [Fact]
    public void A_property_that_throws_is_reported_as_an_error_not_a_counterexample()
    {
        var e = Assert.Throws<PropertyErrorException>(() => NegativeControl.Find(Arbs.NetCases(),
            (NetCase c) => c.Net.Depth >= 3 ? throw new InvalidOperationException("planted failure") : true, maxTest: 200));
        output.WriteLine(e.Message);
        Assert.Contains("planted failure", e.Message);
        Assert.Contains("not a counterexample", e.Message);
        Assert.Throws<PropertyErrorException>(() => NegativeControl.Require(Prop.ForAll(Arbs.NetCases(),
            (NetCase c) => c.Net.Depth >= 3 ? throw new InvalidOperationException("planted failure") : true), output, maxTest: 200));
    }

    /// <summary>
    /// False on nets with a hidden layer, throwing on single-layer nets with one input (true on
    /// other single-layer nets): FsCheck finds a false case, then shrinks the input dimension and
    /// the hidden layers away, into the throwing region. The helper must not accept the exception
    /// it ends on. The fixed seed starts from a false case (shrinks &gt; 0 is asserted).
    /// </summary>
    [Fact]
    public void Shrinking_into_an_exception_is_reported_as_an_error()
    {
        static bool Planted(NetCase c) =>
            c.Net.Depth >= 2 ? false : c.Net.InputDim == 1 ? throw new ArithmeticException("planted at one input") : true;
        var e = Assert.Throws<PropertyErrorException>(() => NegativeControl.Find(Arbs.NetCases(), Planted, maxTest: 200, replay: "1,3"));
        output.WriteLine(e.Message);
        Assert.IsType<ArithmeticException>(e.InnerException);
        Assert.Matches(@"and [1-9]\d* shrinks", e.Message);
    }

    /// <summary>A failed xunit assertion inside the property is a falsification like a false result.</summary>
    [Fact]
    public void A_failed_assertion_inside_the_property_is_a_counterexample()
    {
        var found = NegativeControl.Require(Arbs.NetCases(), (NetCase c) => { Assert.True(c.Net.Depth < 2, "a hidden layer"); return true; }, output, maxTest: 200);
        Assert.True(found.ShrunkAs<NetCase>().Net.Depth >= 2);
    }

    /// <summary>
    /// The shrunk case is replayed through the property: one that is false only the first time it
    /// sees a case object (so not a function of its input) fails the replay and is an error.
    /// </summary>
    [Fact]
    public void A_counterexample_that_does_not_replay_is_an_error()
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var e = Assert.Throws<PropertyErrorException>(() => NegativeControl.Find(Arbs.NetCases(), (NetCase c) => !seen.Add(c)));
        output.WriteLine(e.Message);
        Assert.Contains("did not falsify it again", e.Message);
    }
}
