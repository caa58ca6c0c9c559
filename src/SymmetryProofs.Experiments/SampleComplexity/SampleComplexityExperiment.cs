using System.Diagnostics;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.IO;
using SymmetryProofs.Runtime;

namespace SymmetryProofs.Experiments.SampleComplexity;

/// <summary>The settings that determine the curves (the fingerprint): the protocol size and the largest n (never --seeds, --jobs, --out, --shard).</summary>
public sealed record SampleComplexitySettings(bool Quick, int? MaxLog2, string Version = "sample-complexity/3");

/// <summary>
/// `sample-complexity`: learning curves of plain and group-averaged kernel ridge regression on the
/// torus, for inversion, sign flips, permutations and a translation in D = 1, 2, 3, compared with
/// the rates and gains of Tahmasebi and Jegelka (2023) and with the spectral learning-curve theory.
/// Each (D, seed) unit (the curves of every case of that D, which share their inputs) is checkpointed.
/// </summary>
public static class SampleComplexityExperiment
{
    public static string Key(int d, int seed) => $"D={d};seed={seed}";

    public static (int Exit, IReadOnlyList<CaseSummary> Summaries) Run(SampleComplexitySettings settings, RunOptions options, IRunLog log)
    {
        if (options.Seeds < 2) throw new InputException($"--seeds: got {options.Seeds}; expected at least 2 (a confidence interval needs two seeds).");
        if (settings.MaxLog2 is < 8 or > 16) throw new InputException($"--max-log2: got {settings.MaxLog2}; expected 8 to 16.");
        MathNet.Numerics.Control.UseSingleThread();
        TorchSetup.Initialise();
        var design = SampleComplexityDesign.Create(settings.Quick, options.Seeds, settings.MaxLog2);
        var watch = Stopwatch.StartNew();
        var plans = SampleComplexityTruncation.Plan(design);
        log.Line($"truncation radii R(n): " + string.Join("; ", plans.Select(p => $"D = {p.D}: {string.Join(", ", p.Radii)}")) + $" (planned in {watch.Elapsed.TotalSeconds:F0} s)");
        var cases = SampleComplexityDesign.Cases(plans);
        using var folder = OutputFolder.Open(options, "sample-complexity", log);
        var checkpoint = Checkpoint<List<CurvePoint>>.Open(folder.Path, Fingerprint.Of(settings), log);
        // The costly D = 2 and 3 units first keep both cores busy to the end.
        var units = plans.OrderByDescending(p => p.D).SelectMany(p => Enumerable.Range(0, design.Seeds).Select(seed => (Plan: p, Seed: seed))).ToList();
        Sweep.Run(units, u => Key(u.Plan.D, u.Seed), u => SampleComplexityCurve.Run(u.Plan.D, u.Seed, design, u.Plan), checkpoint, options.Shard, options.Jobs, log);
        if (!Sweep.Complete(units, u => Key(u.Plan.D, u.Seed), checkpoint))
        {
            log.Line($"shard {options.Shard}: its curves are in {checkpoint.Path}; join the shards with `merge` to write the reports.");
            return (ExitCodes.Ok, []);
        }
        // Points in the sweep-independent order of cases and seeds, so the CSV does not depend on --jobs or on resumption.
        var points = plans.OrderBy(p => p.D).SelectMany(p => Enumerable.Range(0, design.Seeds).SelectMany(seed => checkpoint.Units[Key(p.D, seed)])).ToList();
        var summaries = cases.Select(c =>
        {
            var own = points.Where(p => p.Group == c.Group && p.D == c.D).ToList();
            return SampleComplexityAnalysis.WithPredictions(SampleComplexityAnalysis.Summarise(c, own, design.Sizes), c, own, design, plans.Single(p => p.D == c.D));
        }).ToList();
        watch.Stop();
        AtomicFile.WriteAllText(folder.File("curves.csv"), SampleComplexityReport.Csv(points));
        AtomicFile.WriteAllText(folder.File("summary.json"), SampleComplexityReport.Json(summaries));
        var judged = SampleComplexityChecks.Evaluate(summaries);
        var checks = judged.Select(c => c.ToRunCheck()).ToList();
        AtomicFile.WriteAllText(folder.File("checks.json"), SampleComplexityReport.ChecksJson(judged));
        AtomicFile.WriteAllText(folder.File("sample_complexity.md"), SampleComplexityReport.Markdown(summaries, design, watch.Elapsed, settings.Quick, checkpoint.Reused, judged));
        SampleComplexityPlot.Save(folder.File("curves.png"), summaries);
        foreach (var c in checks) log.Line(c.ToString());
        log.Line($"wrote sample_complexity.md, curves.csv, curves.png, summary.json, checks.json to {folder.Path} in {watch.Elapsed.TotalSeconds:F0} s.");
        return (Check.ExitCode(checks), summaries);
    }
}
