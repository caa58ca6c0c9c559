using System.Globalization;
using System.Text;
using SymmetryProofs.Experiments.Bergman;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>One comparison of the tables: configuration A minus configuration B on R or on R-bar, and why it is asked.</summary>
internal sealed record TablesPair(BergmanCell A, BergmanCell B, string Question);

/// <summary>A comparison with its paired differences at the full budget and at half of it, and the rule's reading.</summary>
internal sealed record TablesPairResult(TablesPair Pair, string Measure, PairedDifference Full, PairedDifference Half, bool HalfEqualsFull, Settlement Settlement);

/// <summary>
/// The paired comparisons of the tables report, fixed before the runs (docs/tables.md, "Paired comparisons"): biases
/// against none for every cell; training on X and -X against X; each invariant map against x_i^2; each invariant net
/// against augmentation. Each on R and on R-bar, paired by seed (same split, same initial weights), with Bonferroni
/// intervals over all of them (<see cref="PairedComparison"/>). The half-budget results are those each run records
/// (<see cref="BergmanRow.AccTestHalf"/>); when every run of both configurations stopped by its rule within half the
/// budget they equal the full ones exactly.
/// </summary>
internal static class TablesPairs
{
    private static BergmanCell Cell(Bias b, FeatureSet f, TrainingSet t = TrainingSet.X) => new(b, f, t);

    /// <summary>The comparisons, in report order.</summary>
    public static readonly IReadOnlyList<TablesPair> All = Build();

    private static List<TablesPair> Build()
    {
        var list = new List<TablesPair>();
        foreach (var c in BergmanConfig.All.Where(c => c.Bias == Bias.With))
            list.Add(new TablesPair(c.Cell, c.Cell with { Bias = Bias.None }, "biases"));
        foreach (var b in new[] { Bias.None, Bias.With })
            list.Add(new TablesPair(Cell(b, FeatureSet.X, TrainingSet.XAndNegated), Cell(b, FeatureSet.X), "training on X and -X"));
        foreach (var b in new[] { Bias.None, Bias.With })
            foreach (var f in new[] { FeatureSet.Neighbour, FeatureSet.Permutation, FeatureSet.IrrepsD4 })
                list.Add(new TablesPair(Cell(b, f), Cell(b, FeatureSet.Squares), "invariant map vs x_i^2"));
        foreach (var f in new[] { FeatureSet.Squares, FeatureSet.Neighbour, FeatureSet.Permutation })
            list.Add(new TablesPair(Cell(Bias.None, f), Cell(Bias.With, FeatureSet.X, TrainingSet.XAndNegated), "invariant net vs augmentation"));
        return list;
    }

    /// <summary>Every comparison with both configurations present, on R and R-bar; m = the number of results (Bonferroni).</summary>
    public static List<TablesPairResult> Compute(IReadOnlyList<BergmanRow> rows, int budget)
    {
        var byCell = rows.GroupBy(r => r.Cell).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Seed));
        var present = All.Where(p => byCell.ContainsKey(p.A) && byCell.ContainsKey(p.B)).ToList();
        int m = present.Count * 2;
        var results = new List<TablesPairResult>();
        foreach (var p in present)
        {
            var seeds = byCell[p.A].Keys.Intersect(byCell[p.B].Keys).Order().ToList();
            var a = seeds.Select(s => byCell[p.A][s]).ToList();
            var b = seeds.Select(s => byCell[p.B][s]).ToList();
            bool halfEqual = a.Concat(b).All(r => StoppedWithinHalf(r, budget));
            foreach (var (measure, full, half) in new (string, Func<BergmanRow, double>, Func<BergmanRow, double>)[]
                     { ("R", r => r.AccTest, r => r.AccTestHalf), ("R-bar", r => r.AccTestInverted, r => r.AccTestInvertedHalf) })
            {
                var dFull = PairedComparison.Of(a.Select(full).ToList(), b.Select(full).ToList(), m);
                var dHalf = halfEqual ? dFull : PairedComparison.Of(a.Select(half).ToList(), b.Select(half).ToList(), m);
                results.Add(new TablesPairResult(p, measure, dFull, dHalf, halfEqual, PairedComparison.Settle(dFull, dHalf)));
            }
        }
        return results;
    }

    /// <summary>Whether a run's half-budget result is its final one: it stopped by its rule (no Newton finish) within half the budget.</summary>
    public static bool StoppedWithinHalf(BergmanRow r, int budget) => r.Stop.Converged() && r.NewtonSteps == 0 && r.Epochs <= budget / 2;

    /// <summary>The report section.</summary>
    public static string Section(IReadOnlyList<BergmanRow> rows, int budget)
    {
        var results = Compute(rows, budget);
        var inv = CultureInfo.InvariantCulture;
        string I(PairedDifference d) => double.IsNaN(d.Low) ? $"{d.Mean.ToString("F3", inv)} (no interval)"
            : $"{d.Mean.ToString("+0.000;-0.000;0.000", inv)} [{d.Low.ToString("F3", inv)}, {d.High.ToString("F3", inv)}]";
        var sb = new StringBuilder();
        sb.AppendLine("### Paired comparisons\n");
        if (results.Count == 0) { sb.AppendLine("No comparison has both configurations in this run.\n"); return sb.ToString(); }
        int m = results.Count;
        int seeds = results.Max(r => r.Full.Seeds);
        sb.AppendLine($"Differences A - B between two configurations, paired by seed (same split, same initial weights), over {seeds} seed(s). " +
                      $"Intervals: two-sided Student-t at the Bonferroni-corrected level 1 - {PairedComparison.Alpha.ToString("G", inv)}/{m} ({m} comparisons), so all {m} hold together with probability at least {(1 - PairedComparison.Alpha).ToString("G", inv)}. " +
                      $"A difference is **settled** when its interval excludes 0 at the full budget and, with the same sign, at half the budget ({budget / 2} evaluations: the net the same deterministic run had reached then); " +
                      "*not significant* when the interval contains 0 at both; *budget-dependent* otherwise. " +
                      "When every run of both configurations stopped by its rule within half the budget, the half-budget results are the final ones (column \"half = full\").\n");
        sb.AppendLine($"{results.Count(r => r.Settlement == Settlement.Settled)} of {m} settled, {results.Count(r => r.Settlement == Settlement.NotSignificant)} not significant, " +
                      $"{results.Count(r => r.Settlement == Settlement.BudgetDependent)} budget-dependent, {results.Count(r => r.Settlement == Settlement.TooFewSeeds)} with too few seeds.\n");
        sb.AppendLine("| question | A | B | on | A - B, full budget | A - B, half budget | half = full | reading |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in results)
            sb.AppendLine($"| {r.Pair.Question} | {Label(r.Pair.A)} | {Label(r.Pair.B)} | {r.Measure} | {I(r.Full)} | {I(r.Half)} | {(r.HalfEqualsFull ? "yes" : "no")} | {(r.Settlement == Settlement.Settled ? "**settled**" : r.Settlement.Word())} |");
        sb.AppendLine();
        return sb.ToString();
    }

    private static string Label(BergmanCell c) =>
        $"{(c.WithBias ? "biased" : "bias-free")}, {FeatureMaps.Label(c.Features)}{(c.TrainedOnInverted ? ", X and -X" : "")}";
}
