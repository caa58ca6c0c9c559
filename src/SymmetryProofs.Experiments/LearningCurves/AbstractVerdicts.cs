using System.Globalization;
using SymmetryProofs.Experiments.Bergman;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>What the data say about one part of the claim.</summary>
internal enum Finding { Holds, Fails, Inconclusive }

/// <summary>One verdict: a part of the abstract's claim, for one symmetric configuration against the baseline (by its role), with the numbers behind it.</summary>
internal sealed record Verdict(AbstractPart Part, string Config, CurveRole Baseline, Finding Finding, string Detail)
{
    public static string Word(Finding f) => f switch { Finding.Holds => "holds", Finding.Fails => "FAILS", _ => "inconclusive" };
}

/// <summary>
/// The verdicts on the three parts of Bergman's abstract ("reduces over-fitting", "requiring less training data",
/// "taking less time ... to train"), for each invariant-feature configuration against augmentation, the fair baseline
/// on a symmetric task (it learns the symmetry from data; the reference trained on X alone never sees -X, so its
/// symmetric accuracy is capped near 1/2 by construction and compares nothing). Each part is a set of intervals and one
/// rule reads them: FAILS when some interval lies wholly on the wrong side of the no-effect value, holds when every
/// interval lies wholly on the claimed side, inconclusive otherwise (including no interval at all). Over-fitting: paired
/// t intervals of gap(augmentation) - gap(config) per size, Bonferroni over the sizes. Time: paired t intervals of
/// seconds(augmentation) - seconds(config) to reach each loss target, per size, Bonferroni over sizes x targets, over
/// the (size, target) pairs every run of both reached. Data: the bootstrap intervals of the gains per target, Bonferroni
/// over accuracy targets x invariant configurations (the part's verdict combines both, <see cref="DataGain"/>). These are
/// findings about the claim, not checks of this program: they never change the exit code.
/// </summary>
internal static class AbstractVerdicts
{
    /// <summary>The rule: intervals (low, high) against the no-effect value <paramref name="none"/>, the claim being "above it".</summary>
    public static Finding FromIntervals(IReadOnlyList<(double Low, double High)> intervals, double none)
    {
        if (intervals.Count == 0) return Finding.Inconclusive;
        if (intervals.Any(i => i.High < none)) return Finding.Fails;
        return intervals.All(i => i.Low > none) ? Finding.Holds : Finding.Inconclusive;
    }

    /// <summary>A part's verdict over several comparisons: FAILS if any fails, holds if all hold, else inconclusive.</summary>
    public static Finding Combine(IEnumerable<Finding> findings)
    {
        var all = findings.ToList();
        if (all.Count == 0) return Finding.Inconclusive;
        if (all.Contains(Finding.Fails)) return Finding.Fails;
        return all.All(f => f == Finding.Holds) ? Finding.Holds : Finding.Inconclusive;
    }

    /// <summary>Per size, the paired difference gap(baseline) - gap(config), Bonferroni over the sizes compared.</summary>
    public static List<(int N, PairedDifference D)> GapDifferences(PointIndex index, string config, string baseline)
    {
        var sizes = index.Sizes(config).Intersect(index.Sizes(baseline)).Order().ToList();
        return sizes.Select(n => (n, PairedComparison.Of(
            index.Seeds.Select(s => index.Get(baseline, n, s).Gap).ToList(),
            index.Seeds.Select(s => index.Get(config, n, s).Gap).ToList(), sizes.Count))).ToList();
    }

