using System.Collections.Concurrent;

namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// Runs the units of a sweep that this shard owns (by their position in the plan, or the one <c>shardPosition</c> gives)
/// and the checkpoint lacks, --jobs
/// at a time, appending each to the checkpoint as it finishes, with progress. Units start in the
/// sweep's order, so an interrupted run leaves the early units behind.
/// </summary>
internal static class Sweep
{
    public static void Run<TUnit, T>(IReadOnlyList<TUnit> sweep, Func<TUnit, string> key, Func<TUnit, T> compute,
        Checkpoint<T> checkpoint, Shard shard, int jobs, IRunLog log, Func<TUnit, int, int>? shardPosition = null)
    {
        shardPosition ??= (_, position) => position;
        var todo = sweep.Select((u, position) => (u, position))
            .Where(p => shard.Owns(shardPosition(p.u, p.position)) && !checkpoint.TryGet(key(p.u), out _))
            .Select(p => p.u).ToList();
        int owned = sweep.Where((u, position) => shard.Owns(shardPosition(u, position))).Count();
        log.Line($"{owned} unit(s) in {(shard.IsWhole ? "this sweep" : $"shard {shard}")}, {owned - todo.Count} already done, {todo.Count} to run, {jobs} at a time.");
        int done = 0;
        var ordered = Partitioner.Create(todo, EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(ordered, new ParallelOptions { MaxDegreeOfParallelism = jobs }, unit =>
        {
            var result = compute(unit);
            checkpoint.Append(key(unit), result);
            log.Progress(Interlocked.Increment(ref done), todo.Count, key(unit));
        });
    }

    /// <summary>Whether every unit of the sweep is in the checkpoint (a sharded run writes reports only once merged).</summary>
    public static bool Complete<TUnit, T>(IReadOnlyList<TUnit> sweep, Func<TUnit, string> key, Checkpoint<T> checkpoint) =>
        sweep.All(u => checkpoint.TryGet(key(u), out _));
}
