using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Tables;

namespace SymmetryProofs.Properties.Experiments.Tables;

/// <summary>tables.csv is written round-trip exact, and the report's checks can fail.</summary>
public class TablesReportTests
{
    private static readonly BergmanRow Row = new(new RunKey(SplitProtocol.SplitFirst, new BergmanCell(Bias.None, FeatureSet.X, TrainingSet.X), 3), 0.8723, 0.0011, 400, 2.5);

    private static BergmanRow RowOf(BergmanConfig c, double r, double rBar) => Row with { Key = Row.Key with { Cell = c.Cell }, AccTest = r, AccTestInverted = rBar };

    /// <summary>Diagnostics of a budget-stopped run, named field by field.</summary>
    private static BergmanDiagnostics DiagnosticsOf(BergmanRow r) => new(r.Key, SplitRatio: 0.8, AccTrain: 0.9,
        new TrainingEnd(Budget: 300, Iterations: 100, NewtonSteps: 0, FinalLoss: 0.5, GradientMax: 1e-3, Stop: StopRule.Budget, LbfgsStop: StopRule.Budget),
        new LogitEvidence(MeanAbsLogit: 1, MeanLogitSpread: 1, TiesTest: 0, TiesTestInverted: 0, SamePrediction: 0, TestCount: 10));

    private static TablesReportContext Context() =>
        new(1797, new DataDirectory("data/optdigits", DataSource.Default), new SymmetryProofs.Optimisation.TrainingOptions(300), 0.8, TimeSpan.FromSeconds(1), 10);

    [Fact]
    public void Rows_are_written_round_trip_exact_under_the_header()
    {
        var text = TablesCsv.Write([Row with { AccTest = 0.1 + 0.2 }]);
        var lines = text.Split('\n');
        Assert.Equal(TablesCsv.Header, lines[0]);
        Assert.Equal(0.1 + 0.2, double.Parse(lines[1].Split(',')[5], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("", lines[^1]);
    }

    /// <summary>Rows of every configuration where each check fails: the report says FAILS, and no sentence claims the check held.</summary>
    [Fact]
    public void The_report_says_FAILS_when_the_rows_break_each_check()
    {
        var rows = BergmanConfig.All.Select(c => RowOf(c, 0.7, c.Table == 2 ? 0.6 : 0.4)).ToList();
        var md = TablesReport.Markdown(rows, rows.Select(DiagnosticsOf).ToList(), Context());
        Assert.False(BergmanChecks.Bound(rows).Holds);
        Assert.False(BergmanChecks.Invariance(rows).Holds);
        Assert.Contains("R + R-bar <= 1 (Eqs. 5-6) for every bias-free run on raw inputs: FAILS", md);
        Assert.Contains("R-bar = R exactly (Eqs. 7-9) for every run on invariant features: FAILS", md);
        Assert.DoesNotContain("held exactly on all", md);
    }

    /// <summary>Cells the paper lacks print "-" for its figures in the report and the console summary (and the plot draws no marker for them).</summary>
    [Fact]
    public void Cells_without_a_paper_figure_print_a_dash()
    {
        Assert.Contains(BergmanConfig.All, c => !c.InPaper);
        foreach (var c in BergmanConfig.All)
        {
            Assert.Equal(c.InPaper ? c.PaperTest!.Value.ToString("0.00#", System.Globalization.CultureInfo.InvariantCulture) : "-", TablesReport.PaperTest(c));
            Assert.Equal(!c.InPaper ? "-" : c.Table == 2 ? "same" : c.PaperInverted!.Value.ToString("0.00#", System.Globalization.CultureInfo.InvariantCulture), TablesReport.PaperInverted(c));
        }
        var rows = BergmanConfig.All.Select(c => RowOf(c, 0.5, c.Table == 2 ? 0.5 : 0.4)).ToList();
        var md = TablesReport.Markdown(rows, rows.Select(DiagnosticsOf).ToList(), Context());
        foreach (var c in BergmanConfig.All.Where(c => !c.InPaper))
            Assert.Contains($"| {c.Bias.Name()} | {c.FeatureLabel} | X | 0.500 | - | 0.500 | - |", md.Replace(" (1 seed)", ""));
        Assert.Contains("was not computed for this report", md);
    }

    /// <summary>The report's checks flag what they must: a bias-free raw run with R + R-bar > 1, an invariant run with R-bar != R.</summary>
    [Fact]
    public void Report_checks_detect_violations()
    {
        var squares = BergmanConfig.Find(Bias.None, FeatureSet.Squares, TrainingSet.X);
        var ok = new[] { Row, RowOf(squares, 0.7, 0.7) };
        Assert.Empty(BergmanChecks.Bound(ok).Violations);
        Assert.Empty(BergmanChecks.Invariance(ok).Violations);
        var bad = new[] { Row with { AccTest = 0.6, AccTestInverted = 0.41 }, RowOf(squares, 0.7, 0.7000000000000001) };
        Assert.Equal([bad[0]], BergmanChecks.Bound(bad).Violations);
        Assert.Equal([bad[1]], BergmanChecks.Invariance(bad).Violations);
    }
}
