using System.Globalization;
using System.Text;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>One configuration, converged vs baseline: each side's accuracy over its seeds, and the same-seed differences (converged minus baseline).</summary>
public sealed record TablesDifference(TablesConfig Config, SeedStatistics Baseline, SeedStatistics Converged, SeedStatistics Paired,
    SeedStatistics BaselineInverted, SeedStatistics ConvergedInverted, SeedStatistics PairedInverted)
{
    /// <summary>-1, 0 or +1: whether the 95% interval of the paired difference lies below 0, contains it (or is undefined), or lies above it.</summary>
    public static int Sign(SeedStatistics d) => d.Count < 2 || double.IsNaN(d.HalfWidth95) ? 0 : d.Low95 > 0 ? 1 : d.High95 < 0 ? -1 : 0;
}

/// <summary>
/// What converging changes: the rows of this run against the rows of a baseline run (`tables --finish none`,
/// L-BFGS on its evaluation budget), configuration by configuration, paired by seed (the same split, P and
/// initial weights), with 95% Student-t intervals over seeds (<see cref="SeedStatistics"/>).
/// </summary>
public static class TablesComparison
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static List<TablesDifference> Compare(IReadOnlyList<TablesRow> converged, IReadOnlyList<TablesRow> baseline, string protocol)
    {
        var list = new List<TablesDifference>();
        foreach (var c in TablesConfig.All)
        {
            var mine = Select(converged, c, protocol);
            var theirs = Select(baseline, c, protocol);
            if (mine.Count == 0 || theirs.Count == 0) continue;
            var pairs = mine.Join(theirs, r => r.Seed, r => r.Seed, (a, b) => (A: a, B: b)).ToList();
            list.Add(new TablesDifference(c,
                SeedStatistics.Of(theirs.Select(r => r.AccTest)), SeedStatistics.Of(mine.Select(r => r.AccTest)), SeedStatistics.Of(pairs.Select(p => p.A.AccTest - p.B.AccTest)),
                SeedStatistics.Of(theirs.Select(r => r.AccTestInverted)), SeedStatistics.Of(mine.Select(r => r.AccTestInverted)), SeedStatistics.Of(pairs.Select(p => p.A.AccTestInverted - p.B.AccTestInverted))));
        }
        return list;
    }

    private static List<TablesRow> Select(IEnumerable<TablesRow> rows, TablesConfig c, string protocol) =>
        rows.Where(r => r.Protocol == protocol && r.Bias == c.Bias && r.Features == c.Features && r.Train == c.Train).ToList();

    /// <summary>The section "This run vs the baseline"; <paramref name="baselineLabel"/> names the baseline's file.</summary>
    public static string Section(IReadOnlyList<TablesRow> converged, IReadOnlyList<TablesRow> baseline, string baselineLabel, string protocol)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"### This run vs the baseline (`{protocol}`)\n");
        var diffs = Compare(converged, baseline, protocol);
        if (diffs.Count == 0)
        {
            sb.AppendLine($"The baseline `{baselineLabel}` has no `{protocol}` runs of these configurations; nothing to compare.\n");
            return sb.ToString();
        }
        string Stops(IEnumerable<TablesRow> rs) => string.Join(", ", rs.Where(r => r.Protocol == protocol).GroupBy(r => string.IsNullOrEmpty(r.Stop) ? "unknown" : r.Stop).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
        sb.AppendLine($"Baseline: `{baselineLabel}` ({baseline.Count(r => r.Protocol == protocol)} runs; stopped by {Stops(baseline)}; " +
                      $"epochs {SeedStatistics.Of(baseline.Where(r => r.Protocol == protocol).Select(r => (double)r.Epochs)).Format("F0")}). " +
                      $"This run: {converged.Count(r => r.Protocol == protocol)} runs, stopped by {Stops(converged)}. " +
                      "Both runs use the same seeds, so the same split, P and initial weights: the difference of a seed's two runs is the effect of the change of training protocol " +
                      "(training to convergence only for the runs the gradient or plateau rule stopped). " +
                      "Cells: mean [95% interval of the mean] over seeds; the difference is this run minus the baseline, seed by seed.\n");
        sb.AppendLine("| biases | features | trained on | R baseline | R this run | R difference | R-bar baseline | R-bar this run | R-bar difference | seeds paired |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var d in diffs)
            sb.AppendLine($"| {d.Config.Bias} | {d.Config.FeatureLabel} | {(d.Config.TrainedOnInverted ? "X and -X" : "X")} | {Cell(d.Baseline)} | {Cell(d.Converged)} | {Cell(d.Paired, "+0.000;-0.000;0.000")} | " +
                          $"{Cell(d.BaselineInverted)} | {Cell(d.ConvergedInverted)} | {Cell(d.PairedInverted, "+0.000;-0.000;0.000")} | {d.Paired.Count} |");
        int up = diffs.Count(d => TablesDifference.Sign(d.Paired) > 0), down = diffs.Count(d => TablesDifference.Sign(d.Paired) < 0);
        var largest = diffs.OrderByDescending(d => Math.Abs(d.Paired.Mean)).First();
        sb.AppendLine($"\nOn X_test the 95% interval of the paired difference lies above 0 for {up} of {diffs.Count} configurations, below 0 for {down}, " +
                      $"and contains 0 (or is undefined) for {diffs.Count - up - down}. The largest mean change is {largest.Paired.Mean.ToString("+0.000;-0.000;0.000", Inv)} " +
                      $"({largest.Config.Bias}/{largest.Config.FeatureLabel}/{largest.Config.Train}).\n");
        return sb.ToString();
    }

    private static string Cell(SeedStatistics s, string spec = "F3") =>
        s.Count == 0 ? "n/a" : s.Count == 1 ? s.Mean.ToString(spec, Inv) + " (1 seed)"
        : $"{s.Mean.ToString(spec, Inv)} [{s.Low95.ToString("F3", Inv)}, {s.High95.ToString("F3", Inv)}]";
}
