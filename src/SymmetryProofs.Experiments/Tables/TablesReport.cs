using System.Globalization;
using System.Text;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>What the report states beside the rows; <paramref name="Coincidences"/> compares the irreducible norms with the paper's maps (none: the report says it was not computed).</summary>
internal sealed record TablesReportContext(int Digits, DataDirectory Data, Optimisation.TrainingOptions Options, double Ratio, TimeSpan Elapsed, int RunsThisInvocation,
    IReadOnlyList<TablesCoincidence>? Coincidences = null, IReadOnlyList<BergmanRow>? Baseline = null, string? BaselineLabel = null);

/// <summary>tables.md: the paper's two tables with our mean ± std beside its figures, the protocol, the checks and the discussion.</summary>
internal static class TablesReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static string F(double v, string spec = "F3") => v.ToString(spec, Inv);

    /// <summary>The paper's figure for a cell, or "-" where the paper has no such cell; Table 2's "same" is R-bar = R.</summary>
    internal static string PaperTest(BergmanConfig c) => c.PaperTest is double p ? F(p, "0.00#") : "-";
    internal static string PaperInverted(BergmanConfig c) => c.PaperInverted is not double p ? "-" : c.Table == 2 ? "same" : F(p, "0.00#");

    public static string Markdown(IReadOnlyList<BergmanRow> rows, IReadOnlyList<BergmanDiagnostics> diagnostics, TablesReportContext c)
    {
        var sb = new StringBuilder();
        var diag = diagnostics.ToDictionary(d => d.Key);
        sb.AppendLine("# Bergman's Tables 1 and 2, reproduced with error bars\n");
        sb.AppendLine($"Written {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `tables`; this invocation trained {c.RunsThisInvocation} runs in " +
                      $"{F(c.Elapsed.TotalSeconds, "F1")} s wall time on {Environment.ProcessorCount} cores ({System.Runtime.InteropServices.RuntimeInformation.OSDescription}); " +
                      $"the CSV's runs took {F(rows.Sum(r => r.TrainSeconds), "F1")} s of training in total. Cells are mean ± sample standard deviation over seeds; the paper reports one run per cell.\n");
        sb.Append(Publishing.Headline.Wrap(HeadlineText(rows))).AppendLine();
        AppendProtocol(sb, c);
        foreach (var protocol in Protocols(rows))
        {
            var mine = rows.Where(r => r.Key.Protocol == protocol).ToList();
            AppendTables(sb, protocol, mine, diag);
            sb.Append(TablesConvergence.StopSection(mine, protocol));
            sb.Append(TablesPairs.Section(mine, c.Options.MaxEvaluations));
            if (c.Baseline is { } baseline) sb.Append(TablesComparison.Section(mine, baseline, c.BaselineLabel ?? "baseline", protocol));
            AppendChecks(sb, protocol, mine, diag);
            AppendDiscussion(sb, protocol, mine, diag, rows);
            AppendIrreducibleNorms(sb, protocol, mine, diag, c.Coincidences);
        }
        return sb.ToString();
    }

    /// <summary>The computed sentence the README quotes: the two exact checks over every run, and how many runs converged.</summary>
    public static string HeadlineText(IReadOnlyList<BergmanRow> rows)
    {
        var (n1, bad1) = BergmanChecks.Bound(rows);
        var (n2, bad2) = BergmanChecks.Invariance(rows);
        int converged = rows.Count(r => r.Stop.Converged());
        int seeds = rows.Select(r => r.Seed).Distinct().Count();
        return $"Bergman's Tables 1 and 2 over {seeds} seeds ({rows.Count} runs, protocol {string.Join(", ", Protocols(rows).Select(BergmanNames.Protocol.Name))}): " +
               $"R + R-bar <= 1 {(bad1.Count == 0 ? "holds" : "FAILS")} on {n1 - bad1.Count} of {n1} bias-free runs on raw inputs; " +
               $"R-bar = R exactly {(bad2.Count == 0 ? "holds" : "FAILS")} on {n2 - bad2.Count} of {n2} runs on invariant features; " +
               $"{converged} of {rows.Count} runs stopped by their rule (gradient, plateau or validation), the other {rows.Count - converged} on the evaluation budget or a failed line search (section \"How each run stopped\").";
    }

    private static void AppendProtocol(StringBuilder sb, TablesReportContext c)
    {
        var o = c.Options;
        sb.AppendLine("## Protocol (every choice the paper leaves open)\n");
        sb.AppendLine($"- Data: `{Optdigits.TestFile}` from `{c.Data.Shown}` ({c.Data.Source}), SHA-256 verified: {c.Digits} digits, the set scikit-learn ships as `load_digits()`; x = v/8 - 1, background -1.");
        sb.AppendLine("- Enlargement: five-fold, the original and copies shifted one pixel right, left, up and down; pixels shifted in from outside take the background value -1.");
        sb.AppendLine($"- Split: stratified per class, {F(c.Ratio * 100, "F0")}% training / {F(100 - c.Ratio * 100, "F0")}% test, shuffled with the run's seed. " +
                      "`split-first` splits the originals and then enlarges each side (no shifted twin of a test digit is trained on); " +
                      "`paper` enlarges first and then splits (shifted twins of test digits are in the training set).");
        sb.AppendLine("- Model: d -> 10 -> 5 -> 10 with d the number of features (64; 48 for D4's irreducible norms), tanh hidden layers, linear logits, softmax cross-entropy averaged over the training set; `none` = every bias fixed at 0, `with` = all biases trained.");
        sb.AppendLine("- Seeds 0..N-1; each draws named streams (docs/reliability.md): `split` (the stratified split), `permutation` (P of the permutation products), `init` (the weights). Initialisation: `Mlp.Random(widths, bias, stream init)`: weights N(0, 1/fan-in), biases N(0, 0.01); the nets with and without biases start from the same weights.");
        sb.AppendLine("- Features: x_i; x_i^2; x_i x_{i+e1} with the right neighbour in the same row, wrapping around (cylinder); x_i x_{P(i)} with P a uniformly random permutation drawn from the seed (Fisher-Yates), fixed for all runs of that seed; " +
                      "|P_k x|^2, the irreducible norms of Sec. 4.2 for inversion (64) and for D4 acting on the 8x8 pixels (48), decomposition seed 0 (not in the paper).");
        sb.AppendLine("- Training set: X (the enlarged training side), or X and -X together (Table 1 only); evaluation on X_test and -X_test (the enlarged test side, negated).");
        sb.AppendLine($"- Training: {o.Describe()}. `epochs` counts loss-and-gradient evaluations, each a full pass over the training set; float64, one thread, deterministic per seed.");
        sb.AppendLine("- Evaluation: R = accuracy on X_test, R-bar = accuracy on -X_test, computed with the MathNet `Mlp` (fixed summation order) on the trained parameters; the predicted class is the largest logit, ties to the lowest class index.");
        sb.AppendLine("- Extra evidence per run (final training loss, gradient, logits, ties) is in `tables-diagnostics.csv`.\n");
    }

    private static void AppendTables(StringBuilder sb, SplitProtocol protocol, List<BergmanRow> rows, Dictionary<RunKey, BergmanDiagnostics> diag)
    {
        int seeds = rows.Select(r => r.Seed).Distinct().Count();
        foreach (int table in new[] { 1, 2 })
        {
            sb.AppendLine(table == 1
                ? $"## Table 1, protocol `{protocol.Name()}`: raw inputs ({seeds} seed{(seeds == 1 ? "" : "s")})\n"
                : $"## Table 2, protocol `{protocol.Name()}`: invariant features, trained on X ({seeds} seed{(seeds == 1 ? "" : "s")})\n");
            sb.AppendLine("| biases | features | trained on | X_test (ours) | paper | -X_test (ours) | paper | seeds | train loss | train acc | epochs | stopped by |");
            sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var config in BergmanConfig.All.Where(x => x.Table == table))
            {
                var runs = Select(rows, config);
                var d = runs.Select(r => diag.GetValueOrDefault(r.Key)).OfType<BergmanDiagnostics>().ToList();
                sb.AppendLine($"| {config.Bias.Name()} | {config.FeatureLabel} | {(config.TrainedOnInverted ? "X and -X" : "X")} | " +
                              $"{TablesStats.Of(runs.Select(r => r.AccTest)).Format()} | {PaperTest(config)} | " +
                              $"{TablesStats.Of(runs.Select(r => r.AccTestInverted)).Format()} | {PaperInverted(config)} | " +
                              $"{runs.Count} | {TablesStats.Of(d.Select(x => x.Training.FinalLoss)).Format("F4")} | {TablesStats.Of(d.Select(x => x.AccTrain)).Format()} | " +
                              $"{TablesStats.Of(runs.Select(r => (double)r.Epochs)).Format("F0")} | {StopSummary(d)} |");
            }
            sb.AppendLine();
        }
    }

    /// <summary>Where a configuration's mean final training loss ranks among all configurations of this protocol, computed, not asserted.</summary>
    private static string LossRank(List<BergmanRow> rows, Dictionary<RunKey, BergmanDiagnostics> diag, BergmanConfig config)
    {
        var means = BergmanConfig.All
            .Select(c => (Config: c, Loss: Select(rows, c).Select(r => diag.GetValueOrDefault(r.Key)).OfType<BergmanDiagnostics>().Select(d => d.Training.FinalLoss).DefaultIfEmpty(double.NaN).Average()))
            .Where(m => double.IsFinite(m.Loss)).OrderByDescending(m => m.Loss).ToList();
        int rank = means.FindIndex(m => m.Config == config) + 1;
        return rank == 0 ? "no diagnostics" : $"the {Ordinal(rank)} highest mean final loss of {means.Count} configurations";
    }

    private static string Ordinal(int k) => k switch { 1 => "1st", 2 => "2nd", 3 => "3rd", _ => $"{k}th" };

    private static string StopSummary(List<BergmanDiagnostics> d) =>
        d.Count == 0 ? "n/a" : string.Join(", ", d.GroupBy(x => x.Training.Stop.Name()).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));

    private static List<BergmanRow> Select(IEnumerable<BergmanRow> rows, BergmanConfig c) =>
        rows.Where(r => r.Cell == c.Cell).OrderBy(r => r.Seed).ToList();

    /// <summary>The protocols of the rows, in the order of their names (as the report has always listed them: paper before split-first).</summary>
    internal static IEnumerable<SplitProtocol> Protocols(IEnumerable<BergmanRow> rows) =>
        rows.Select(r => r.Key.Protocol).Distinct().OrderBy(BergmanNames.Protocol.Name, StringComparer.Ordinal);

    private static void AppendChecks(StringBuilder sb, SplitProtocol protocol, List<BergmanRow> rows, Dictionary<RunKey, BergmanDiagnostics> diag)
    {
        sb.AppendLine($"### Checks of the theory on every run (`{protocol.Name()}`)\n");
        var (n1, bad1) = BergmanChecks.Bound(rows);
        var raw = rows.Where(r => BergmanChecks.BoundApplies(r.Cell)).ToList();
        double maxSum = raw.Count == 0 ? double.NaN : raw.Max(r => r.AccTest + r.AccTestInverted);
        int ties = raw.Sum(r => diag.GetValueOrDefault(r.Key)?.Logits.TiesTest ?? 0);
        sb.AppendLine($"- R + R-bar <= 1 (Eqs. 5-6) for every bias-free run on raw inputs: {(bad1.Count == 0 ? "holds" : "FAILS")} on {n1 - bad1.Count} of {n1} runs; " +
                      $"largest R + R-bar = {F(maxSum, "R")}; test samples with a tied largest logit in these runs: {ties}." +
                      (bad1.Count == 0 ? "" : " Violations: " + string.Join("; ", bad1.Select(r => $"{r.Cell.Features.Name()}/{r.Cell.Train.Name()}/seed {r.Seed}: {F(r.AccTest, "R")} + {F(r.AccTestInverted, "R")}"))));
        var (n2, bad2) = BergmanChecks.Invariance(rows);
        sb.AppendLine($"- R-bar = R exactly (Eqs. 7-9) for every run on invariant features: {(bad2.Count == 0 ? "holds" : "FAILS")} on {n2 - bad2.Count} of {n2} runs (compared as float64 numbers, not within a tolerance)." +
                      (bad2.Count == 0 ? "" : " Violations: " + string.Join("; ", bad2.Select(r => $"{r.Cell.Bias.Name()}/{r.Cell.Features.Name()}/seed {r.Seed}: {F(r.AccTest, "R")} vs {F(r.AccTestInverted, "R")}"))));
        sb.AppendLine();
    }

    private static void AppendDiscussion(StringBuilder sb, SplitProtocol protocol, List<BergmanRow> rows,
        Dictionary<RunKey, BergmanDiagnostics> diag, IReadOnlyList<BergmanRow> all)
    {
        TablesStats Acc(BergmanConfig c, bool inverted) => TablesStats.Of(Select(rows, c).Select(r => inverted ? r.AccTestInverted : r.AccTest));
        List<BergmanDiagnostics> D(BergmanConfig c) => Select(rows, c).Select(r => diag.GetValueOrDefault(r.Key)).OfType<BergmanDiagnostics>().ToList();
        var noneX = BergmanConfig.Find(Bias.None, FeatureSet.X, TrainingSet.X);
        var noneAug = BergmanConfig.Find(Bias.None, FeatureSet.X, TrainingSet.XAndNegated);
        var withX = BergmanConfig.Find(Bias.With, FeatureSet.X, TrainingSet.X);
        var withAug = BergmanConfig.Find(Bias.With, FeatureSet.X, TrainingSet.XAndNegated);
        double log10 = Math.Log(10);

        sb.AppendLine($"### Where we differ from the paper, and why (`{protocol.Name()}`)\n");
        var dAug = D(noneAug);
        sb.AppendLine($"**Bias-free net trained on X and -X** (paper 0.12 / 0.09; ours {Acc(noneAug, false).Format()} / {Acc(noneAug, true).Format()}). " +
                      "The 0.5 'ceiling' of Sec. 2.2 is only an upper bound: R + R-bar <= 1 with R = R-bar allows 0.5 but does not make training reach it. " +
                      "For an odd net s(-x) = -s(x), so the two terms a sample and its negation add to the loss are " +
                      "[-s_y + LSE(s)] + [s_y + LSE(-s)] = LSE(s) + LSE(-s), where LSE is log-sum-exp: the label y cancels. " +
                      "The augmented loss does not depend on the labels at all; it is smallest, 2 log 10 per pair (log 10 = 2.302585 per sample), when all ten logits are equal. " +
                      "Training therefore flattens the logits and the predicted class carries no information about the label: accuracy at chance level (about 0.1), which is what the paper's 0.12 / 0.09 are. " +
                      (dAug.Count > 0
                          ? $"Evidence from our runs: final training loss {TablesStats.Of(dAug.Select(d => d.Training.FinalLoss)).Format("F6")} against log 10 = {F(log10, "F6")}; " +
                            $"mean spread of the ten test logits (largest minus smallest) {TablesStats.Of(dAug.Select(d => d.Logits.MeanLogitSpread)).Format("G3")}, " +
                            $"against {TablesStats.Of(D(noneX).Select(d => d.Logits.MeanLogitSpread)).Format("F2")} for the same net trained on X alone; " +
                            $"training accuracy {TablesStats.Of(dAug.Select(d => d.AccTrain)).Format()}."
                          : "No diagnostics recorded for these runs.") + "\n");

        var dX = D(noneX);
        sb.AppendLine($"**Bias-free net trained on X** (paper 0.84 / 0.001; ours {Acc(noneX, false).Format()} / {Acc(noneX, true).Format()}). " +
                      "Eq. 4 reverses the class ranking on -x, so -x is given the class x thinks least likely; R-bar is the fraction of test digits whose label is the net's last choice for x, near 0. " +
                      (dX.Count > 0 ? $"Predictions on x and -x coincide for {dX.Sum(d => d.Logits.SamePrediction)} of {dX.Sum(d => d.Logits.TestCount)} test samples over all runs (0 unless logits tie). " : "") +
                      $"The paper states neither its split nor its training length; ours reached a final training loss of {TablesStats.Of(dX.Select(d => d.Training.FinalLoss)).Format("F4")}, training accuracy {TablesStats.Of(dX.Select(d => d.AccTrain)).Format()}.\n");

        var dWA = D(withAug);
        sb.AppendLine($"**Biases** (paper with/X 0.81 / 0.02, with/X and -X 0.68 / 0.69; ours {Acc(withX, false).Format()} / {Acc(withX, true).Format()} and {Acc(withAug, false).Format()} / {Acc(withAug, true).Format()}). " +
                      "Biases break oddness, so the label no longer cancels from the augmented loss and the net can fit X and -X together. " +
                      $"Trained on X and -X: final training loss {TablesStats.Of(dWA.Select(d => d.Training.FinalLoss)).Format("F4")} ({LossRank(rows, diag, withAug)}), " +
                      $"training accuracy {TablesStats.Of(dWA.Select(d => d.AccTrain)).Format()}, stopped by {StopSummary(dWA)}" +
                      (dWA.Any(d => d.Training.Stop == StopRule.Budget) ? "; where the budget stopped it, its test accuracy depends on the budget, so the paper's 0.68 / 0.69 (optimiser and epochs not stated) fix no ceiling.\n" : ".\n"));

        var (nInv, badInv) = BergmanChecks.Invariance(rows);
        sb.AppendLine("**Invariant features** (Table 2): " + (badInv.Count == 0
                          ? $"R-bar = R held exactly on all {nInv} runs (checks above), as it must: the features of -x are bit for bit those of x. "
                          : $"R-bar = R FAILED on {badInv.Count} of {nInv} runs (checks above), although the features of -x should be bit for bit those of x: a defect to investigate. ") +
                      $"Squares lose every sign (ours {Acc(BergmanConfig.Find(Bias.None, FeatureSet.Squares, TrainingSet.X), false).Format()} without biases, paper 0.65); " +
                      $"neighbour and permutation products keep relative signs (ours {Acc(BergmanConfig.Find(Bias.None, FeatureSet.Neighbour, TrainingSet.X), false).Format()} and {Acc(BergmanConfig.Find(Bias.None, FeatureSet.Permutation, TrainingSet.X), false).Format()}, paper 0.84 and 0.81).\n");

        var otherProtocol = protocol == SplitProtocol.Paper ? SplitProtocol.SplitFirst : SplitProtocol.Paper;
        var other = all.Where(r => r.Key.Protocol == otherProtocol).ToList();
        if (other.Count > 0)
        {
            sb.AppendLine($"**Protocol.** Mean R on X_test, `{protocol.Name()}` vs `{otherProtocol.Name()}`: " +
                          string.Join("; ", BergmanConfig.All.Select(cfg => $"{cfg.Bias.Name()}/{cfg.FeatureLabel}/{cfg.Train.Name()} {F(TablesStats.Of(Select(rows, cfg).Select(r => r.AccTest)).Mean)} vs {F(TablesStats.Of(Select(other, cfg).Select(r => r.AccTest)).Mean)}")) +
                          ". Under `paper` shifted twins of each test digit are in the training set (and the test set itself differs), so the difference of the means is the effect of that leak.\n");
        }
        else
        {
            sb.AppendLine($"**Protocol.** Only `{protocol.Name()}` runs are in this directory; run `tables --protocol {otherProtocol.Name()} --out` (same directory) to compare. " +
                          (protocol == SplitProtocol.Paper ? "Under `paper` shifted twins of each test digit are in the training set." : "Under `split-first` no shifted twin of a test digit is trained on, so R is a fair estimate; the paper's protocol is not stated.") + "\n");
        }

        int converged = rows.Count(r => r.Stop.Converged());
        sb.AppendLine($"**Convergence.** {converged} of {rows.Count} runs stopped by their rule (gradient, plateau or validation)" +
                      (converged == rows.Count ? "" : $"; the accuracies of the other {rows.Count - converged} are those of a fit a budget or a failed line search cut short") +
                      " (section \"How each run stopped\" above; every run's rule is in `tables.csv`).\n");
    }

    /// <summary>
    /// The rows the paper lacks: the irreducible norms of Sec. 4.2 for inversion and for D4, their accuracies, and
    /// which of the paper's maps each coincides with, as compared on the digits (<see cref="TablesCoincidences"/>).
    /// </summary>
    private static void AppendIrreducibleNorms(StringBuilder sb, SplitProtocol protocol, List<BergmanRow> rows,
        Dictionary<RunKey, BergmanDiagnostics> diag, IReadOnlyList<TablesCoincidence>? coincidences)
    {
        var ours = BergmanConfig.All.Where(c => !c.InPaper).ToList();
        if (ours.Count == 0) return;
        sb.Append($"**Irreducible norms (Sec. 4.2; no paper figure, `{protocol.Name()}`).** phi(x) = (|P_1 x|^2, ..., |P_r x|^2), one squared norm per irreducible subspace of the group's action on the 64 pixels " +
                  "(`IrreducibleNorms.For`, decomposition seed 0; docs/representations.md). Accuracy on X_test (= on -X_test where the check above holds): " +
                  string.Join("; ", ours.Select(c => $"{(c.WithBias ? "with biases" : "no biases")}, {c.FeatureLabel} ({c.Map(0).OutputDim} features): {TablesStats.Of(Select(rows, c).Select(r => r.AccTest)).Format()}")) + ". ");
        if (coincidences is null || coincidences.Count == 0) { sb.AppendLine("Their comparison with the paper's maps was not computed for this report.\n"); return; }
        foreach (var group in coincidences.GroupBy(x => x.Features))
        {
            var equal = group.Where(x => x.Relation != TablesCoincidence.Different).ToList();
            string label = FeatureMaps.Label(group.Key);
            sb.Append(equal.Count == 0
                ? $"{label} coincides with none of the paper's maps ({string.Join(", ", group.Select(x => FeatureMaps.Label(x.PaperFeatures)))}) on the {group.First().Samples} digits compared. "
                : $"{label} " + string.Join(" and ", equal.Select(x => $"is {x.Relation} to {FeatureMaps.Label(x.PaperFeatures)}")) +
                  $" on all {group.First().Samples} digits compared; " + string.Join("; ", equal.Select(x => SameRuns(rows, diag, group.Key, x.PaperFeatures))) + ". ");
        }
        sb.AppendLine("(Compared feature by feature on the unshifted digits, permutation products with seed 0's P.)\n");
    }

    /// <summary>How many runs of <paramref name="ours"/> reproduce the run of <paramref name="paper"/> with the same seed and biases: same R, R-bar, epochs, final loss and gradient, bit for bit.</summary>
    private static string SameRuns(List<BergmanRow> rows, Dictionary<RunKey, BergmanDiagnostics> diag, FeatureSet ours, FeatureSet paper)
    {
        var pairs = rows.Where(r => r.Cell.Features == ours)
            .Select(r => (Ours: r, Paper: rows.FirstOrDefault(p => p.Key == r.Key with { Cell = r.Cell with { Features = paper } })))
            .Where(p => p.Paper is not null).ToList();
        int same = pairs.Count(p => p.Ours.AccTest == p.Paper!.AccTest && p.Ours.AccTestInverted == p.Paper.AccTestInverted && p.Ours.Epochs == p.Paper.Epochs &&
                                    diag.GetValueOrDefault(p.Ours.Key) is { } a && diag.GetValueOrDefault(p.Paper.Key) is { } b && a.Training.FinalLoss == b.Training.FinalLoss && a.Training.GradientMax == b.Training.GradientMax);
        return $"{same} of {pairs.Count} of its runs reproduce the {FeatureMaps.Label(paper)} run of the same seed and biases bit for bit (R, R-bar, epochs, final loss, largest gradient entry)";
    }

    /// <summary>A short console summary of one protocol's cells.</summary>
    public static string Summary(IReadOnlyList<BergmanRow> rows, SplitProtocol protocol)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{"bias",-5} {"features",-16} {"train",-5} {"X_test",-16} {"paper",-6} {"-X_test",-16} {"paper",-6}");
        foreach (var c in BergmanConfig.All)
        {
            var runs = Select(rows.Where(r => r.Key.Protocol == protocol), c);
            sb.AppendLine($"{c.Bias.Name(),-5} {c.Features.Name(),-16} {c.Train.Name(),-5} {TablesStats.Of(runs.Select(r => r.AccTest)).Format(),-16} {PaperTest(c),-6} " +
                          $"{TablesStats.Of(runs.Select(r => r.AccTestInverted)).Format(),-16} {PaperInverted(c),-6}");
        }
        return sb.ToString();
    }
}