    /// <summary>
    /// Per (size, loss target) that every run of both reached, the paired difference of <paramref name="value"/>(baseline) -
    /// value(config) to reach it, Bonferroni over sizes x targets (all pairs, reached or not, count in m); and the pairs not
    /// reached by every run.
    /// </summary>
    public static (List<(int N, double Target, PairedDifference D)> Reached, List<(int N, double Target)> NotReached) TimeDifferences(
        PointIndex index, string config, string baseline, IReadOnlyList<double> lossTargets, Func<TargetReach, double?> value)
    {
        var sizes = index.Sizes(config).Intersect(index.Sizes(baseline)).Order().ToList();
        int m = Math.Max(1, sizes.Count * lossTargets.Count);
        var reached = new List<(int, double, PairedDifference)>();
        var missing = new List<(int, double)>();
        foreach (var n in sizes)
            for (int t = 0; t < lossTargets.Count; t++)
            {
                var b = index.Seeds.Select(s => At(index.Get(baseline, n, s), t, value)).ToList();
                var c = index.Seeds.Select(s => At(index.Get(config, n, s), t, value)).ToList();
                if (b.Any(v => v is null) || c.Any(v => v is null)) { missing.Add((n, lossTargets[t])); continue; }
                reached.Add((n, lossTargets[t], PairedComparison.Of(b.Select(v => v!.Value).ToList(), c.Select(v => v!.Value).ToList(), m)));
            }
        return (reached, missing);
    }

    private static double? At(CurvePoint p, int target, Func<TargetReach, double?> value) =>
        p.ToTarget is { } list && target < list.Count ? value(list[target]) : null;

    /// <summary>Every verdict for <paramref name="config"/> against <paramref name="baselineConfig"/> (augmentation).</summary>
    public static IReadOnlyList<Verdict> For(PointIndex index, string config, LearningCurvesConfig baselineConfig, IReadOnlyList<GainEstimate> gains, IReadOnlyList<double> lossTargets)
    {
        string baseline = baselineConfig.Name;
        var role = baselineConfig.Role;
        var gap = GapDifferences(index, config, baseline);
        var (time, notReached) = TimeDifferences(index, config, baseline, lossTargets, r => r.Seconds);
        string m = gap.Count > 0 ? $"{gap[0].D.Comparisons}" : "0";
        return
        [
            new(AbstractPart.OverFitting, config, role, FromIntervals(gap.Select(d => (d.D.Low, d.D.High)).ToList(), 0),
                $"gap({baseline}) - gap({config}) by n, Bonferroni over {m} sizes: " + string.Join("; ", gap.Select(d => $"n={d.N}: {Interval(d.D, "F3")}"))),
            new(AbstractPart.LessData, config, role, FromIntervals(gains.Select(g => (g.Low, g.High)).ToList(), 1),
                $"gain n({baseline})/n({config}) by target, bootstrap Bonferroni over {(gains.Count > 0 ? gains[0].Comparisons : 0)}: " + string.Join("; ", gains.Select(g => $"{g.Target.ToString("G3", CultureInfo.InvariantCulture)}: {g.Describe()} [{Num(g.Low)}, {Num(g.High)}]"))),
            new(AbstractPart.LessTime, config, role, FromIntervals(time.Select(d => (d.D.Low, d.D.High)).ToList(), 0),
                $"seconds({baseline}) - seconds({config}) to reach a training loss, by n and loss target, Bonferroni over {(time.Count > 0 ? time[0].D.Comparisons : 0)}: " +
                string.Join("; ", time.Select(d => $"n={d.N}, loss {d.Target.ToString("G3", CultureInfo.InvariantCulture)}: {Interval(d.D, "F2")}")) +
                (notReached.Count == 0 ? "" : "; not reached by every run: " + string.Join(", ", notReached.Select(x => $"n={x.N}, loss {x.Target.ToString("G3", CultureInfo.InvariantCulture)}")))),
        ];
    }

    private static string Interval(PairedDifference d, string spec) =>
        $"{d.Mean.ToString(spec, CultureInfo.InvariantCulture)} [{Num(d.Low, spec)}, {Num(d.High, spec)}]";

    /// <summary>A number, with infinity and NaN as words.</summary>
    public static string Num(double v, string spec = "F2") =>
        double.IsPositiveInfinity(v) ? "inf" : double.IsNaN(v) ? "n/a" : v.ToString(spec, CultureInfo.InvariantCulture);
}
