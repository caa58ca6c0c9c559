using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>Where a curve first reaches a target: the interpolated sample count, and whether it was already reached at the smallest size measured (then the count is only an upper bound).</summary>
internal readonly record struct Reach(double? Samples, bool AtSmallest)
{
    public bool Reached => Samples is not null;
}

/// <summary>Mean curves over seeds, where they reach a target, and paired differences between configurations.</summary>
internal static class CurveAnalysis
{
    /// <summary>
    /// The sample count at which a curve (ascending sizes) first reaches <paramref name="target"/>: the first measured
    /// size i whose accuracy is at least the target; if i is the smallest size, that size (flagged: the count is at most
    /// that); otherwise linear interpolation in log n between sizes i-1 and i,
    /// log n* = log n_{i-1} + (target - a_{i-1}) / (a_i - a_{i-1}) (log n_i - log n_{i-1}). Null when no size reaches it.
    /// </summary>
    public static Reach SamplesToReach(IReadOnlyList<(double N, double Accuracy)> curve, double target)
    {
        for (int i = 0; i < curve.Count; i++)
        {
            if (!(curve[i].Accuracy >= target)) continue;
            if (i == 0) return new Reach(curve[0].N, true);
            var (n0, a0) = curve[i - 1];
            var (n1, a1) = curve[i];
            double t = (target - a0) / (a1 - a0);
            return new Reach(Math.Exp(Math.Log(n0) + t * (Math.Log(n1) - Math.Log(n0))), false);
        }
        return new Reach(null, false);
    }

    /// <summary>The sizes measured for <paramref name="config"/>, ascending.</summary>
    public static int[] Sizes(IEnumerable<CurvePoint> points, string config) =>
        points.Where(p => p.Config == config).Select(p => p.Samples).Distinct().Order().ToArray();

    /// <summary>The seeds measured, ascending.</summary>
    public static int[] Seeds(IEnumerable<CurvePoint> points) => points.Select(p => p.Seed).Distinct().Order().ToArray();

    /// <summary>
    /// The curve of the mean of <paramref name="value"/> over <paramref name="seeds"/> (repeats count again: a bootstrap
    /// draw) at each size of <paramref name="config"/>. Every (size, seed) must have been measured.
    /// </summary>
    public static (double N, double Accuracy)[] MeanCurve(PointIndex index, string config, IReadOnlyList<int> seeds, Func<CurvePoint, double> value) =>
        index.Sizes(config).Select(n => ((double)n, seeds.Average(s => value(index.Get(config, n, s))))).ToArray();

    /// <summary>
    /// At each size, the mean over seeds of value(baseline) - value(config) on the same seed (the same split and test set),
    /// with its 95% Student-t interval (<see cref="SeedStatistics"/>; undefined for one seed).
    /// </summary>
    public static (int N, SeedStatistics Difference)[] PairedDifferences(PointIndex index, string config, string baseline, Func<CurvePoint, double> value) =>
        index.Sizes(config).Intersect(index.Sizes(baseline)).Order()
            .Select(n => (n, SeedStatistics.Of(index.Seeds.Select(s => value(index.Get(baseline, n, s)) - value(index.Get(config, n, s))))))
            .ToArray();

    /// <summary>Mean and interval of <paramref name="value"/> over seeds at each size of <paramref name="config"/>.</summary>
    public static (int N, SeedStatistics Stats)[] PerSize(PointIndex index, string config, Func<CurvePoint, double> value) =>
        index.Sizes(config).Select(n => (n, SeedStatistics.Of(index.Seeds.Select(s => value(index.Get(config, n, s)))))).ToArray();
}

/// <summary>The points of a run by (configuration, size, seed); a missing point is a bug in the caller, not a gap to skip.</summary>
internal sealed class PointIndex
{
    private readonly Dictionary<(string, int, int), CurvePoint> points = new();
    private readonly Dictionary<string, int[]> sizes;

    public IReadOnlyList<int> Seeds { get; }
    public IReadOnlyList<string> Configs { get; }

    public PointIndex(IReadOnlyList<CurvePoint> all)
    {
        foreach (var p in all)
            if (!points.TryAdd((p.Config, p.Samples, p.Seed), p)) throw new ArgumentException($"Two runs of {p.Config} at n = {p.Samples}, seed {p.Seed}.");
        Seeds = CurveAnalysis.Seeds(all);
        Configs = all.Select(p => p.Config).Distinct().ToArray();
        sizes = Configs.ToDictionary(c => c, c => CurveAnalysis.Sizes(all, c));
        foreach (var c in Configs)
            foreach (var n in sizes[c])
                foreach (var s in Seeds)
                    if (!points.ContainsKey((c, n, s))) throw new ArgumentException($"No run of {c} at n = {n}, seed {s}: every configuration needs every (size, seed).");
    }

    public IReadOnlyList<int> Sizes(string config) => sizes.TryGetValue(config, out var s) ? s : throw new ArgumentException($"No runs of '{config}'.");

    public CurvePoint Get(string config, int n, int seed) => points[(config, n, seed)];
}
