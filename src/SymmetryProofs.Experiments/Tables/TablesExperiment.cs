using System.Collections.Concurrent;
using System.Diagnostics;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Parsing;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.IO;
using SymmetryProofs.Runtime;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>
/// Bergman's Tables 1 and 2 over several seeds: trains every (seed, configuration) this shard owns
/// and the checkpoint lacks, then writes tables.csv, tables-diagnostics.csv, tables.md and
/// tables.png from every run, and returns 0 when the theory's checks held on every run, 1 when one failed.
/// </summary>
public static class TablesExperiment
{
    /// <summary>The key of one run in the checkpoint.</summary>
    internal static string Key(int seed, BergmanConfig c) => $"seed={seed};bias={c.Bias.Name()};features={c.Features.Name()};train={c.Train.Name()}";

    /// <summary>The sweep in its fixed order: seed by seed, the fourteen configurations of each.</summary>
    internal static IReadOnlyList<(int Seed, BergmanConfig Config)> Units(int seeds) =>
        (from seed in Enumerable.Range(0, seeds) from config in BergmanConfig.All select (seed, config)).ToList();

    /// <summary>The rows of <paramref name="baseline"/> (a tables.csv, or a folder holding one) and how the report names it; none without a baseline.</summary>
    internal static (List<BergmanRow>? Rows, string? Label) ReadBaseline(string? baseline)
    {
        if (string.IsNullOrEmpty(baseline)) return (null, null);
        string path = Directory.Exists(baseline) ? Path.Combine(baseline, "tables.csv") : baseline;
        return (TablesCsv.Read(path), path);
    }

    /// <summary>Runs the sweep; <paramref name="baseline"/>, if given, is read first (bad input exits 2 before any training) and compared in tables.md.</summary>
    public static int Run(TablesSettings settings, RunOptions options, DataDirectory dataDir, IRunLog log, string? baseline = null)
    {
        var (baselineRows, baselineLabel) = ReadBaseline(baseline);
        var protocol = settings.Protocol;
        var digits = Optdigits.LoadVerified(dataDir);
        SplitRatio.Validate(digits, protocol, settings.TrainRatio);
        var clock = Stopwatch.StartNew();
        using var folder = OutputFolder.Open(options, "tables", log);
        SettingsVersion.RefuseOlder(folder.Path, settings.Version);
        TorchSetup.Initialise();
        var checkpoint = Checkpoint<BergmanResult>.Open(folder.Path, Fingerprint.Of(settings), log);
        var units = Units(options.Seeds);
        log.Line($"tables: protocol {BergmanNames.Protocol.Name(protocol)}, {options.Seeds} seed(s) x {BergmanConfig.All.Count} configurations; {settings.Training.Describe()}.");
        var splits = new ConcurrentDictionary<int, Lazy<ProtocolSplit>>();
        Sweep.Run(units, u => Key(u.Seed, u.Config), u =>
        {
            var split = splits.GetOrAdd(u.Seed, s => new Lazy<ProtocolSplit>(() => protocol.Apply(digits, settings.TrainRatio, SeedStreams.SeedOf(s, "split")))).Value;
            return BergmanRun.Execute(u.Config.Cell, protocol, split, u.Seed, settings.Training, settings.TrainRatio);
        }, checkpoint, options.Shard, options.Jobs, log);
        if (!Sweep.Complete(units, u => Key(u.Seed, u.Config), checkpoint))
        {
            log.Line($"shard {options.Shard}: its runs are in {checkpoint.Path}; join the shards with `merge` to write the reports.");
            return ExitCodes.Ok;
        }
        var done = units.Select(u => checkpoint.Units[Key(u.Seed, u.Config)]).ToList();
        var rows = done.Select(d => d.Row).ToList();
        var diagnostics = done.Select(d => d.Diagnostics).ToList();
        clock.Stop();
        AtomicFile.WriteAllText(folder.File("tables.csv"), TablesCsv.Write(rows));
        AtomicFile.WriteAllText(folder.File("tables-diagnostics.csv"), TablesCsv.Write(diagnostics));
        var context = new TablesReportContext(digits.Count, dataDir, settings.Training, settings.TrainRatio, clock.Elapsed, done.Count - checkpoint.Reused,
            TablesCoincidences.Compare(digits), baselineRows, baselineLabel);
        AtomicFile.WriteAllText(folder.File("tables.md"), TablesReport.Markdown(rows, diagnostics, context));
        TablesPlot.Save(rows, folder.File("tables.png"));
        log.Line(TablesReport.Summary(rows, protocol));
        var bound = BergmanChecks.Bound(rows);
        var invariance = BergmanChecks.Invariance(rows);
        log.Line($"checks: R + R-bar <= 1 on {bound.Held} of {bound.Runs} bias-free raw-input runs; R-bar = R exactly on {invariance.Held} of {invariance.Runs} invariant-feature runs.");
        log.Line($"wrote tables.csv, tables-diagnostics.csv, tables.md, tables.png to {folder.Path} in {clock.Elapsed.TotalSeconds:F1} s");
        return bound.Holds && invariance.Holds ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }
}
