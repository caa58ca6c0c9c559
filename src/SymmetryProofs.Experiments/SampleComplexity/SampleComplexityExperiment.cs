using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.IO;
using SymmetryProofs.Runtime;

namespace SymmetryProofs.Experiments.SampleComplexity;

/// <summary>The settings that determine the curves (the fingerprint): the protocol size and the largest n (never --seeds, --jobs, --out, --shard).</summary>
public sealed record SampleComplexitySettings(bool Quick, int? MaxLog2, string Version = "sample-complexity/5");

/// <summary>
/// `sample-complexity`: learning curves of plain and group-averaged kernel ridge regression on the
/// torus, for inversion, sign flips, permutations and a translation in D = 1, 2, 3, compared with
/// the rates and gains of Tahmasebi and Jegelka (2023) and with the spectral learning-curve theory.
/// Each (D, seed) unit (the curves of every case of that D, which share their inputs) is checkpointed.
/// </summary>
public sealed class SampleComplexityExperiment : IExperiment<SampleComplexitySettings, SampleComplexityUnit, List<CurvePoint>>
{
    /// <summary>The command's name.</summary>
    public string Name => "sample-complexity";

    /// <summary>Runs the sweep through the <see cref="Runner"/>; returns the exit code (0 every check held, 1 one failed).</summary>
    public static int Run(SampleComplexitySettings settings, RunOptions options, IRunLog log) => Runner.Run(new SampleComplexityExperiment(), settings, options, log);

    /// <summary>The checkpoint key of the curves of dimension <paramref name="d"/> and <paramref name="seed"/>.</summary>
    public static string Key(int d, int seed) => $"D={d};seed={seed}";

    string IExperiment<SampleComplexitySettings, SampleComplexityUnit, List<CurvePoint>>.Key(SampleComplexityUnit unit) => Key(unit.Plan.D, unit.Seed);

    /// <inheritdoc/>
    public void Validate(SampleComplexitySettings settings, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Seeds < 2) throw new InputException($"--seeds: got {options.Seeds}; expected at least 2 (a confidence interval needs two seeds).");
        if (settings.MaxLog2 is < 8 or > 16) throw new InputException($"--max-log2: got {settings.MaxLog2}; expected 8 to 16.");
    }

    /// <inheritdoc/>
    public Fingerprint Fingerprint(SampleComplexitySettings settings) => Runs.Fingerprint.Of(settings);

    /// <inheritdoc/>
    public IReadOnlyList<SampleComplexityUnit> Plan(SampleComplexitySettings settings, RunOptions options, IRunLog log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        MathNet.Numerics.Control.UseSingleThread();
        TorchSetup.Initialise();
        var design = SampleComplexityDesign.Create(settings.Quick, options.Seeds, settings.MaxLog2);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var plans = SampleComplexityTruncation.Plan(design);
        log.Line($"truncation radii R(n): " + string.Join("; ", plans.Select(p => $"D = {p.D}: {string.Join(", ", p.Radii)}")) + $" (planned in {watch.Elapsed.TotalSeconds:F0} s)");
        // The costly D = 2 and 3 units first keep both cores busy to the end.
        return plans.OrderByDescending(p => p.D).SelectMany(p => Enumerable.Range(0, design.Seeds).Select(seed => new SampleComplexityUnit(p, seed, design, plans))).ToList();
    }

    /// <inheritdoc/>
    public List<CurvePoint> Execute(SampleComplexityUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return SampleComplexityCurve.Run(unit.Plan.D, unit.Seed, unit.Design, unit.Plan);
    }

    /// <inheritdoc/>
    public IReadOnlyList<Check> Report(FinishedRun<SampleComplexitySettings, SampleComplexityUnit, List<CurvePoint>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var design = run.Results[0].Unit.Design;
        var plans = run.Results[0].Unit.Plans;
        var byKey = run.Results.ToDictionary(r => Key(r.Unit.Plan.D, r.Unit.Seed), r => r.Result);
        // Points in the sweep-independent order of cases and seeds, so the CSV does not depend on --jobs or on resumption.
        var points = plans.OrderBy(p => p.D).SelectMany(p => Enumerable.Range(0, design.Seeds).SelectMany(seed => byKey[Key(p.D, seed)])).ToList();
        var summaries = SampleComplexityDesign.Cases(plans).Select(c =>
        {
            var own = points.Where(p => p.Group == c.Group && p.D == c.D).ToList();
            return SampleComplexityAnalysis.WithPredictions(SampleComplexityAnalysis.Summarise(c, own, design.Sizes), c, own, design, plans.Single(p => p.D == c.D));
        }).ToList();
        var folder = run.Folder;
        var elapsed = run.Clock.Elapsed;
        AtomicFile.WriteAllText(folder.File("curves.csv"), SampleComplexityReport.Csv(points));
        AtomicFile.WriteAllText(folder.File("summary.json"), SampleComplexityReport.Json(summaries));
        var judged = SampleComplexityChecks.Evaluate(summaries);
        var checks = judged.Select(c => c.ToRunCheck()).ToList();
        AtomicFile.WriteAllText(folder.File("checks.json"), SampleComplexityReport.ChecksJson(judged));
        AtomicFile.WriteAllText(folder.File("sample_complexity.md"), SampleComplexityReport.Markdown(summaries, design, elapsed, run.Settings.Quick, run.Reused, judged));
        SampleComplexityPlot.Save(folder.File("curves.png"), summaries);
        run.Log.Line($"wrote sample_complexity.md, curves.csv, curves.png, summary.json, checks.json to {folder.Path} in {elapsed.TotalSeconds:F0} s.");
        return checks;
    }
}
