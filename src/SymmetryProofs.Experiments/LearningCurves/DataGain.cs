using MathNet.Numerics.Statistics;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>How a gain was read off the curves: measured, a bound (one curve censored), or undefined.</summary>
internal enum GainKind { Measured, AtLeast, AtMost, Undefined }

/// <summary>
/// The data gain n_baseline(target) / n_config(target) of the mean symmetric-accuracy curves, with a percentile bootstrap
/// interval at the Bonferroni level 1 - 0.05 / <see cref="Comparisons"/> (the gains feed one verdict together), and the
/// config's sample count with its own 95% interval (a description, read alone; +infinity in an interval = not reached).
/// </summary>
internal sealed record GainEstimate(double Target, double Value, GainKind Kind, double Low, double High, int Defined, int Replicates,
    Reach Config, Reach Baseline, double ConfigLow, double ConfigHigh, int Comparisons)
{
    /// <summary>The intervals' coverage, 1 - 0.05 / <see cref="Comparisons"/>.</summary>
    public double Level => DataGain.LevelFor(Comparisons);

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
/// reported only when at least <see cref="DefinedShare"/> of the replicates are defined. The intervals are
/// Bonferroni-corrected: with m comparisons read together (accuracy targets x configurations in one verdict), each is
/// the percentile interval at level 1 - 0.05/m, so all m cover together with probability at least 0.95.
/// </summary>
internal static class DataGain
{
    /// <summary>The family-wise coverage of the m intervals read together.</summary>
    public const double FamilyLevel = 0.95;

    /// <summary>The least share of replicates that must define a gain for its interval to be reported.</summary>
    public const double DefinedShare = 0.95;

    /// <summary>The Bonferroni level of one of <paramref name="comparisons"/> intervals: 1 - (1 - <see cref="FamilyLevel"/>) / m.</summary>
    public static double LevelFor(int comparisons) =>
        comparisons >= 1 ? 1 - (1 - FamilyLevel) / comparisons : throw new ArgumentOutOfRangeException(nameof(comparisons), comparisons, "at least one comparison");

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

    /// <summary>
    /// The estimate on all seeds and its paired percentile bootstrap (the same resampled seeds for both curves, since a seed
    /// fixes the split and test set of both), at the Bonferroni level for <paramref name="comparisons"/> intervals.
    /// </summary>
    public static GainEstimate Estimate(PointIndex index, string config, string baseline, double target, int replicates, int comparisons, Random rng)
    {
        double level = LevelFor(comparisons);
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
        if (replicates > 0 && gains.Count >= DefinedShare * replicates) (low, high) = Percentiles(gains.ToArray(), level);
        var (cLow, cHigh) = replicates > 0 ? Percentiles(counts, FamilyLevel) : (double.NaN, double.NaN);
        return new GainEstimate(target, value, kind, low, high, gains.Count, replicates, rc, rb, cLow, cHigh, comparisons);
    }

    /// <summary>
    /// The (1 - level)/2 and (1 + level)/2 empirical quantiles (R1, the inverse of the empirical CDF: no interpolation, so
    /// infinities are kept as they are).
    /// </summary>
    public static (double Low, double High) Percentiles(double[] values, double level)
    {
        var sorted = values.Order().ToArray();
        double tail = (1 - level) / 2;
        return (SortedArrayStatistics.QuantileCustom(sorted, tail, QuantileDefinition.R1),
                SortedArrayStatistics.QuantileCustom(sorted, 1 - tail, QuantileDefinition.R1));
    }
}
