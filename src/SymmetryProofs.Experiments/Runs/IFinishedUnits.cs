namespace SymmetryProofs.Experiments.Runs;

/// <summary>The finished units of a sweep, by key: those reused from the checkpoint and those finished since (a live, read-only view of <see cref="Checkpoint{T}"/>).</summary>
/// <typeparam name="TResult">A unit's result.</typeparam>
public interface IFinishedUnits<TResult>
{
    /// <summary>The result of the unit with key <paramref name="unit"/>, if it is finished.</summary>
    bool TryGet(string unit, out TResult value);
}
