using System.Diagnostics;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.IO;

namespace SymmetryProofs.Experiments.SampleComplexity;

/// <summary>The settings that determine the curves (the fingerprint): the protocol size and the largest n (never --seeds, --jobs, --out, --shard).</summary>
public sealed record SampleComplexitySettings(bool Quick, int? MaxLog2, string Version = "sample-complexity/2");

/// <summary>
/// `sample-complexity`: learning curves of plain and group-averaged kernel ridge regression on the
/// torus, for inversion, sign flips, permutations and a translation in D = 1, 2, 3, compared with
/// the rates and gains of Tahmasebi and Jegelka (2023). Each (case, seed) curve is a checkpointed unit.
/// </summary>
public static class SampleComplexityExperiment
{
    public static string Key(SampleComplexityCase c, int seed) => $"group={c.Group};D={c.D};seed={seed}";

    public static (int Exit, IReadOnlyList<CaseSummary> Summaries) Run(SampleComplexitySettings settings, RunOptions options, IRunLog log)
    {
        if (options.Seeds < 2) throw new InputException($"--seeds: got {options.Seeds}; expected at least 2 (a confidence interval needs two seeds).");
        if (settings.MaxLog2 is < 8 or > 14) throw new InputException($"--max-log2: got {settings.MaxLog2}; expected 8 to 14.");
        MathNet.Numerics.Control.UseSingleThread();
        var design = SampleComplexityDesign.Create(settings.Quick, options.Seeds, settings.MaxLog2);
        var cases = SampleComplexityDesign.Cases();
        using var folder = OutputFolder.Open(options, "sample-complexity", log);
        var checkpoint = Checkpoint<List<CurvePoint>>.Open(folder.Path, Fingerprint.Of(settings), log);
        // The costly D = 3 units first keep both cores busy to the end.
        var units = cases.OrderByDescending(c => c.D).SelectMany(c => Enumerable.Range(0, design.Seeds).Select(seed => (Case: c, Seed: seed))).ToList();
        var watch = Stopwatch.StartNew();
        Sweep.Run(units, u => Key(u.Case, u.Seed), u => SampleComplexityCurve.Run(u.Case, u.Seed, design), checkpoint, options.Shard, options.Jobs, log);
        if (!Sweep.Complete(units, u => Key(u.Case, u.Seed), checkpoint))
        {
            log.Line($"shard {options.Shard}: its curves are in {checkpoint.Path}; join the shards with `merge` to write the reports.");
            return (ExitCodes.Ok, []);
        }
        // Points in the sweep-independent order of cases and seeds, so the CSV does not depend on --jobs or on resumption.
        var points = cases.SelectMany(c => Enumerable.Range(0, design.Seeds).SelectMany(seed => checkpoint.Units[Key(c, seed)])).ToList();
        var summaries = cases.Select(c => SampleComplexityAnalysis.Summarise(c, points.Where(p => p.Group == c.Group && p.D == c.D).ToList(), design.Sizes)).ToList();
        watch.Stop();
        AtomicFile.WriteAllText(folder.File("curves.csv"), SampleComplexityReport.Csv(points));
        AtomicFile.WriteAllText(folder.File("summary.json"), SampleComplexityReport.Json(summaries));
        var checks = SampleComplexityChecks.Evaluate(summaries);
        AtomicFile.WriteAllText(folder.File("sample_complexity.md"), SampleComplexityReport.Markdown(summaries, design, watch.Elapsed, settings.Quick, checkpoint.Reused)
            + "\n## Checks (the exit code is 1 when one fails)\n\n" + string.Concat(checks.Select(c => $"- {c}\n")));
        SampleComplexityPlot.Save(folder.File("curves.png"), summaries);
        foreach (var c in checks) log.Line(c.ToString());
        log.Line($"wrote sample_complexity.md, curves.csv, curves.png, summary.json to {folder.Path} in {watch.Elapsed.TotalSeconds:F0} s.");
        return (Check.ExitCode(checks), summaries);
    }
}
