using MathNet.Numerics.Statistics;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>How a gain was read off the curves: measured, a bound (one curve censored), or undefined.</summary>
internal enum GainKind { Measured, AtLeast, AtMost, Undefined }

/// <summary>
/// The data gain n_baseline(target) / n_config(target) of the mean symmetric-accuracy curves, with a 95% percentile
/// bootstrap interval, and each side's sample count with its own interval (+infinity in an interval = not reached).
/// </summary>
internal sealed record GainEstimate(double Target, double Value, GainKind Kind, double Low, double High, int Defined, int Replicates,
    Reach Config, Reach Baseline, double ConfigLow, double ConfigHigh)
{
    /// <summary>The value as people write it: "2.31", "at least 4.0", "at most 0.5", "undefined".</summary>
    public string Describe(string spec = "F2") => Kind switch
    {
        GainKind.Measured => Value.ToString(spec, System.Globalization.CultureInfo.InvariantCulture),
        GainKind.AtLeast => "at least " + Value.ToString(spec, System.Globalization.CultureInfo.InvariantCulture),
        GainKind.AtMost => "at most " + Value.ToString(spec, System.Globalization.CultureInfo.InvariantCulture),
        _ => "undefined",
    };
}

/// <summary>
/// Data gain with a bootstrap over seeds. Censoring rule: a curve that never reaches the target counts as reaching it
/// just beyond its largest size, and one that reaches it at its smallest size as reaching it there; the ratio is then a
/// bound (at least / at most) and enters the bootstrap at that bound, which moves the interval towards 1 (towards
/// "inconclusive"), never away from it. Both censored the same way: undefined, left out of the interval, which is
/// reported only when at least 95% of the replicates are defined.
/// </summary>
internal static class DataGain
{
    public const double Level = 0.95;

    /// <summary>The gain of <paramref name="config"/> over <paramref name="baseline"/> at <paramref name="target"/> on the mean curves over <paramref name="seeds"/>.</summary>
    public static (double Value, GainKind Kind, Reach Config, Reach Baseline) Ratio(PointIndex index, string config, string baseline, IReadOnlyList<int> seeds, double target)
    {
        var c = index.Sizes(config);
        var b = index.Sizes(baseline);
        var rc = CurveAnalysis.SamplesToReach(CurveAnalysis.MeanCurve(index, config, seeds, p => p.Symmetric), target);
        var rb = CurveAnalysis.SamplesToReach(CurveAnalysis.MeanCurve(index, baseline, seeds, p => p.Symmetric), target);
        if (!rc.Reached && !rb.Reached) return (double.NaN, GainKind.Undefined, rc, rb);
        if (rc.Reached && !rb.Reached) return (b[^1] / rc.Samples!.Value, GainKind.AtLeast, rc, rb);
        if (!rc.Reached) return (rb.Samples!.Value / c[^1], GainKind.AtMost, rc, rb);
        double ratio = rb.Samples!.Value / rc.Samples!.Value;
        return (rc.AtSmallest, rb.AtSmallest) switch
        {
            (true, true) => (double.NaN, GainKind.Undefined, rc, rb),
            (true, false) => (ratio, GainKind.AtLeast, rc, rb),
            (false, true) => (ratio, GainKind.AtMost, rc, rb),
            _ => (ratio, GainKind.Measured, rc, rb),
        };
    }

    /// <summary>The estimate on all seeds and its paired percentile bootstrap (the same resampled seeds for both curves, since a seed fixes the split and test set of both).</summary>
    public static GainEstimate Estimate(PointIndex index, string config, string baseline, double target, int replicates, Random rng)
    {
        var seeds = index.Seeds;
        var (value, kind, rc, rb) = Ratio(index, config, baseline, seeds, target);
        var gains = new List<double>();
        var counts = new double[replicates];
        var draw = new int[seeds.Count];
        for (int k = 0; k < replicates; k++)
        {
            for (int i = 0; i < draw.Length; i++) draw[i] = seeds[rng.Next(seeds.Count)];
            var (g, gk, reach, _) = Ratio(index, config, baseline, draw, target);
            if (gk != GainKind.Undefined) gains.Add(g);
            counts[k] = reach.Samples ?? double.PositiveInfinity;
        }
        double low = double.NaN, high = double.NaN;
        if (replicates > 0 && gains.Count >= Level * replicates) (low, high) = Percentiles(gains.ToArray());
        var (cLow, cHigh) = replicates > 0 ? Percentiles(counts) : (double.NaN, double.NaN);
        return new GainEstimate(target, value, kind, low, high, gains.Count, replicates, rc, rb, cLow, cHigh);
    }

    /// <summary>The 2.5% and 97.5% empirical quantiles (R1, the inverse of the empirical CDF: no interpolation, so infinities are kept as they are).</summary>
    public static (double Low, double High) Percentiles(double[] values)
    {
        var sorted = values.Order().ToArray();
        double tail = (1 - Level) / 2;
        return (SortedArrayStatistics.QuantileCustom(sorted, tail, QuantileDefinition.R1),
                SortedArrayStatistics.QuantileCustom(sorted, 1 - tail, QuantileDefinition.R1));
    }
}
