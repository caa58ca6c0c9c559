using SymmetryProofs.Experiments.Tables;

namespace SymmetryProofs.Properties.Experiments.Tables;

/// <summary>tables.csv is written round-trip exact, and the report's checks can fail.</summary>
public class TablesReportTests
{
    private static readonly TablesRow Row = new("split-first", "none", "x", "X", 3, 0.8723, 0.0011, 400, 2.5);

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
        var rows = TablesConfig.All.Select(c => Row with { Bias = c.Bias, Features = c.Features, Train = c.Train, AccTest = 0.7, AccTestInverted = c.Table == 2 ? 0.6 : 0.4 }).ToList();
        var diagnostics = rows.Select(r => new TablesDiagnostics(r.Protocol, r.Bias, r.Features, r.Train, r.Seed, 300, 0.8, 0.5, 1e-3, "budget", 100, 0.9, 1, 1, 0, 0, 0, 10)).ToList();
        var md = TablesReport.Markdown(rows, diagnostics, new TablesReportContext(1797, new SymmetryProofs.Data.DataDirectory("data/optdigits", "default"), new SymmetryProofs.Optimisation.TrainingOptions(300), 0.8, TimeSpan.FromSeconds(1), 10));
        Assert.Contains("R + R-bar <= 1 (Eqs. 5-6) for every bias-free run on raw inputs: FAILS", md);
        Assert.Contains("R-bar = R exactly (Eqs. 7-9) for every run on invariant features: FAILS", md);
        Assert.Contains($"R-bar = R FAILED on {TablesConfig.All.Count(c => c.Table == 2)} of {TablesConfig.All.Count(c => c.Table == 2)} runs", md);
        Assert.DoesNotContain("held exactly on all", md);
        Assert.DoesNotContain("slowest configuration", md);
    }

    /// <summary>Cells the paper lacks print "-" for its figures in the report and the console summary (and the plot draws no marker for them).</summary>
    [Fact]
    public void Cells_without_a_paper_figure_print_a_dash()
    {
        Assert.Contains(TablesConfig.All, c => !c.InPaper);
        var rows = TablesConfig.All.Select(c => Row with { Bias = c.Bias, Features = c.Features, Train = c.Train, AccTest = 0.5, AccTestInverted = c.Table == 2 ? 0.5 : 0.4 }).ToList();
        var summary = TablesReport.Summary(rows, Row.Protocol).Split('\n');
        foreach (var c in TablesConfig.All)
        {
            // The summary's fixed columns: bias 5, features 16, train 5, X_test 16, paper 6, -X_test 16, paper 6, one space apart.
            var line = summary.Single(l => l.StartsWith($"{c.Bias,-5} {c.Features,-16} {c.Train,-5} "));
            string paperTest = line.Substring(46, 6).Trim(), paperInverted = line.Substring(70).Trim();
            Assert.Equal(c.InPaper ? c.PaperTest!.Value.ToString("0.00#", System.Globalization.CultureInfo.InvariantCulture) : "-", paperTest);
            Assert.Equal(!c.InPaper ? "-" : c.Table == 2 ? "same" : c.PaperInverted!.Value.ToString("0.00#", System.Globalization.CultureInfo.InvariantCulture), paperInverted);
        }
        var diagnostics = rows.Select(r => new TablesDiagnostics(r.Protocol, r.Bias, r.Features, r.Train, r.Seed, 300, 0.8, 0.5, 1e-3, "budget", 100, 0.9, 1, 1, 0, 0, 0, 10)).ToList();
        var md = TablesReport.Markdown(rows, diagnostics, new TablesReportContext(1797, new SymmetryProofs.Data.DataDirectory("data/optdigits", "default"), new SymmetryProofs.Optimisation.TrainingOptions(300), 0.8, TimeSpan.FromSeconds(1), 10));
        foreach (var c in TablesConfig.All.Where(c => !c.InPaper))
            Assert.Contains($"| {c.Bias} | {c.FeatureLabel} | X | 0.500 | - | 0.500 | - |", md.Replace(" (1 seed)", ""));
        Assert.Contains("was not computed for this report", md);
    }

    /// <summary>The report's checks flag what they must: a bias-free raw run with R + R-bar > 1, an invariant run with R-bar != R.</summary>
    [Fact]
    public void Report_checks_detect_violations()
    {
        var ok = new[] { Row, Row with { Features = "x2", AccTest = 0.7, AccTestInverted = 0.7 } };
        Assert.Empty(TablesReport.BoundCheck(ok).Violations);
        Assert.Empty(TablesReport.InvarianceCheck(ok).Violations);
        var bad = new[] { Row with { AccTest = 0.6, AccTestInverted = 0.41 }, Row with { Features = "x2", AccTest = 0.7, AccTestInverted = 0.7000000000000001 } };
        Assert.Single(TablesReport.BoundCheck(bad).Violations);
        Assert.Single(TablesReport.InvarianceCheck(bad).Violations);
    }
}
