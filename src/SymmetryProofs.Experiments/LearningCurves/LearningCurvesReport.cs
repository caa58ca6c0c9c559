using System.Globalization;
using System.Text;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>The context of a report: settings, data, time, and how many runs this invocation made.</summary>
internal sealed record LearningCurvesContext(LearningCurvesSettings Settings, int Digits, int TestDigits, string DataDir, TimeSpan Elapsed, int NewRuns, int TotalRuns);

/// <summary>learning_curves.md: protocol, curves, sample counts, gains, time, verdicts and checks, every number computed from the runs beside it.</summary>
internal static class LearningCurvesReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Markdown(LearningCurvesResults r, IReadOnlyList<Check> checks, LearningCurvesContext c)
    {
        var s = c.Settings;
        var sb = new StringBuilder();
        sb.AppendLine("# Learning curves on the digits: Bergman's abstract measured\n");
        sb.AppendLine("The abstract claims that building the symmetry in \"reduces over-fitting ... ultimately requiring less training data, and taking less time and resources to train\". " +
                      "This report trains each configuration on growing fractions of the training digits and reads each part of that claim off the curves.\n");
        int runsConverged = r.Configs.Sum(x => x.Convergence.Sum(v => v.Converged)), runsTotal = r.Configs.Sum(x => x.Convergence.Sum(v => v.Runs));
        sb.Append(Publishing.Headline.Wrap(
            $"Bergman's abstract on the digits ({r.Seeds} seeds per size, {s.Fractions.Length} training sizes; verdicts by the rule of the section \"Verdicts on the abstract\"): " +
            string.Join("; ", r.Parts.Select(p => $"{p.Part.Name()}: **{Verdict.Word(p.Finding)}**")) +
            $"; against augmentation. {Stopped(runsConverged, runsTotal, s.Units.Training.MaxEvaluations)}" +
            string.Concat(r.Verdicts.Where(v => v.Part == AbstractPart.LessData && v.Baseline == CurveRole.Augmentation).Select(v => $" {v.Config}: {v.Detail}."))));
        sb.AppendLine();
        sb.AppendLine("## Protocol\n");
        sb.AppendLine($"- Data: {c.Digits} digits from `{c.DataDir}`; split `{s.Units.Protocol.Name()}`: a stratified {s.Units.TrainRatio.ToString("G3", Inv)} of each class's originals for training (seed stream \"split\"), the rest, enlarged five-fold by one-pixel shifts, is the test set ({c.TestDigits} rows), the same for every size of a seed.");
        sb.AppendLine($"- Sizes: fractions {string.Join(", ", s.Fractions.Select(LearningCurvesSettings.Label))} of the training originals, per class max(1, round(f n_c)), nested (seed stream \"subset\"), then enlarged five-fold. **n counts training originals**, before the enlargement and before -X is added (the augmented net trains on 10 n rows, the others on 5 n).");
        sb.AppendLine($"- Configurations (training and evaluation are those of `tables`, `BergmanRun.Execute`): " + string.Join("; ", r.Configs.Select(x => $"`{x.Config}` = {x.Description}")) + ".");
        sb.AppendLine($"- Training: {s.Units.Training.Describe()}.");
        sb.AppendLine("- Baseline: augmentation, the fair one on a symmetric task (it learns the symmetry from data). The reference, trained on X alone, is shown on R (X_test) only: it never sees -X, so its R-bar stays near 0 and its (R + R-bar)/2 is capped near 1/2 by construction, which compares nothing about the symmetric models.");
        sb.AppendLine($"- Time to a target: every run records the evaluations and seconds until its mean training cross-entropy (penalty left out) first fell to each loss target ({string.Join(", ", r.LossTargets.Select(t => t.ToString("G3", Inv)))}).");
        sb.AppendLine($"- Seeds: {r.Seeds} (0..{r.Seeds - 1}); {c.TotalRuns} runs, {c.NewRuns} made by this invocation, {c.TotalRuns - c.NewRuns} reused from the checkpoint; {c.Elapsed.TotalSeconds.ToString("F0", Inv)} s in this invocation; training seconds summed over all {c.TotalRuns} runs (from the checkpoint, whichever invocation made them): {r.Configs.Sum(x => x.Seconds.Sum(v => v.Stats.Mean * v.Stats.Count)).ToString("F0", Inv)} s.");
        sb.AppendLine("- Over-fitting gap = training accuracy - test accuracy on the distribution trained on ((R + R-bar)/2 after training on X and -X, R otherwise).");
        sb.AppendLine("- Intervals: means over seeds carry a 95% Student-t interval (`SeedStatistics`); a difference between two configurations is paired by seed (same split, same test set), its Student-t interval Bonferroni-corrected for the number of comparisons of its part (sizes for over-fitting, sizes x loss targets for time). " +
                      $"Sample counts carry a 95% percentile bootstrap interval over seeds; data gains a percentile bootstrap interval Bonferroni-corrected over the {GainComparisons(r)} gains the verdict \"less training data\" reads together " +
                      $"({r.Targets.Count} accuracy targets x {r.Configs.Count(x => x.Role == CurveRole.Invariant)} invariant configurations: level {GainLevel(r)} each, so all hold together with probability at least 0.95) " +
                      $"({s.BootstrapReplicates} replicates, paired, streams `SeedStreams.For(0, \"bootstrap:config/baseline/target\")`).");
        sb.AppendLine("- Samples to reach a target: on the mean curve, the first measured size at or above the target, interpolated linearly in log n from the size before it; `<= n` when already reached at the smallest size; `not reached` when no size reaches it. " +
                      "Gain = n(baseline) / n(config); when a curve is censored (never reached: taken at its largest size; reached at the smallest: at that size) the gain is a bound and enters the bootstrap at that bound, which moves the interval towards 1.\n");

        sb.AppendLine("## Curves\n");
        sb.AppendLine("| config | n | (R + R-bar)/2 | R | over-fitting gap | seconds | evaluations | converged |");
        sb.AppendLine("| --- | ---: | --- | --- | --- | --- | --- | ---: |");
        foreach (var x in r.Configs)
            for (int i = 0; i < x.Symmetric.Length; i++)
                sb.AppendLine($"| {x.Config} | {x.Symmetric[i].N} | {(x.Role == CurveRole.Reference ? "not comparable" : x.Symmetric[i].Stats.Format())} | {x.R[i].Stats.Format()} | {x.Gap[i].Stats.Format()} | {x.Seconds[i].Stats.Format("F2")} | {x.Evaluations[i].Stats.Format("F0")} | {x.Convergence[i].Converged}/{x.Convergence[i].Runs} |");
        sb.AppendLine("\nCells: mean ± sample standard deviation over seeds. `converged`: runs that stopped by their rule (gradient, plateau or validation); the others used the whole budget or failed a line search. The reference's (R + R-bar)/2 is not comparable (see Protocol).\n");

        sb.AppendLine("## Training originals needed to reach a symmetric accuracy\n");
        sb.AppendLine("| config | " + string.Join(" | ", r.Targets.Select(t => $"n to reach {t.ToString("G3", Inv)} [95% bootstrap]")) + " |");
        sb.AppendLine("| --- |" + string.Concat(r.Targets.Select(_ => " --- |")));
        foreach (var x in r.Configs.Where(x => x.Role != CurveRole.Reference))
            sb.AppendLine($"| {x.Config} | " + string.Join(" | ", x.VsAugmentation.Select(g => $"{Reach(g.Config)} [{Count(g.ConfigLow)}, {Count(g.ConfigHigh)}]")) + " |");
        sb.AppendLine("\n## Time to reach a training loss, at the largest size\n");
        sb.AppendLine("| config | " + string.Join(" | ", r.LossTargets.Select(t => $"seconds to loss {t.ToString("G3", Inv)}")) + " | " + string.Join(" | ", r.LossTargets.Select(t => $"evaluations to loss {t.ToString("G3", Inv)}")) + " |");
        sb.AppendLine("| --- |" + string.Concat(r.LossTargets.Select(_ => " ---: |")) + string.Concat(r.LossTargets.Select(_ => " ---: |")));
        foreach (var x in r.Configs)
            sb.AppendLine($"| {x.Config} | " + string.Join(" | ", x.SecondsToTarget.Select(v => v is double d ? d.ToString("F2", Inv) : "not reached by every run")) + " | " +
                          string.Join(" | ", x.EvaluationsToTarget.Select(v => v is double d ? d.ToString("F0", Inv) : "not reached by every run")) + " |");
        sb.AppendLine("\nMeans over seeds; the per-size paired comparisons with augmentation are in the verdict table.\n");
        sb.AppendLine("## Data gain over augmentation\n");
        sb.AppendLine("| config | baseline | " + string.Join(" | ", r.Targets.Select(t => $"gain at {t.ToString("G3", Inv)} [bootstrap, level {GainLevel(r)}]")) + " |");
        sb.AppendLine("| --- | --- |" + string.Concat(r.Targets.Select(_ => " --- |")));
        foreach (var x in r.Configs.Where(x => x.Role == CurveRole.Invariant))
            sb.AppendLine($"| {x.Config} | {LearningCurvesConfig.Augmentation.Name} | " + string.Join(" | ", x.VsAugmentation.Select(g => $"{g.Describe()} [{AbstractVerdicts.Num(g.Low)}, {AbstractVerdicts.Num(g.High)}]")) + " |");
        sb.AppendLine($"\nBonferroni over {GainComparisons(r)} gains (accuracy targets x invariant configurations), the family the verdict \"less training data\" reads. " +
                      "`inf`: in more than the upper tail's share of the replicates the baseline never reached the target; `n/a`: fewer than 95% of the replicates defined a gain (both curves censored alike).\n");

        sb.AppendLine("## Time at the largest size\n");
        sb.AppendLine("| config | n | seconds (mean [95% t]) | evaluations | runs converged |");
        sb.AppendLine("| --- | ---: | --- | --- | ---: |");
        foreach (var x in r.Configs)
        {
            var t = x.SecondsAtLargest;
            sb.AppendLine($"| {x.Config} | {x.Seconds[^1].N} | {t.Mean.ToString("F2", Inv)} [{AbstractVerdicts.Num(t.Low95)}, {AbstractVerdicts.Num(t.High95)}] | {x.Evaluations[^1].Stats.Format("F0")} | {x.Convergence[^1].Converged}/{x.Convergence[^1].Runs} |");
        }
        int converged = r.Configs.Sum(x => x.Convergence.Sum(v => v.Converged)), total = r.Configs.Sum(x => x.Convergence.Sum(v => v.Runs));
        sb.AppendLine($"\n{Stopped(converged, total, s.Units.Training.MaxEvaluations)} " +
                      "Seconds are wall-clock per run with other runs in parallel (`--jobs`), so they depend on the machine's load; evaluations do not.\n");

        sb.AppendLine("## Verdicts on the abstract\n");
        sb.AppendLine("Rule: for each invariant-feature configuration against augmentation, a part FAILS when some interval (per size for over-fitting, Bonferroni over the sizes; per size and loss target for time, Bonferroni over both, over the pairs every run reached; per accuracy target for data, bootstrap, Bonferroni over targets x invariant configurations) lies wholly on the wrong side of no effect, " +
                      "holds when every interval lies wholly on the claimed side, and is inconclusive otherwise; a part's overall verdict FAILS if any comparison fails, holds if all hold. These are findings about the claim: they do not change the exit code.\n");
        foreach (var (part, finding) in r.Parts) sb.AppendLine($"- **{part.Name()}: {Verdict.Word(finding)}**");
        sb.AppendLine();
        sb.AppendLine("| part | config | baseline | verdict | numbers (mean [95% interval]) |");
        sb.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var v in r.Verdicts) sb.AppendLine($"| {v.Part.Name()} | {v.Config} | {v.Baseline.Name()} | {Verdict.Word(v.Finding)} | {v.Detail} |");
        sb.AppendLine("\n## Checks (these set the exit code)\n");
        foreach (var ch in checks) sb.AppendLine($"- {ch}");
        return sb.ToString();
    }

    /// <summary>"k of n runs stopped by their rule.", and how the others stopped only when there are others.</summary>
    internal static string Stopped(int converged, int total, int budget) =>
        $"{converged} of {total} runs stopped by their rule" +
        (converged == total ? "." : $"; the other {total - converged} on the budget of {budget} evaluations or a failed line search.");

    private static int GainComparisons(LearningCurvesResults r) => r.Configs.SelectMany(x => x.VsAugmentation).Select(g => g.Comparisons).DefaultIfEmpty(1).Max();

    private static string GainLevel(LearningCurvesResults r) => DataGain.LevelFor(GainComparisons(r)).ToString("0.####", Inv);

    private static string Reach(Reach r) => r.Samples is not double n ? "not reached" : (r.AtSmallest ? "<= " : "") + n.ToString("F0", Inv);

    private static string Count(double v) => double.IsPositiveInfinity(v) ? "not reached" : AbstractVerdicts.Num(v, "F0");
}
