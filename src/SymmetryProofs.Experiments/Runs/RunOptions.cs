namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// The options every sweep command shares, one vocabulary: --out (the folder, locked while the run
/// writes it; a rerun into it continues), --seeds N (seeds 0..N-1 everywhere), --jobs (units run at
/// once; results never depend on it), --shard i/N (one part of the sweep, joined by `merge`).
/// </summary>
public sealed record RunOptions(string Out, int Seeds, int Jobs, Shard Shard)
{
    /// <summary>The command line that started the run (arguments after the program name), kept in the folder's command.txt so `merge` can write the reports.</summary>
    public IReadOnlyList<string> CommandLine { get; init; } = [];

    /// <summary>More seeds than this is almost certainly a typo; a real study can raise it in code.</summary>
    public const int MaxSeeds = 1000;

    /// <summary>Checks every option before any work, naming the option on failure.</summary>
    /// <param name="output">--out.</param>
    /// <param name="seeds">--seeds.</param>
    /// <param name="jobs">--jobs.</param>
    /// <param name="shard">--shard: i/N, auto or auto/N (null: the whole sweep).</param>
    /// <param name="environment">Where --shard auto reads the scheduler's variables (default: this process's environment).</param>
    public static RunOptions Create(string? output, int seeds, int jobs, string? shard, Func<string, string?>? environment = null)
    {
        if (seeds < 1 || seeds > MaxSeeds) throw new InputException($"--seeds: got {seeds}; expected 1 to {MaxSeeds}.");
        if (jobs < 1 || jobs > 256) throw new InputException($"--jobs: got {jobs}; expected 1 to 256.");
        if (output is null || string.IsNullOrWhiteSpace(output)) throw new InputException("--out: got an empty path; expected a directory.");
        return new RunOptions(output, seeds, jobs, Shard.Parse(shard, environment));
    }
}
