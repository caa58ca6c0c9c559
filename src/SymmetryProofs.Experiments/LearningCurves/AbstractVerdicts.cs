using System.Globalization;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>What the data say about one part of the claim.</summary>
internal enum Finding { Holds, Fails, Inconclusive }

/// <summary>One verdict: a part of the abstract's claim, for one symmetric configuration against one baseline, with the numbers behind it.</summary>
internal sealed record Verdict(string Part, string Config, string Baseline, Finding Finding, string Detail)
{
    public static string Word(Finding f) => f switch { Finding.Holds => "holds", Finding.Fails => "FAILS", _ => "inconclusive" };
}

/// <summary>
/// The verdicts on the three parts of Bergman's abstract ("reduces over-fitting", "requiring less training data",
/// "taking less time ... to train"), for each invariant-feature configuration against each baseline (augmentation,
/// reference). Each part is a set of 95% intervals of (baseline - configuration) differences, or of data gains, and
/// one rule reads them: FAILS when some interval lies wholly on the wrong side of the no-effect value, holds when
/// every interval lies wholly on the claimed side, inconclusive otherwise (including no interval at all). These are
/// findings about the claim, not checks of this program: they never change the exit code.
/// </summary>
internal static class AbstractVerdicts
{
    public const string OverFitting = "less over-fitting";
    public const string LessData = "less training data";
    public const string LessTime = "less training time";

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

    /// <summary>Every verdict for <paramref name="config"/> against <paramref name="baseline"/>: over-fitting and time per size, data per target.</summary>
    public static IReadOnlyList<Verdict> For(PointIndex index, string config, string baseline, IReadOnlyList<GainEstimate> gains)
    {
        var gap = CurveAnalysis.PairedDifferences(index, config, baseline, p => p.Gap);
        var time = CurveAnalysis.PairedDifferences(index, config, baseline, p => p.Seconds);
        return
        [
            new(OverFitting, config, baseline, FromIntervals(gap.Select(d => (d.Difference.Low95, d.Difference.High95)).ToList(), 0),
                "gap(" + baseline + ") - gap(" + config + ") by n: " + string.Join("; ", gap.Select(d => $"n={d.N}: {Interval(d.Difference.Mean, d.Difference.Low95, d.Difference.High95, "F3")}"))),
            new(LessData, config, baseline, FromIntervals(gains.Select(g => (g.Low, g.High)).ToList(), 1),
                "gain n(" + baseline + ")/n(" + config + ") by target: " + string.Join("; ", gains.Select(g => $"{g.Target.ToString("G3", CultureInfo.InvariantCulture)}: {g.Describe()} [{Num(g.Low)}, {Num(g.High)}]"))),
            new(LessTime, config, baseline, FromIntervals(time.Select(d => (d.Difference.Low95, d.Difference.High95)).ToList(), 0),
                "seconds(" + baseline + ") - seconds(" + config + ") by n: " + string.Join("; ", time.Select(d => $"n={d.N}: {Interval(d.Difference.Mean, d.Difference.Low95, d.Difference.High95, "F2")}"))),
        ];
    }

    private static string Interval(double mean, double low, double high, string spec) =>
        $"{mean.ToString(spec, CultureInfo.InvariantCulture)} [{Num(low, spec)}, {Num(high, spec)}]";

    /// <summary>A number, with infinity and NaN as words.</summary>
    public static string Num(double v, string spec = "F2") =>
        double.IsPositiveInfinity(v) ? "inf" : double.IsNaN(v) ? "n/a" : v.ToString(spec, CultureInfo.InvariantCulture);
}
