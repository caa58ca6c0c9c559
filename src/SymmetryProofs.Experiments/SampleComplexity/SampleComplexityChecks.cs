using System.Globalization;
using MathNet.Numerics.Distributions;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.SampleComplexity;

/// <summary>
/// The checks of the sample-complexity run, the rule docs/sample-complexity.md states (section "Decision rule").
/// Theory checks compare a measured quantity with the same quantity of the learning-curve theory at the ridges those
/// very fits chose, seed by seed: d_s = measured_s - predicted_s (on the log scale for gains and risk ratios), and the
/// t-interval of mean d over seeds, widened by Bonferroni to 1 - 0.05/k jointly over the k theory checks of the run
/// (<see cref="Widening"/>). A theory check fails when its joint interval excludes 0, holds when it contains 0 and
/// its half-width resolves <see cref="AgreementResolution"/> (gains and risks) or <see cref="SlopeResolution"/>
/// (exponents), and is inconclusive otherwise; an inconclusive check states the seeds its measured spread would need.
/// Sanity checks test a direction only (a finite group's gain above 1, a translation's steeper rate) with their own
/// 95% interval: they hold when it lies on the predicted side, fail on the other side, else are inconclusive.
/// </summary>
public static class SampleComplexityChecks
{
    /// <summary>
    /// The relative error an agreement check of a gain or a risk ratio must resolve to hold: the joint interval of
    /// measured/predicted within a factor 1.25. The theory is asymptotic and its measured/predicted risks span about
    /// 0.9 to 1.1 here, so 25% separates "agrees" from "cannot tell" without demanding more than the formula promises.
    /// </summary>
    public const double AgreementResolution = 0.25;

    /// <summary>
    /// The exponent difference a slope check must resolve to hold: 0.05, a third of the smallest exponent the
    /// experiment must tell apart (a translation steepens the predicted rate by about 0.15 in D = 2 and 3).
    /// </summary>
    public const double SlopeResolution = 0.05;

    /// <summary>The largest seed count a "seeds needed" search considers; beyond it the check reports null.</summary>
    public const int MaxSeedsNeeded = 100_000;

    private static string N(double v, string f = "F3") => v.ToString(Math.Abs(v) >= 1e4 ? "G3" : f, CultureInfo.InvariantCulture);

    public static IReadOnlyList<SampleComplexityCheck> Evaluate(IReadOnlyList<CaseSummary> summaries)
    {
        var checks = new List<SampleComplexityCheck>();
        foreach (var s in summaries)
        {
            string name = $"{s.Group} D={s.D}";
            if (s.GroupOrder is int order)
            {
                var (v, needed) = Direction(s.Gain.Low > 1, s.Gain.High < 1, s.Predicted?.Paired?.LogGainMeasured);
                checks.Add(new SampleComplexityCheck(name, "invariant kernel needs fewer samples (gain > 1)", CheckKind.Sanity, v, s.Gain.Mean, 1, [s.Gain.Low, s.Gain.High], "gain (95%)", needed,
                    $"gain {N(s.Gain.Mean, "F2")} [{N(s.Gain.Low, "F2")}, {N(s.Gain.High, "F2")}], |G| = {order}"));
            }
            else if (s.Predicted?.Paired is SeedPairs q)
            {
                var diff = q.SlopeInvariantMeasured.Zip(q.SlopePlainMeasured, (a, b) => a - b).ToArray();
                var e = Estimate.Of(diff);
                var (v, needed) = Direction(e.High < 0, e.Low > 0, diff);
                checks.Add(new SampleComplexityCheck(name, "translation steepens the rate (invariant slope - plain slope < 0)", CheckKind.Sanity, v, e.Mean, 0, [e.Low, e.High], "invariant slope - plain slope (95%)", needed,
                    $"slope difference {N(e.Mean)} [{N(e.Low)}, {N(e.High)}] (invariant {N(s.SlopeInvariant.Mean)}, plain {N(s.SlopePlain.Mean)})"));
            }
        }
        var paired = summaries.Where(s => s.Predicted?.Paired is not null).ToList();
        int k = paired.Sum(s => TheoryCheckCount(s.GroupOrder is not null));
        foreach (var s in paired)
        {
            string name = $"{s.Group} D={s.D}";
            var q = s.Predicted!.Paired!;
            SampleComplexityCheck Log(string check, double[] measured, double[] predicted, string what) =>
                Theory(name, check, measured, predicted, k, Math.Log(1 + AgreementResolution), logScale: true, what);
            SampleComplexityCheck Slope(string check, double[] measured, double[] predicted, string what) =>
                Theory(name, check, measured, predicted, k, SlopeResolution, logScale: false, what);
            if (s.GroupOrder is not null)
                checks.Add(Log("gain agrees with the theory at the chosen ridges", q.LogGainMeasured, q.LogGainPredicted, "measured/predicted gain"));
            checks.Add(Slope("plain slope agrees with the theory's exponent over the same sizes", q.SlopePlainMeasured, q.SlopePlainPredicted, "measured - predicted slope"));
            checks.Add(Slope("invariant slope agrees with the theory's exponent over the same sizes", q.SlopeInvariantMeasured, q.SlopeInvariantPredicted, "measured - predicted slope"));
            if (s.GroupOrder is not null)
                checks.Add(Log($"risk ratio plain/invariant at n = {s.Sizes[^1]} agrees with the theory", q.LogRatioAtNMaxMeasured, q.LogRatioAtNMaxPredicted, "measured/predicted risk ratio"));
            else
                checks.Add(Slope("slope difference invariant - plain agrees with the theory's",
                    q.SlopeInvariantMeasured.Zip(q.SlopePlainMeasured, (a, b) => a - b).ToArray(), q.SlopeInvariantPredicted.Zip(q.SlopePlainPredicted, (a, b) => a - b).ToArray(), "measured - predicted slope difference"));
            var zeros = new double[q.PooledLogRatioPlain.Length];
            checks.Add(Log("plain risk agrees with the theory over all sizes (mean log measured/predicted)", q.PooledLogRatioPlain, zeros, "geometric mean over n of measured/predicted risk"));
            checks.Add(Log("invariant risk agrees with the theory over all sizes (mean log measured/predicted)", q.PooledLogRatioInvariant, zeros, "geometric mean over n of measured/predicted risk"));
        }
        return checks;
    }

