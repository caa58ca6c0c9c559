using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Experiments.Tables;

namespace SymmetryProofs.Properties.Experiments.Tables;

/// <summary>The report's stop section and its comparison with a baseline are computed from the rows they are given.</summary>
public class TablesConvergenceTests
{
    private static readonly BergmanRow Row = new(new RunKey(SplitProtocol.SplitFirst, BergmanConfig.All[0].Cell, 0), 0.8, 0.0, 400, 2.5, StopRule.Gradient, 3, 1e-7);

    private static BergmanRow RowOf(BergmanConfig c, int seed, StopRule stop) => Row with { Key = new RunKey(SplitProtocol.SplitFirst, c.Cell, seed), Stop = stop };

    private static List<BergmanRow> Rows()
    {
        StopRule[] stops = [StopRule.Gradient, StopRule.Plateau, StopRule.Budget, StopRule.Gradient, StopRule.LineSearch];
        return stops.Select((s, i) => RowOf(BergmanConfig.All[0], i, s))
            .Concat(Enumerable.Range(0, 3).Select(i => RowOf(BergmanConfig.All[4], i, StopRule.Budget)))
            .ToList();
    }

    [Fact]
    public void Counts_per_configuration_and_rule_are_those_of_the_rows()
    {
        var counts = TablesConvergence.Counts(Rows());
        Assert.Equal(2, counts.Count);
        Assert.Equal(2, counts[0].Count(StopRule.Gradient));
        Assert.Equal(1, counts[0].Count(StopRule.Plateau));
        Assert.Equal(1, counts[0].Count(StopRule.Budget));
        Assert.Equal(1, counts[0].Count(StopRule.LineSearch));
        Assert.Equal([(2, StopRule.Budget), (4, StopRule.LineSearch)], counts[0].NotConverged);
        Assert.Equal(3, counts[1].Count(StopRule.Budget));
        Assert.Equal(3, counts[1].NotConverged.Count);
    }

    [Fact]
    public void The_stop_section_states_the_counts_of_the_rows()
    {
        var md = TablesConvergence.StopSection(Rows(), SplitProtocol.SplitFirst);
        Assert.Contains("3 of 8 runs stopped by their rule (gradient, plateau or, stopping early, validation), not by a budget or a failed line search; 2 by gradient, 1 by plateau, 4 by budget, 1 by linesearch.", md);
        Assert.Contains("| 2 | 1 | 1 | 1 | 2: budget, 4: linesearch |", md);
        Assert.Contains("| 0 | 0 | 3 | 0 | 0: budget, 1: budget, 2: budget |", md);
    }

    /// <summary>Control: rows of a budget-limited run make the section say that none converged.</summary>
    [Fact]
    public void Budget_stopped_rows_are_not_called_converged()
    {
        var md = TablesConvergence.StopSection(Rows().Select(r => r with { Stop = StopRule.Budget }).ToList(), SplitProtocol.SplitFirst);
        Assert.Contains("0 of 8 runs stopped by their rule", md);
    }

    [Fact]
    public void The_comparison_pairs_seeds_and_computes_the_differences()
    {
        var config = BergmanConfig.All[0];
        var baseline = Enumerable.Range(0, 4).Select(i => RowOf(config, i, StopRule.Budget) with { AccTest = 0.80 + 0.01 * i }).ToList();
        var converged = baseline.Select(r => r with { AccTest = r.AccTest + 0.05 + 0.001 * r.Seed, Stop = StopRule.Gradient }).ToList();
        var d = Assert.Single(TablesComparison.Compare(converged, baseline, SplitProtocol.SplitFirst));
        Assert.Equal(config, d.Config);
        Assert.Equal(4, d.Paired.Count);
        Assert.Equal(0.0515, d.Paired.Mean, 12);
        Assert.Equal(1, TablesDifference.Sign(d.Paired));
        // Control: no change at all gives a difference whose interval is undefined or contains 0, never "above 0".
        var same = Assert.Single(TablesComparison.Compare(baseline, baseline, SplitProtocol.SplitFirst));
        Assert.Equal(0, TablesDifference.Sign(same.Paired));
        var md = TablesComparison.Section(converged, baseline, "base/tables.csv", SplitProtocol.SplitFirst);
        Assert.Contains("lies above 0 for 1 of 1 configurations, below 0 for 0", md);
        Assert.Contains("This run: 4 runs, stopped by gradient 4.", md);
    }

    [Fact]
    public void A_baseline_csv_reads_back_and_a_bad_line_names_file_and_line()
    {
        var dir = Directory.CreateTempSubdirectory("tables-baseline-");
        try
        {
            string path = Path.Combine(dir.FullName, "tables.csv");
            File.WriteAllText(path, TablesCsv.Write(Rows()));
            Assert.Equal(Rows(), TablesCsv.Read(path));
            File.WriteAllText(path, TablesCsv.HeaderWithoutHalf + "\nsplit-first,none,x,X,zero,0.8,0,400,2.5,budget,0,1e-3\n");
            var e = Assert.Throws<InputException>(() => TablesCsv.Read(path));
            Assert.Contains($"{path}:2:", e.Message);
            File.WriteAllText(path, TablesCsv.HeaderWithoutHalf + "\nsplit-first,none,x3,X,0,0.8,0,400,2.5,budget,0,1e-3\n");
            Assert.StartsWith($"{path}:2: features 'x3' is none of", Assert.Throws<InputException>(() => TablesCsv.Read(path)).Message);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Finish_options_map_to_the_protocols_and_a_bad_one_is_bad_input()
    {
        TablesSettings Settings(Finish finish, bool quick, int? budget = null, int? steps = null) => TablesSettings.Create(SplitProtocol.SplitFirst, 0.8, finish, quick, budget, steps);
        Assert.False(Settings(Finish.None, false).Training.Finishes);
        Assert.Equal(TablesSettings.Default.MaxEvaluations, Settings(Finish.Newton, false).Training.MaxEvaluations);
        Assert.True(Settings(Finish.Newton, true).Training.Finishes);
        Assert.Equal(TablesSettings.DefaultNewtonSteps, Settings(Finish.Newton, true).Training.NewtonSteps);
        Assert.Equal(7, Settings(Finish.Newton, false, steps: 7).Training.NewtonSteps);
        Assert.Equal(Finish.Newton, FinishNames.Names.Parse("newton"));
        Assert.Contains("--finish: got 'cg'", Assert.Throws<InputException>(() => FinishNames.Names.Parse("cg")).Message);
        Assert.Contains("--newton-steps", Assert.Throws<InputException>(() => Settings(Finish.None, false, steps: 5)).Message);
        Assert.Contains("--newton-steps: got 0", Assert.Throws<InputException>(() => Settings(Finish.Newton, false, steps: 0)).Message);
        Assert.Contains("--max-evals: got 1", Assert.Throws<InputException>(() => Settings(Finish.None, false, budget: 1)).Message);
    }
}
