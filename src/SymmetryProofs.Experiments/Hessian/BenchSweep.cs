namespace SymmetryProofs.Experiments.Hessian;

/// <summary>`hessian bench --sweep`: the costs of several nets, run by the <see cref="Runs.Runner"/> as a <see cref="BenchSweepExperiment"/>.</summary>
public static class BenchSweep
{
    /// <summary>Runs the sweep into <paramref name="dir"/> (<paramref name="commandLine"/> goes to its command.txt); returns the exit code.</summary>
    public static int Run(BenchSettings settings, string dir, Runs.IRunLog log, IReadOnlyList<string>? commandLine = null) =>
        Runs.Runner.Run(new BenchSweepExperiment(), settings, new Runs.RunOptions(dir, 1, 1, Runs.Shard.Whole) { CommandLine = commandLine ?? [] }, log);
}
