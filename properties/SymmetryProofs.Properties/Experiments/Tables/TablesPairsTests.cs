using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Tables;

namespace SymmetryProofs.Properties.Experiments.Tables;

/// <summary>
/// The paired comparisons of the tables report on planted rows: the Bonferroni count is two per pair present, a run that
/// stopped by its rule within half the budget has its half-budget result equal to its final one, and a comparison whose
/// difference flips with the budget is marked budget-dependent, never settled.
/// </summary>
public class TablesPairsTests
{
    private static readonly BergmanCell Biased = new(Bias.With, FeatureSet.Squares, TrainingSet.X);
    private static readonly BergmanCell Free = new(Bias.None, FeatureSet.Squares, TrainingSet.X);

    /// <summary>Five seeds of one cell: R = base + 0.01 (seed mod 2), R-bar = R; <paramref name="half"/> the half-budget R.</summary>
    private static IEnumerable<BergmanRow> Rows(BergmanCell cell, double r, double half, StopRule stop, int epochs) =>
        Enumerable.Range(0, 5).Select(s => new BergmanRow(new RunKey(SplitProtocol.SplitFirst, cell, s), r + 0.01 * (s % 2), r + 0.01 * (s % 2), epochs, 1, stop,
            0, 1e-7, half + 0.01 * (s % 2), half + 0.01 * (s % 2)));

    [Fact]
    public void Runs_stopped_by_their_rule_within_half_the_budget_settle_on_their_final_results()
    {
        var rows = Rows(Biased, 0.8, 0.0, StopRule.Gradient, 100).Concat(Rows(Free, 0.7, 0.0, StopRule.Plateau, 500)).ToList();
        var results = TablesPairs.Compute(rows, 1000);
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.HalfEqualsFull));
        Assert.All(results, r => Assert.Equal(2, r.Full.Comparisons));
        Assert.All(results, r => Assert.Equal(Settlement.Settled, r.Settlement));
        Assert.All(results, r => Assert.True(Math.Abs(r.Full.Mean - 0.1) <= 1e-15));
    }

    /// <summary>
    /// One configuration used more than half its budget: the half-budget results are read from the rows, and a
    /// difference of +0.1 at the full budget but -0.1 at half is budget-dependent (the planted bug "settle on the full
    /// budget alone" would call it settled).
    /// </summary>
    [Fact]
    public void A_difference_that_flips_at_half_the_budget_is_budget_dependent()
    {
        var rows = Rows(Biased, 0.8, 0.6, StopRule.Budget, 1000).Concat(Rows(Free, 0.7, 0.7, StopRule.Gradient, 100)).ToList();
        var results = TablesPairs.Compute(rows, 1000);
        Assert.All(results, r => Assert.False(r.HalfEqualsFull));
        Assert.All(results, r => Assert.Equal(Settlement.BudgetDependent, r.Settlement));
        Assert.All(results, r => Assert.True(r.Half.Mean < 0 && r.Full.Mean > 0));
        Assert.False(TablesPairs.StoppedWithinHalf(rows[0], 1000));
        Assert.True(TablesPairs.StoppedWithinHalf(rows[^1], 1000));
    }

    /// <summary>The section states the count and the correction.</summary>
    [Fact]
    public void The_section_names_the_correction_and_counts_the_readings()
    {
        var rows = Rows(Biased, 0.8, 0.8, StopRule.Gradient, 100).Concat(Rows(Free, 0.8, 0.8, StopRule.Gradient, 100)).ToList();
        var md = TablesPairs.Section(rows, 1000);
        Assert.Contains("Bonferroni-corrected level 1 - 0.05/2 (2 comparisons)", md);
        Assert.Contains("0 of 2 settled, 2 not significant", md);
    }
}
