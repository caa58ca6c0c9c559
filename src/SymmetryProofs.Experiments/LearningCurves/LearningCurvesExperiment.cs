using System.Collections.Concurrent;
using System.Diagnostics;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Parsing;
using SymmetryProofs.IO;
using SymmetryProofs.Runtime;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>
/// The learning curves of Bergman's abstract (claim 12): trains every (seed, fraction, configuration) this shard owns and the
/// checkpoint lacks, then writes learning_curves.csv, learning_curves.md, learning_curves.png and summary.json from
/// every run. Exit 0 when <see cref="LearningCurvesChecks"/> held, 1 when one failed; the verdicts never set it.
/// </summary>
public static class LearningCurvesExperiment
{
    /// <summary>The sweep in its fixed order: seed by seed, then fraction, then configuration, so an interrupted run leaves whole seeds behind.</summary>
    internal static IReadOnlyList<(int Seed, double Fraction, LearningCurvesConfig Config)> Units(int seeds, IReadOnlyList<double> fractions) =>
        (from seed in Enumerable.Range(0, seeds) from f in fractions from c in LearningCurvesConfig.All select (seed, f, c)).ToList();

    private static string Key((int Seed, double Fraction, LearningCurvesConfig Config) u) => LearningCurvesUnit.Key(u.Config.Name, u.Fraction, u.Seed);

    public static int Run(LearningCurvesSettings settings, RunOptions options, DataDirectory dataDir, IRunLog log)
    {
        var digits = Optdigits.LoadVerified(dataDir);
        SplitRatio.Validate(digits, settings.Units.Protocol, settings.Units.TrainRatio);
        var clock = Stopwatch.StartNew();
        using var folder = OutputFolder.Open(options, "learning-curves", log);
        SettingsVersion.RefuseOlder(folder.Path, settings.Units.Version);
        TorchSetup.Initialise();
        var checkpoint = Checkpoint<LearningCurvesUnit>.Open(folder.Path, Fingerprint.Of(settings.Units), log);
        var units = Units(options.Seeds, settings.Fractions);
        log.Line($"learning-curves: {options.Seeds} seed(s) x {settings.Fractions.Length} fractions x {LearningCurvesConfig.All.Count} configurations; {settings.Units.Training.Describe()}.");
        var splits = new ConcurrentDictionary<int, Lazy<ProtocolSplit>>();
        ProtocolSplit SplitOf(int seed) => splits.GetOrAdd(seed, s => new Lazy<ProtocolSplit>(() =>
            settings.Units.Protocol.Apply(digits, settings.Units.TrainRatio, SeedStreams.SeedOf(s, "split")))).Value;
        Sweep.Run(units, Key, u => LearningCurvesUnit.Execute(u.Config, settings.Units.Protocol, SplitOf(u.Seed), u.Fraction, u.Seed, settings.Units.Training, settings.Units.TrainRatio),
            checkpoint, options.Shard, options.Jobs, log);
        if (!Sweep.Complete(units, Key, checkpoint))
        {
            log.Line($"shard {options.Shard}: its runs are in {checkpoint.Path}; join the shards with `merge` to write the reports.");
            return ExitCodes.Ok;
        }
        var done = units.Select(u => checkpoint.Units[Key(u)]).ToList();
        var results = LearningCurvesResults.Compute(done.Select(u => u.Point()).ToList(), LearningCurvesConfig.All, settings.Targets, settings.BootstrapReplicates);
        var checks = LearningCurvesChecks.Evaluate(done);
        clock.Stop();
        var context = new LearningCurvesContext(settings, digits.Count, SplitOf(0).Test.Count, dataDir.IsDefault ? DataDirectory.DefaultPath : dataDir.Path, clock.Elapsed, done.Count - checkpoint.Reused, done.Count);
        AtomicFile.WriteAllText(folder.File("learning_curves.csv"), LearningCurvesCsv.Write(done));
        AtomicFile.WriteAllText(folder.File("learning_curves.md"), LearningCurvesReport.Markdown(results, checks, context));
        AtomicFile.WriteAllText(folder.File("summary.json"), LearningCurvesJson.Write(results, settings));
        LearningCurvesPlot.Save(results, folder.File("learning_curves.png"));
        foreach (var (part, finding) in results.Parts) log.Line($"verdict: {part}: {Verdict.Word(finding)}");
        foreach (var ch in checks) log.Line($"check: {ch}");
        log.Line($"wrote learning_curves.csv, learning_curves.md, learning_curves.png, summary.json to {folder.Path} in {clock.Elapsed.TotalSeconds:F1} s");
        return Check.ExitCode(checks);
    }
}
