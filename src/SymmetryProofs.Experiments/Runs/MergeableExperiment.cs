namespace SymmetryProofs.Experiments.Runs;

/// <summary>An experiment `merge` can finish: its name (as in run.json) and how to write the whole sweep's reports from a joined checkpoint (made by <see cref="Runner.Mergeable"/>).</summary>
/// <param name="Name">The experiment's name.</param>
/// <param name="Finish">Writes the reports into the locked folder from the shards' run record; returns the exit code.</param>
public sealed record MergeableExperiment(string Name, Func<RunRecord, OutputFolder, IRunLog, int> Finish)
{
    /// <summary>
    /// As <see cref="Finish"/>, but computing the units no shard holds first (merge --allow-compute); null when
    /// the experiment cannot (then --allow-compute is refused for it).
    /// </summary>
    public Func<RunRecord, OutputFolder, IRunLog, int>? FinishComputing { get; init; }
}
