using FsCheck;
using FsCheck.Fluent;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SymmetryProofs.Properties.Support;

/// <summary><see cref="CaseTally"/>: shares are counted per generated case, a share below the requirement fails, and a falsified property fails the run.</summary>
public class CaseTallyTests(ITestOutputHelper output)
{
    private static Arbitrary<int> Digits() => Arb.From(Gen.Choose(0, 9), _ => Array.Empty<int>());

    [Fact]
    public void Shares_are_counted_per_case_and_a_met_requirement_passes()
    {
        var tally = new CaseTally();
        tally.Run(Prop.ForAll(Digits(), d => tally.Record(Prop.ToProperty(true), d < 5 ? "low" : "high")), output, maxTest: 400);
        Assert.Equal(400, tally.Cases);
        Assert.Equal(1.0, tally.Share("low") + tally.Share("high"), 12);
        tally.Require("low", 0.35);
    }

    /// <summary>Negative control: a class that is rarely generated (digit 0, about 10%) fails a 50% requirement.</summary>
    [Fact]
    public void Coverage_below_the_requirement_fails()
    {
        var tally = new CaseTally();
        tally.Run(Prop.ForAll(Digits(), d => tally.Record(Prop.ToProperty(true), d == 0 ? "zero" : "non-zero")), output, maxTest: 200);
        var error = Assert.ThrowsAny<XunitException>(() => tally.Require("zero", 0.5));
        output.WriteLine(error.Message);
        Assert.Contains("'zero'", error.Message);
    }

    [Fact]
    public void A_falsified_property_fails_the_run()
    {
        var tally = new CaseTally();
        var error = Assert.ThrowsAny<XunitException>(() => tally.Run(Prop.ForAll(Digits(), d => tally.Record(Prop.Label(d != 7, $"digit {d}"), "any")), output, maxTest: 400));
        Assert.Contains("Falsifiable", error.Message);
    }
}
