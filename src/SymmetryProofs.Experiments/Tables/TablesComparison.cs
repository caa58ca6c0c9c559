using System.Globalization;
using System.Text;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>One configuration, converged vs baseline: each side's accuracy over its seeds, and the same-seed differences (converged minus baseline).</summary>
internal sealed record TablesDifference(BergmanConfig Config, SeedStatistics Baseline, SeedStatistics Converged, SeedStatistics Paired,
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
internal static class TablesComparison
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static List<TablesDifference> Compare(IReadOnlyList<BergmanRow> converged, IReadOnlyList<BergmanRow> baseline, SplitProtocol protocol)
    {
        var list = new List<TablesDifference>();
        foreach (var c in BergmanConfig.All)
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

    private static List<BergmanRow> Select(IEnumerable<BergmanRow> rows, BergmanConfig c, SplitProtocol protocol) =>
        rows.Where(r => r.Key.Protocol == protocol && r.Cell == c.Cell).ToList();

    /// <summary>The section "This run vs the baseline"; <paramref name="baselineLabel"/> names the baseline's file.</summary>
    public static string Section(IReadOnlyList<BergmanRow> converged, IReadOnlyList<BergmanRow> baseline, string baselineLabel, SplitProtocol protocol)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"### This run vs the baseline (`{protocol.Name()}`)\n");
        var diffs = Compare(converged, baseline, protocol);
        if (diffs.Count == 0)
        {
            sb.AppendLine($"The baseline `{baselineLabel}` has no `{protocol.Name()}` runs of these configurations; nothing to compare.\n");
            return sb.ToString();
        }
        string Stops(IEnumerable<BergmanRow> rs) => string.Join(", ", rs.Where(r => r.Key.Protocol == protocol).GroupBy(r => r.Stop.Name()).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        sb.AppendLine($"Baseline: `{baselineLabel}` ({baseline.Count(r => r.Key.Protocol == protocol)} runs; stopped by {Stops(baseline)}; " +
                      $"epochs {SeedStatistics.Of(baseline.Where(r => r.Key.Protocol == protocol).Select(r => (double)r.Epochs)).Format("F0")}). " +
                      $"This run: {converged.Count(r => r.Key.Protocol == protocol)} runs, stopped by {Stops(converged)}. " +
                      "Both runs use the same seeds, so the same split, P and initial weights: the difference of a seed's two runs is the effect of the change of training protocol " +
                      "(training to convergence only for the runs the gradient or plateau rule stopped). " +
                      "Cells: mean [95% interval of the mean] over seeds; the difference is this run minus the baseline, seed by seed.\n");
        sb.AppendLine("| biases | features | trained on | R baseline | R this run | R difference | R-bar baseline | R-bar this run | R-bar difference | seeds paired |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var d in diffs)
            sb.AppendLine($"| {d.Config.Bias.Name()} | {d.Config.FeatureLabel} | {(d.Config.TrainedOnInverted ? "X and -X" : "X")} | {Cell(d.Baseline)} | {Cell(d.Converged)} | {Cell(d.Paired, "+0.000;-0.000;0.000")} | " +
                          $"{Cell(d.BaselineInverted)} | {Cell(d.ConvergedInverted)} | {Cell(d.PairedInverted, "+0.000;-0.000;0.000")} | {d.Paired.Count} |");
        int up = diffs.Count(d => TablesDifference.Sign(d.Paired) > 0), down = diffs.Count(d => TablesDifference.Sign(d.Paired) < 0);
        var largest = diffs.OrderByDescending(d => Math.Abs(d.Paired.Mean)).First();
        sb.AppendLine($"\nOn X_test the 95% interval of the paired difference lies above 0 for {up} of {diffs.Count} configurations, below 0 for {down}, " +
                      $"and contains 0 (or is undefined) for {diffs.Count - up - down}. The largest mean change is {largest.Paired.Mean.ToString("+0.000;-0.000;0.000", Inv)} " +
                      $"({largest.Config.Bias.Name()}/{largest.Config.FeatureLabel}/{largest.Config.Train.Name()}).\n");
        return sb.ToString();
    }

    private static string Cell(SeedStatistics s, string spec = "F3") =>
        s.Count == 0 ? "n/a" : s.Count == 1 ? s.Mean.ToString(spec, Inv) + " (1 seed)"
        : $"{s.Mean.ToString(spec, Inv)} [{s.Low95.ToString("F3", Inv)}, {s.High95.ToString("F3", Inv)}]";
}
