namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// A sweep the <see cref="Runner"/> can run: what the experiment knows (its settings, its units and
/// how to compute and report them); the runner owns everything else (the lock on --out, command.txt
/// and run.json, progress, the checkpoint and resume, shards, merge, exit codes).
/// </summary>
/// <typeparam name="TSettings">Everything that decides the plan and the reports, serialisable to JSON (run.json keeps it so `merge` can write the reports).</typeparam>
/// <typeparam name="TUnit">One unit of work, in the sweep's fixed order.</typeparam>
/// <typeparam name="TResult">A finished unit's result, serialisable to JSON (one checkpoint line).</typeparam>
public interface IExperiment<TSettings, TUnit, TResult>
{
    /// <summary>The command's name: in the lock, in run.json (what `merge` looks up) and in messages.</summary>
    string Name { get; }

    /// <summary>Checks the settings and the run options before anything is created; bad input is an <see cref="InputException"/> naming the option.</summary>
    void Validate(TSettings settings, RunOptions options);

    /// <summary>The settings that decide every unit's result (never --jobs, --out or --shard): a unit is reused only under the same fingerprint.</summary>
    Fingerprint Fingerprint(TSettings settings);

    /// <summary>The units of the whole sweep in a fixed order (shards split this order); runs with the lock held, so it may take time.</summary>
    IReadOnlyList<TUnit> Plan(TSettings settings, RunOptions options, IRunLog log);

    /// <summary>The unit's key in the checkpoint: unique within the sweep and stable across runs.</summary>
    string Key(TUnit unit);

    /// <summary>Computes one unit (may run on several units at once, --jobs).</summary>
    TResult Execute(TUnit unit);

    /// <summary>Writes the reports of the finished sweep into its folder and returns the checks they state.</summary>
    IReadOnlyList<Check> Report(FinishedRun<TSettings, TUnit, TResult> run);

    /// <summary>
    /// The position in the plan that decides which shard runs <paramref name="unit"/> (<see cref="Shard.Owns"/>); by default
    /// its own. Units that start from another unit's result return that unit's shared position, so they run in one shard,
    /// in the plan's order (a seed's sweeps warm-started at its first minimum, nets whose predictions rest on smaller ones).
    /// </summary>
    int ShardPosition(TUnit unit, int position) => position;

    /// <summary>
    /// Called once, after the plan and before any unit runs, with the sweep's finished units (reused ones, and new ones as they
    /// finish): how a unit reads the result it starts from. By default ignored.
    /// </summary>
    void Open(IFinishedUnits<TResult> finished) { }
}
