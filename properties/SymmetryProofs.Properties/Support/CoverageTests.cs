using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SymmetryProofs.Properties.Support;

/// <summary>The coverage helper: measured shares, the table, and a failure naming class, share, minimum and replay seed when a required class is too rare.</summary>
public class CoverageTests(ITestOutputHelper output)
{
    private static Arbitrary<int> Digits() => Arb.From(Gen.Choose(0, 9), _ => Array.Empty<int>());

    [Fact]
    public void Shares_are_counted_per_label_and_per_group()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.5, "even", "test")
            .AtMost(0.25, "zero", "test", per: "parity");
        foreach (int k in Enumerable.Range(0, 8))
            coverage.Case((true, "ok"), ("even", k % 2 == 0), ("parity", k % 2), ("zero", k == 0));
        var table = coverage.Table();
        output.WriteLine(table);
        Assert.Contains("| even | yes | 4 | 50% |", table);
        Assert.Contains("parity 0: 1/4 = 25% ok", table);
        Assert.Equal(0.5, coverage.Share("even"));
        coverage.Verify("test");
    }

    /// <summary>Every generated case is labelled once, and a met requirement passes (the table is printed).</summary>
    [Fact]
    public void A_property_with_enough_coverage_passes()
    {
        var coverage = new Coverage(output).AtLeast(0.5, "non-zero logit", "all-zero logits check 0 = 0");
        coverage.Check(Prop.ForAll(Arbs.NetCases(), (NetCase c) => coverage.Case((true, "ok"), ("non-zero logit", Networks.OddnessTests.HasNonZeroLogit(c)))), maxTest: 200);
        Assert.Equal(200, coverage.Count);
    }

    /// <summary>
    /// Negative control: a requirement the generator cannot meet (digit 0 is drawn for about one
    /// case in ten; at least half are required) fails the check, and the message names the class,
    /// its measured share, the minimum and the replay seed, which reproduces the same shortfall.
    /// </summary>
    [Fact]
    public void A_property_with_too_little_coverage_fails_naming_class_share_minimum_and_seed()
    {
        Property Zeros(Coverage coverage) => Prop.ForAll(Digits(), d => coverage.Case((true, "ok"), ("zero", d == 0)));
        var first = new Coverage(output).AtLeast(0.5, "zero", "planted requirement");
        var e = Assert.ThrowsAny<XunitException>(() => first.Check(Zeros(first), maxTest: 200));
        output.WriteLine(e.Message);
        Assert.Contains("zero = yes in at least 50% of the cases", e.Message);
        var replay = System.Text.RegularExpressions.Regex.Match(e.Message, "Replay = \"([0-9]+,[0-9]+)\"").Groups[1].Value;
        Assert.NotEmpty(replay);
        string measured = $"measured {(int)Math.Round(first.Share("zero") * 200)}/200";
        Assert.Contains(measured, e.Message);
        var again = new Coverage(output).AtLeast(0.5, "zero", "planted requirement");
        var e2 = Assert.ThrowsAny<XunitException>(() => again.Check(Zeros(again), maxTest: 200, replay: replay));
        Assert.Contains(measured, e2.Message);
    }

    /// <summary>Negative control per group: one group below its share fails even when the total is fine.</summary>
    [Fact]
    public void One_group_below_its_share_fails()
    {
        var coverage = new Coverage(output).AtLeast(0.5, "hit", "test", per: "depth");
        for (int k = 0; k < 10; k++) coverage.Case((true, "ok"), ("depth", 1), ("hit", true));
        for (int k = 0; k < 4; k++) coverage.Case((true, "ok"), ("depth", 5), ("hit", k == 0));
        var e = Assert.ThrowsAny<XunitException>(() => coverage.Verify("test"));
        Assert.Contains("at depth 5 1/4 = 25%", e.Message);
    }

    /// <summary>A falsified property fails with FsCheck's counterexample, not with a coverage complaint.</summary>
    [Fact]
    public void A_falsified_property_fails_with_its_counterexample()
    {
        var coverage = new Coverage(output).AtLeast(1, "never", "test");
        var e = Assert.ThrowsAny<XunitException>(() => coverage.Check(Prop.ForAll(Digits(), d => coverage.Case((d != 7, $"digit {d}"), ("never", false))), maxTest: 400));
        output.WriteLine(e.Message);
        Assert.Contains("Falsifiable", e.Message);
        Assert.DoesNotContain("Coverage below requirement", e.Message);
    }

    /// <summary>Cases rejected by the precondition are counted apart and not labelled; a requirement with no checked case fails.</summary>
    [Fact]
    public void Rejected_cases_are_counted_and_all_rejected_fails()
    {
        var coverage = new Coverage(output).AtLeast(0.5, "x", "test");
        for (int k = 0; k < 3; k++) coverage.When(false, () => coverage.Case((true, "ok"), ("x", true)));
        Assert.Contains("3 rejected by the precondition", coverage.Table());
        var e = Assert.ThrowsAny<XunitException>(() => coverage.Verify("test"));
        Assert.Contains("no case was checked", e.Message);
    }
}