    /// <summary>
    /// The theory checks of the rule this one replaced after its 6-seed run was seen, for the report to print beside the new
    /// verdicts: per finite group, the measured gain's joint interval against the optimal-ridge prediction; per case and
    /// estimator, the joint interval of measured/predicted risk at n_max against 1 (Bonferroni over these checks; the same
    /// resolution of 25%).
    /// </summary>
    public static IReadOnlyList<(string Name, Verdict Verdict)> PreviousRule(IReadOnlyList<CaseSummary> summaries)
    {
        var predicted = summaries.Where(s => s.Predicted is not null).ToList();
        int k = predicted.Sum(s => (s.GroupOrder is null ? 0 : 1) + 2);
        static Verdict Judge(double distance, double half, double resolution) =>
            !(half >= 0) ? Verdict.Inconclusive : distance > half ? Verdict.Fails : Resolves(half, resolution) ? Verdict.Holds : Verdict.Inconclusive;
        var verdicts = new List<(string, Verdict)>();
        foreach (var s in predicted)
        {
            var p = s.Predicted!;
            if (s.GroupOrder is not null)
            {
                double logMean = Math.Log(s.Gain.Mean);
                verdicts.Add(($"{s.Group} D={s.D}: gain against the optimal-ridge prediction",
                    Judge(Math.Abs(Math.Log(p.GainOverSizes) - logMean), Widening(s.Gain.Count, k) * (Math.Log(s.Gain.High) - logMean), Math.Log(1 + AgreementResolution))));
            }
            foreach (var (est, r) in new[] { (Estimator.Plain, p.RatioPlainAtNMax), (Estimator.Invariant, p.RatioInvariantAtNMax) })
                verdicts.Add(($"{s.Group} D={s.D}: {est.Name()} measured/predicted risk at n_max", Judge(Math.Abs(r.Mean - 1), Widening(r.Count, k) * (r.High - r.Mean), AgreementResolution)));
        }
        return verdicts;
    }

    /// <summary>Theory checks of one case: gain, two slopes, risk ratio at n_max, two pooled risks (finite group); two slopes, their difference, two pooled risks (translation).</summary>
    public static int TheoryCheckCount(bool finiteGroup) => finiteGroup ? 6 : 5;

