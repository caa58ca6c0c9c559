namespace SymmetryProofs.Optimisation;

/// <summary>One accepted L-BFGS point: the loss-and-gradient evaluations and wall seconds spent to reach it, and its mean cross-entropy (the penalty left out).</summary>
public sealed record TracePoint(int Evaluations, double Seconds, double CrossEntropy);

/// <summary>
/// The trajectory of a training run, one point per accepted L-BFGS step (not the start, whose loss is not below any target worth stating), so "time to reach a
/// target" can be read off after the run: evaluations are exact and load-free, seconds are the machine's.
/// </summary>
public sealed class TrainingTrace
{
    private readonly List<TracePoint> points = [];

    /// <summary>The points in order.</summary>
    public IReadOnlyList<TracePoint> Points => points;

    /// <summary>Appends a point.</summary>
    public void Add(TracePoint point) => points.Add(point);

    /// <summary>The first point whose mean cross-entropy is at most <paramref name="target"/>, or null when the run never got there.</summary>
    public TracePoint? FirstAtOrBelow(double target)
    {
        foreach (var p in points) if (p.CrossEntropy <= target) return p;
        return null;
    }
}
