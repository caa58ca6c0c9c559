using System.Diagnostics;
using System.Text.Json;

namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// The one experiment runner. In order: validate the settings (nothing is created on bad input),
/// create and lock --out (before any planning, so a second run stops at once), record command.txt
/// and run.json, open the checkpoint under the settings' fingerprint, plan the units, run the ones
/// this shard owns and the checkpoint lacks (--jobs at a time, with progress), and once every unit
/// is done write the reports and return 0 when every check holds, 1 when one fails. Exceptions are
/// left to <see cref="Guard"/>, the one place they become exit codes 2 and 3.
/// </summary>
public static partial class Runner
{
    /// <summary>Runs <paramref name="experiment"/> with <paramref name="settings"/> into <see cref="RunOptions.Out"/>.</summary>
    public static int Run<TSettings, TUnit, TResult>(IExperiment<TSettings, TUnit, TResult> experiment, TSettings settings, RunOptions options, IRunLog log)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(options);
        experiment.Validate(settings, options);
        var clock = Stopwatch.StartNew();
        using var folder = OutputFolder.Open(options, experiment.Name, log);
        return RunIn(experiment, settings, options, folder, clock, log, computeMissing: true);
    }

    /// <summary>How `merge` finishes a sweep of <paramref name="experiment"/> from its joined checkpoint: the reports, computing nothing.</summary>
    public static MergeableExperiment Mergeable<TSettings, TUnit, TResult>(IExperiment<TSettings, TUnit, TResult> experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return new MergeableExperiment(experiment.Name, (record, folder, log) => Finish(experiment, record, folder, log, computeMissing: false))
        {
            FinishComputing = (record, folder, log) => Finish(experiment, record, folder, log, computeMissing: true),
        };
    }

    private static int Finish<TSettings, TUnit, TResult>(IExperiment<TSettings, TUnit, TResult> experiment, RunRecord record, OutputFolder folder, IRunLog log, bool computeMissing)
    {
        var settings = record.SettingsAs<TSettings>();
        var options = new RunOptions(folder.Path, record.Seeds, 1, Shard.Whole);
        experiment.Validate(settings, options);
        var fingerprint = experiment.Fingerprint(settings);
        if (fingerprint.Hash != record.Fingerprint)
            throw new InputException($"merge: the shards' settings now give fingerprint {fingerprint.Hash}, not their recorded {record.Fingerprint}; they were made by another version of {experiment.Name}, so rerun them.");
        return RunIn(experiment, settings, options, folder, Stopwatch.StartNew(), log, computeMissing);
    }

    private static int RunIn<TSettings, TUnit, TResult>(IExperiment<TSettings, TUnit, TResult> experiment, TSettings settings, RunOptions options,
        OutputFolder folder, Stopwatch clock, IRunLog log, bool computeMissing)
    {
        var fingerprint = experiment.Fingerprint(settings);
        var record = new RunRecord(experiment.Name, JsonSerializer.SerializeToNode(settings)!, fingerprint.Hash, options.Seeds, options.Shard.ToString());
        IO.AtomicFile.WriteAllText(folder.File(RunRecord.FileName), record.ToJson());
        var checkpoint = Checkpoint<TResult>.Open(folder.Path, fingerprint, log);
        var units = experiment.Plan(settings, options, log);
        var keys = units.Select(experiment.Key).ToList();
        if (keys.GroupBy(k => k).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidOperationException($"{experiment.Name}: the plan holds unit {twice.Key} twice.");
        if (!computeMissing)
        {
            var missing = keys.Where(k => !checkpoint.TryGet(k, out _)).ToList();
            if (missing.Count > 0)
                throw new InputException($"merge: {missing.Count} unit(s) of the sweep are in none of the shards ({string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", ..." : "")}); rerun the shards that hold them, then merge again (or merge --allow-compute to compute them here).");
        }
        experiment.Open(checkpoint);
        Sweep.Run(units, experiment.Key, experiment.Execute, checkpoint, options.Shard, options.Jobs, log, experiment.ShardPosition);
        if (!Sweep.Complete(units, experiment.Key, checkpoint))
        {
            log.Line($"shard {options.Shard}: its units are in {checkpoint.Path}; join the shards with `merge --out DIR SHARD...` to write the reports.");
            return ExitCodes.Ok;
        }
        var results = units.Select(u => (u, checkpoint.Units[experiment.Key(u)])).ToList();
        var checks = experiment.Report(new FinishedRun<TSettings, TUnit, TResult>(settings, options, folder, results, checkpoint.Reused, clock, log));
        foreach (var c in checks) log.Line(c.ToString());
        return Check.ExitCode(checks);
    }
}