    /// <summary>The paired rule on d_s = measured_s - predicted_s; see the class summary.</summary>
    public static SampleComplexityCheck Theory(string caseName, string check, IReadOnlyList<double> measured, IReadOnlyList<double> predicted, int k, double resolution, bool logScale, string what)
    {
        var d = measured.Zip(predicted, (a, b) => a - b).ToArray();
        var j = Joint(d, k, resolution);
        double Back(double v) => logScale ? Math.Exp(v) : v;
        var separate = Estimate.Of(d);
        string detail = $"{what}: {N(Back(j.Mean))}, 95% [{N(Back(separate.Low))}, {N(Back(separate.High))}], joint over {k} theory checks [{N(Back(j.Low))}, {N(Back(j.High))}]; " +
            $"measured {N(Back(measured.Average()))}, predicted {N(Back(predicted.Average()))}" + (j.SeedsNeeded is int m ? $"; would resolve at about {m} seeds" : "");
        return new SampleComplexityCheck(caseName, check, CheckKind.Theory, j.Verdict, Back(measured.Average()), Back(predicted.Average()),
            [Back(j.Low), Back(j.High)], what + $" (joint over {k})", j.SeedsNeeded, detail);
    }

    /// <summary>
    /// The joint interval of mean d: half-width <see cref="Widening"/>(seeds, k) t(0.975, seeds - 1) sd / sqrt(seeds). Fails when it
    /// excludes 0; holds when it contains 0 with half-width at most <paramref name="resolution"/>; else inconclusive, with the
    /// smallest seed count m whose half-width t(1 - 0.025/k, m - 1) sd / sqrt(m) would be at most the resolution.
    /// </summary>
    public static (Verdict Verdict, double Mean, double Low, double High, int? SeedsNeeded) Joint(IReadOnlyList<double> d, int k, double resolution)
    {
        var stats = SeedStatistics.Of(d);
        double half = Widening(stats.Count, k) * stats.HalfWidth95;
        if (!(half >= 0)) return (Verdict.Inconclusive, stats.Mean, double.NaN, double.NaN, null);
        if (Math.Abs(stats.Mean) > half) return (Verdict.Fails, stats.Mean, stats.Mean - half, stats.Mean + half, null);
        if (Resolves(half, resolution)) return (Verdict.Holds, stats.Mean, stats.Mean - half, stats.Mean + half, null);
        return (Verdict.Inconclusive, stats.Mean, stats.Mean - half, stats.Mean + half, SeedsFor(stats.Sd, resolution, 1 - 0.025 / k, stats.Count));
    }

    /// <summary>
    /// Whether an interval of half-width <paramref name="half"/> resolves <paramref name="resolution"/>: the half-width is at
    /// most the resolution (equal resolves). The one boundary of "holds" for both <see cref="Joint"/> and <see cref="PreviousRule"/>.
    /// </summary>
    internal static bool Resolves(double half, double resolution) => half <= resolution;

    /// <summary>A direction check on its own 95% interval; an inconclusive one states the seeds at which its half-width falls below |mean|.</summary>
    private static (Verdict, int?) Direction(bool right, bool wrong, IReadOnlyList<double>? values)
    {
        if (right) return (Verdict.Holds, null);
        if (wrong) return (Verdict.Fails, null);
        if (values is null || values.Count < 2) return (Verdict.Inconclusive, null);
        var stats = SeedStatistics.Of(values);
        return (Verdict.Inconclusive, SeedsFor(stats.Sd, Math.Abs(stats.Mean), 0.975, stats.Count));
    }

    /// <summary>The smallest m &gt; current with t(p, m - 1) sd / sqrt(m) &lt;= target (the measured spread taken as the true one), or null up to <see cref="MaxSeedsNeeded"/>.</summary>
    public static int? SeedsFor(double sd, double target, double p, int current)
    {
        if (!(target > 0) || !double.IsFinite(sd)) return null;
        // t(p, m - 1) / sqrt(m) falls strictly with m, so the first m that meets the target is found by bisection.
        bool Meets(int m) => StudentT.InvCDF(0, 1, m - 1, p) * sd / Math.Sqrt(m) <= target;
        int lo = Math.Max(2, current + 1), hi = MaxSeedsNeeded;
        if (!Meets(hi)) return null;
        if (Meets(lo)) return lo;
        while (hi - lo > 1) { int mid = (lo + hi) / 2; if (Meets(mid)) hi = mid; else lo = mid; }
        return hi;
    }

    /// <summary>t(1 - 0.025/k, seeds - 1) / t(0.975, seeds - 1): turns a 95% t-interval into a Bonferroni one for k checks.</summary>
    public static double Widening(int seeds, int k)
    {
        if (seeds < 2 || k < 1) return double.NaN;
        return StudentT.InvCDF(0, 1, seeds - 1, 1 - 0.025 / k) / StudentT.InvCDF(0, 1, seeds - 1, 0.975);
    }
}
