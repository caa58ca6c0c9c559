using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SymmetryProofs.Properties.Support;

/// <summary>The coverage helper: measured shares, the table, and a failure when a required class is too rare.</summary>
public class CoverageTests(ITestOutputHelper output)
{
    private static void Run(Property property, int cases = 200) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true), property);

    [Fact]
    public void Shares_are_counted_per_label_and_per_group()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.5, "even", "yes", "test")
            .AtMost(0.25, "zero", "yes", "test", per: "parity");
        foreach (int k in Enumerable.Range(0, 8))
            coverage.Case((true, "ok"), ("even", k % 2 == 0), ("parity", k % 2), ("zero", k == 0));
        var table = coverage.Table();
        output.WriteLine(table);
        Assert.Contains("| even | yes | 4 | 50% |", table);
        Assert.Contains("parity 0: 1/4 = 25% ok", table);
        coverage.Verify();
    }

    /// <summary>Every case is labelled through FsCheck, and the requirement is met: Verify passes and prints the table.</summary>
    [Fact]
    public void A_property_with_enough_coverage_passes()
    {
        var coverage = new Coverage(output).AtLeast(0.5, "non-zero logit", "yes", "all-zero logits check 0 = 0");
        Run(Prop.ForAll(Arbs.NetCases(), (NetCase c) => coverage.Case((true, "ok"), ("non-zero logit", Networks.OddnessTests.HasNonZeroLogit(c)))));
        Assert.Equal(200, coverage.Count);
        coverage.Verify();
    }

    /// <summary>
    /// Negative control: a requirement the generator cannot meet (x = 0 is drawn for about one
    /// input in 20; at least half are required) fails Verify, naming the class and its share.
    /// </summary>
    [Fact]
    public void A_property_with_too_little_coverage_fails_naming_the_class()
    {
        var coverage = new Coverage(output).AtLeast(0.5, "x = 0", "yes", "planted requirement");
        Run(Prop.ForAll(Arbs.NetCases(), (NetCase c) => coverage.Case((true, "ok"), ("x = 0", c.Input.All(v => v == 0)))));
        var e = Assert.ThrowsAny<XunitException>(coverage.Verify);
        output.WriteLine(e.Message);
        Assert.Contains("x = 0 = yes in at least 50%", e.Message);
    }

    /// <summary>Negative control per group: one group below its share fails even when the total is fine.</summary>
    [Fact]
    public void One_group_below_its_share_fails()
    {
        var coverage = new Coverage(output).AtLeast(0.5, "hit", "yes", "test", per: "depth");
        for (int k = 0; k < 10; k++) coverage.Case((true, "ok"), ("depth", 1), ("hit", true));
        for (int k = 0; k < 4; k++) coverage.Case((true, "ok"), ("depth", 5), ("hit", k == 0));
        var e = Assert.ThrowsAny<XunitException>(coverage.Verify);
        Assert.Contains("depth 5: 1/4", e.Message);
    }

    /// <summary>A property that failed is reported by FsCheck; its coverage (shrink steps included) is printed but not judged.</summary>
    [Fact]
    public void A_failed_property_is_not_judged_on_coverage()
    {
        var coverage = new Coverage(output).AtLeast(1, "never", "yes", "test");
        coverage.Case((false, "the property failed"), ("never", false));
        coverage.Verify();
    }

    /// <summary>Cases rejected by the precondition are counted apart and not labelled; a requirement with no checked case fails.</summary>
    [Fact]
    public void Rejected_cases_are_counted_and_all_rejected_fails()
    {
        var coverage = new Coverage(output).AtLeast(0.5, "x", "yes", "test");
        for (int k = 0; k < 3; k++) coverage.When(false, () => coverage.Case((true, "ok"), ("x", true)));
        Assert.Contains("3 rejected by the precondition", coverage.Table());
        var e = Assert.ThrowsAny<XunitException>(coverage.Verify);
        Assert.Contains("no case was checked", e.Message);
    }
}
