using System.Text.Json;

namespace SymmetryProofs.Experiments.Runs;

public static partial class Runner
{
    /// <summary>
    /// Runs a one-unit <paramref name="experiment"/> in the sweeps' order: validate (nothing created on
    /// bad input), create and lock --out, record command.txt and run.json, compute with progress, and
    /// return 0 when every check holds, 1 when one fails. Exceptions are left to <see cref="Guard"/>.
    /// </summary>
    public static int Run<TSettings>(ISingleRunExperiment<TSettings> experiment, TSettings settings, RunOptions options, IRunLog log)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        experiment.Validate(settings);
        using var folder = OutputFolder.Open(options, experiment.Name, log);
        var record = new RunRecord(experiment.Name, JsonSerializer.SerializeToNode(settings)!, Runs.Fingerprint.Of(settings).Hash, options.Seeds, options.Shard.ToString());
        IO.AtomicFile.WriteAllText(folder.File(RunRecord.FileName), record.ToJson());
        log.Progress(0, 1, $"{experiment.Name}: started");
        var checks = experiment.Run(settings, folder, log);
        log.Progress(1, 1, $"{experiment.Name}: done");
        foreach (var c in checks) log.Line(c.ToString());
        return Check.ExitCode(checks);
    }

    /// <summary>The run options of a one-unit command writing into <paramref name="output"/>: one seed, one job, the whole sweep; validated like a sweep's.</summary>
    public static RunOptions SingleRunOptions(string? output, IReadOnlyList<string> commandLine) =>
        RunOptions.Create(output, 1, 1, null) with { CommandLine = commandLine };
}
