using FsCheck;
using FsCheck.Fluent;
using SymmetryProofs.Checking;
using SymmetryProofs.Checking.Examples;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Checking;

/// <summary>
/// The checker's own claims: no violation for the correct examples, always one for the planted bugs
/// (at the common practice's 40 evaluations), shrinking keeps the violation and never grows the case,
/// and a seed replays the same report. Each with a negative control that drops the premise.
/// </summary>
public sealed class SymmetryCheckerTests(ITestOutputHelper output)
{
    /// <summary>The common practice's cost: 20 trials of two evaluations each.</summary>
    private const int SameBudget = 40;

    private const int SeedsPerExample = 3;

    /// <summary>For every seed, the check of each of <paramref name="examples"/> has verdict <paramref name="passes"/>; cases collected by example and by whether the worst error was exactly 0.</summary>
    private static Property VerdictIs(IEnumerable<ExampleModel> examples, bool passes, List<CheckReport> reports, int budget = SameBudget) =>
        Prop.ForAll(Arbs.CheckSeeds(), seed =>
        {
            var runs = examples.Select(e => CheckerFixtures.Run(e, seed.Value, budget, shrinkBudget: 0)).ToArray();
            reports.AddRange(runs);
            var wrong = runs.FirstOrDefault(r => r.Passed != passes);
            return Prop.Label(wrong is null, wrong?.Summary ?? "")
                .Classify(runs.All(r => r.Worst.Error == 0), "every worst error exactly 0")
                .Classify(runs.Any(r => r.Dtype == TorchSharp.torch.ScalarType.Float32), "includes a float32 model");
        });

    [Fact]
    public void Correct_examples_never_report_a_violation_across_seeds()
    {
        var reports = new List<CheckReport>();
        Assert.Null(NegativeControl.Find(VerdictIs(CheckerFixtures.Correct, passes: true, reports), SeedsPerExample));
        // Meaningful: the search spent its budget, and rounding was exercised (some worst error > 0, below the float64 tolerance or the float32 floor).
        Assert.All(reports, r => Assert.True(r.Evaluations >= SameBudget - 4, $"{r.Model}: only {r.Evaluations} evaluations"));
        Assert.Contains(reports, r => r.Worst.Error > 0);
        foreach (var r in reports) output.WriteLine(r.Summary);
    }

    [Fact]
    public void Negative_control_a_planted_bug_falsifies_the_no_violation_claim()
    {
        var found = NegativeControl.Require(VerdictIs(CheckerFixtures.Planted, passes: true, []), output, SeedsPerExample);
        Assert.Equal(1, found.ShrunkAs<CheckSeed>().Value);
    }

    [Fact]
    public void Planted_bugs_are_always_found_at_the_default_budget()
    {
        // At the common practice's 40 evaluations the checker found every planted bug in the benchmark's 20 seeds, but
        // not in every seed (CI met seed 129947 where small-ball's ball was never reached): "always" is claimed at the default budget.
        int budget = new CheckOptions().Budget;
        var reports = new List<CheckReport>();
        Assert.Null(NegativeControl.Find(VerdictIs(CheckerFixtures.Planted, passes: false, reports, budget), SeedsPerExample));
        Assert.All(reports, r => Assert.True(r.Evaluations <= budget, $"{r.Model} spent {r.Evaluations} > {budget} evaluations"));
        foreach (var r in reports) output.WriteLine(r.Summary);
    }

    [Fact]
    public void Negative_control_a_correct_model_falsifies_the_always_found_claim()
    {
        var found = NegativeControl.Require(VerdictIs(CheckerFixtures.Correct.Take(1), passes: false, []), output, SeedsPerExample);
        Assert.Equal(1, found.ShrunkAs<CheckSeed>().Value);
    }

    [Fact]
    public void Shrinking_keeps_the_error_above_the_tolerance_and_never_grows_the_case()
    {
        var property = Prop.ForAll(Arbs.CheckSeeds(), seed => CheckerFixtures.Planted.All(e =>
        {
            var r = CheckerFixtures.Run(e, seed.Value, 200);
            output.WriteLine($"{e.Name}: {r.Worst.Case.Size} -> {r.Shrunk.Case.Size}, error {r.Shrunk.Error:G3}: {r.Shrunk.Case.Compact()}");
            return !r.Tolerance.Accepts(r.Shrunk.Excess) && r.Shrunk.Case.Size.CompareTo(r.Worst.Case.Size) <= 0
                && r.Shrunk.Case.Size.NonZero < r.Worst.Case.Size.NonZero;
        }));
        Assert.Null(NegativeControl.Find(property, 2));
    }

    [Fact]
    public void Negative_control_shrinking_without_the_violation_check_loses_the_violation()
    {
        // Dropping the premise (keep a simplification only while it still violates): zeroing every
        // coordinate of the small-ball counterexample lands at the origin, far from the ball.
        var ball = ExampleCatalog.Find("small-ball");
        var property = Prop.ForAll(Arbs.CheckSeeds(), seed =>
        {
            var r = CheckerFixtures.Run(ball, seed.Value, 200, shrinkBudget: 0);
            var zeroed = CheckerFixtures.Measure(ball, r.Worst.Case with { X = new double[r.Worst.Case.X.Length] }, r.Scale).Excess;
            return Prop.Label(!r.Tolerance.Accepts(zeroed), $"error at x = 0: {zeroed:G3}");
        });
        NegativeControl.Require(property, output, 2);
    }

    [Fact]
    public void The_same_seed_replays_the_same_report()
    {
        var property = Prop.ForAll(Arbs.CheckSeeds(), seed => new[] { "small-ball", "tiny-violation", "float32-d4" }.All(name =>
        {
            var e = ExampleCatalog.Find(name);
            return CheckerFixtures.Run(e, seed.Value, 100).ToJson() == CheckerFixtures.Run(e, seed.Value, 100).ToJson();
        }));
        Assert.Null(NegativeControl.Find(property, 2));
    }

    [Fact]
    public void Negative_control_another_seed_gives_another_report()
    {
        var e = ExampleCatalog.Find("tiny-violation");
        var property = Prop.ForAll(Arbs.CheckSeeds(), seed =>
            CheckerFixtures.Run(e, seed.Value, 100).ToJson() == CheckerFixtures.Run(e, seed.Value + 1, 100).ToJson());
        NegativeControl.Require(property, output, 2);
    }
}
