using System.Globalization;
using System.Text;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>How the runs of one configuration stopped: the count per stop rule and the seeds that did not converge (by budget or line search).</summary>
internal sealed record TablesStopCounts(BergmanConfig Config, IReadOnlyDictionary<StopRule, int> Counts, IReadOnlyList<(int Seed, StopRule Stop)> NotConverged)
{
    public int Runs => Counts.Values.Sum();
    public int Count(StopRule rule) => Counts.GetValueOrDefault(rule);
}

/// <summary>
/// The report's convergence section, computed from the rows alone: how every run stopped (per configuration and
/// stop rule), what the finish cost, and, given a baseline (a `--finish none` run), what converging changed.
/// A run converged when the gradient or the plateau rule stopped it; budget and line search did not.
/// </summary>
internal static class TablesConvergence
{
    /// <summary>The stop rules in the order the report lists them; a rule missing from a row (older CSV) reads "unknown".</summary>
    public static readonly StopRule[] Rules = [StopRule.Gradient, StopRule.Plateau, StopRule.Budget, StopRule.LineSearch, StopRule.Validation, StopRule.Unknown];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Counts per configuration (in <see cref="BergmanConfig.All"/> order, configurations without rows left out).</summary>
    public static List<TablesStopCounts> Counts(IEnumerable<BergmanRow> rows)
    {
        var list = rows.ToList();
        return BergmanConfig.All
            .Select(c => (Config: c, Runs: list.Where(r => r.Cell == c.Cell).OrderBy(r => r.Seed).ToList()))
            .Where(x => x.Runs.Count > 0)
            .Select(x => new TablesStopCounts(x.Config,
                x.Runs.GroupBy(r => r.Stop).ToDictionary(g => g.Key, g => g.Count()),
                x.Runs.Where(r => !r.Stop.Converged()).Select(r => (r.Seed, r.Stop)).ToList()))
            .ToList();
    }

    /// <summary>The section "How each run stopped" for one protocol's rows.</summary>
    public static string StopSection(IReadOnlyList<BergmanRow> rows, SplitProtocol protocol)
    {
        var sb = new StringBuilder();
        var counts = Counts(rows);
        var rules = Rules.Where(rule => rows.Any(r => r.Stop == rule)).ToList();
        int converged = rows.Count(r => r.Stop.Converged());
        sb.AppendLine($"### How each run stopped (`{protocol.Name()}`)\n");
        sb.AppendLine($"{converged} of {rows.Count} runs stopped by their rule (gradient, plateau or, stopping early, validation), not by a budget or a failed line search; " +
                      string.Join(", ", rules.Select(rule => $"{rows.Count(r => r.Stop == rule)} by {rule.Name()}")) +
                      ". Every run's stop rule, Newton steps and final max |dL/dtheta| are columns of `tables.csv` (the L-BFGS phase's own stop is `lbfgs_stop` in `tables-diagnostics.csv`).\n");
        sb.AppendLine("| biases | features | trained on | " + string.Join(" | ", rules.Select(r => r.Name())) + " | not converged (seed: rule) | Newton steps | final max abs(dL/dtheta) | epochs | seconds |");
        sb.AppendLine("| --- | --- | --- | " + string.Join(" | ", rules.Select(_ => "---")) + " | --- | --- | --- | --- | --- |");
        foreach (var c in counts)
        {
            var runs = rows.Where(r => r.Cell == c.Config.Cell).ToList();
            string notConverged = c.NotConverged.Count == 0 ? "none" : string.Join(", ", c.NotConverged.Select(x => $"{x.Seed}: {x.Stop.Name()}"));
            sb.AppendLine($"| {c.Config.Bias.Name()} | {c.Config.FeatureLabel} | {(c.Config.TrainedOnInverted ? "X and -X" : "X")} | " +
                          string.Join(" | ", rules.Select(rule => c.Count(rule).ToString(Inv))) + $" | {notConverged} | " +
                          $"{Range(runs.Select(r => (double)r.NewtonSteps), "F0")} | {Range(runs.Select(r => r.GradientMax), "G2")} | " +
                          $"{Range(runs.Select(r => (double)r.Epochs), "F0")} | {SeedStatistics.Of(runs.Select(r => r.TrainSeconds)).Format("F1")} |");
        }
        sb.AppendLine("\nNewton steps, final gradient and epochs: smallest..largest over the seeds; seconds: mean ± sd of the wall time of one run.\n");
        return sb.ToString();
    }

    private static string Range(IEnumerable<double> values, string spec)
    {
        var v = values.Where(double.IsFinite).ToList();
        if (v.Count == 0) return "n/a";
        double lo = v.Min(), hi = v.Max();
        return lo == hi ? lo.ToString(spec, Inv) : $"{lo.ToString(spec, Inv)}..{hi.ToString(spec, Inv)}";
    }
}
