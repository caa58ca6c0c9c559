using SymmetryProofs.Kernels;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.SampleComplexity;

/// <summary>A mean with a two-sided 95% Student-t confidence interval over seeds (<see cref="SeedStatistics"/>; one seed: Low and High NaN).</summary>
public sealed record Estimate(double Mean, double Low, double High, int Count)
{
    /// <summary>The shared <see cref="SeedStatistics"/> of <paramref name="values"/> as mean and interval.</summary>
    public static Estimate Of(IReadOnlyList<double> values)
    {
        var s = SeedStatistics.Of(values);
        return new Estimate(s.Mean, s.Low95, s.High95, s.Count);
    }

    public bool Contains(double v) => v >= Low && v <= High;
}

/// <summary>What one (group, D) case measured, as written to summary.json.</summary>
public sealed record CaseSummary(
    string Group, int D, int? GroupOrder, int DEff, double S, int Radius,
    Estimate SlopePlain, Estimate SlopeInvariant, double SlopeTheoryPlain, double SlopeTheoryInvariant,
    Estimate Gain, double? GainTheory, Estimate RiskRatioAtNMax, double? RiskRatioTheory,
    int[] Sizes, double[] GeoMeanRiskPlain, double[] GeoMeanRiskInvariant, double[] MedianNuPlain, double[] MedianNuInvariant,
    double DroppedEigenvalue, double TruncationLimitedPlain, double TruncationLimitedInvariant,
    double ResolvedRadiusPlain, double ResolvedRadiusInvariant, double ModeRatioAtNMax)
{
    /// <summary>Geometric mean over seeds of the symmetrised estimator's risk per n (empty when not measured).</summary>
    public double[] GeoMeanRiskSymmetrised { get; init; } = [];
    /// <summary>The theory's predictions for this case (null when not computed).</summary>
    public CasePrediction? Predicted { get; init; }
}

/// <summary>
/// The learning-curve theory beside one case's measurements. GainOverSizes applies the measured gain's
/// estimator (<see cref="PredictedGain.ShiftOverSizes"/>) to the predicted optimal-ridge curves over the
/// measured sizes, the like-for-like prediction of the measured gain; GainAtNMax is the predicted
/// horizontal gain at the largest measured n. Ratios are measured/predicted at the ridge each fit chose:
/// per n the geometric mean over seeds, and at n_max the mean over seeds with its 95% interval.
/// </summary>
public sealed record CasePrediction(
    int[] Radii, double[] TruncationEffect, double[] TranslationTruncationEffect,
    double GainOverSizes, double GainAtNMax, bool GainInInterval,
    double? NForHalfG, double? NFor09G, double? NFor099G,
    double SlopePlainOverSizes, double SlopeInvariantOverSizes, double ExponentPlainFar, double ExponentInvariantFar,
    double[] OptimalRiskPlain, double[] OptimalRiskInvariant, double[] GeoMeanPredictedPlain, double[] GeoMeanPredictedInvariant,
    double[] RatioPlain, double[] RatioInvariant, Estimate RatioPlainAtNMax, Estimate RatioInvariantAtNMax,
    Estimate SymmetrisedOverPlainAtNMax)
{
    /// <summary>Per-seed measured quantities beside the same quantities of the theory at the ridges those fits chose (null when not computed).</summary>
    public SeedPairs? Paired { get; init; }

    /// <summary>The primary gain prediction: the measured gain's estimator on risk_predicted at the chosen ridges, exp of the mean over seeds of log g.</summary>
    public double GainChosenRidge => Paired is null ? double.NaN : Math.Exp(Paired.LogGainPredicted.Average());

    /// <summary>The theory's exponent over the measured sizes at the chosen ridges: the mean over seeds of the least-squares slope of log risk_predicted.</summary>
    public double SlopeLocalPlain => Paired is null ? double.NaN : Paired.SlopePlainPredicted.Average();

    /// <inheritdoc cref="SlopeLocalPlain"/>
    public double SlopeLocalInvariant => Paired is null ? double.NaN : Paired.SlopeInvariantPredicted.Average();
}

/// <summary>
/// One value per seed (in seed order) of each quantity a theory check compares, measured and predicted by the same
/// estimator, the prediction read from risk_predicted at the ridges those very fits chose, so each difference is paired.
/// Gains and ratios are on the log scale; slopes are least-squares slopes of log risk on log n over all sizes;
/// the pooled log-ratios are, per seed, the mean over n of log(measured/predicted risk).
/// </summary>
public sealed record SeedPairs(
    double[] LogGainMeasured, double[] LogGainPredicted,
    double[] SlopePlainMeasured, double[] SlopePlainPredicted, double[] SlopeInvariantMeasured, double[] SlopeInvariantPredicted,
    double[] LogRatioAtNMaxMeasured, double[] LogRatioAtNMaxPredicted,
    double[] PooledLogRatioPlain, double[] PooledLogRatioInvariant);

/// <summary>
/// Slopes and horizontal shifts. Slope: least squares of log risk on log n, one fit per seed, then
/// the mean and its t-interval over seeds. Gain: on a log-log plot a curve R_plain = C n^a shifted
/// right by log g is R_plain(g n); if R_inv(n) = R_plain(g n) then log R_plain(n) - log R_inv(n) = -a log g.
/// So per seed, log g = -(mean over n of the paired log-risk difference) / a with a the plain slope
/// pooled over seeds (the factor of extra samples the plain estimator needs to match the invariant
/// one); the interval is over seeds, on log g, holding the pooled slope fixed.
/// </summary>
public static class SampleComplexityAnalysis
{
    public static (double Slope, double Intercept) FitLogLog(IReadOnlyList<int> n, IReadOnlyList<double> risk)
    {
        var x = n.Select(v => Math.Log(v)).ToArray();
        var y = risk.Select(r => Math.Log(r)).ToArray();
        double mx = x.Average(), my = y.Average();
        double sxy = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        double sxx = x.Sum(v => (v - mx) * (v - mx));
        return (sxy / sxx, my - sxy / sxx * mx);
    }

    public static CaseSummary Summarise(SampleComplexityCase c, IReadOnlyList<CurvePoint> points, int[] sizes)
    {
        var seeds = points.Select(p => p.Seed).Distinct().OrderBy(s => s).ToList();
        List<double> Curve(Estimator est, int seed) =>
            sizes.Select(n => points.Single(p => p.Estimator == est && p.Seed == seed && p.N == n).Risk).ToList();

        var slopePlain = new List<double>();
        var slopeInv = new List<double>();
        var logRatio = new List<double>();
        foreach (int seed in seeds)
        {
            var plain = Curve(Estimator.Plain, seed);
            var inv = Curve(Estimator.Invariant, seed);
            slopePlain.Add(FitLogLog(sizes, plain).Slope);
            slopeInv.Add(FitLogLog(sizes, inv).Slope);
            logRatio.Add(Math.Log(plain[^1] / inv[^1]));
        }
        // A single seed's slope is too noisy to divide by; the pooled plain slope converts the
        // paired vertical shift of each seed into a horizontal one.
        var logGain = LogGains(seeds.Select(seed => Curve(Estimator.Plain, seed)).ToList(), seeds.Select(seed => Curve(Estimator.Invariant, seed)).ToList(), sizes);
        var gainLog = Estimate.Of(logGain);
        var ratioLog = Estimate.Of(logRatio);
        double[] GeoMean(Estimator est) => sizes.Select(n => Math.Exp(points.Where(p => p.Estimator == est && p.N == n).Average(p => Math.Log(p.Risk)))).ToArray();
        double[] MedianNu(Estimator est) => sizes.Select(n => Median(points.Where(p => p.Estimator == est && p.N == n).Select(p => p.Nu))).ToArray();
        // A penalty within a factor 10 of the largest dropped eigenvalue means the fit resolves nearly
        // every retained mode: the truncated problem is then close to parametric, not the Sobolev one.
        var lattice = new FrequencyLattice(c.D, c.Radius, c.Smoothness);
        double dropped = lattice.LargestDroppedEigenvalue();
        // The frequency |k| with w_k = nu: modes inside it are fitted, modes outside are shrunk away.
        double Resolved(double nu) => Math.Sqrt(Math.Max(0, Math.Pow(nu, -1 / c.Smoothness) - 1)) / Math.PI;
        // Finite-n counterpart of |G|: modes the plain fit resolves per invariant mode, at the plain
        // fit's nu at n_max. Low frequencies have small orbits, so this reaches |G| only as nu -> 0.
        double nuEnd = MedianNu(Estimator.Plain)[^1];
        var subspace = c.Subspace(lattice);
        double modeRatio = (double)Enumerable.Range(0, lattice.FeatureCount).Count(i => lattice.EigenvalueOf(i) > nuEnd)
            / subspace.Columns.Count(col => lattice.EigenvalueOf(col[0].Index) > nuEnd);
        double Limited(Estimator est) => points.Where(p => p.Estimator == est).Average(p => p.Nu < 10 * dropped ? 1.0 : 0.0);
        double? ratioTheory = c.GroupOrder is int g ? Math.Pow(g, 2 * c.Smoothness / (2 * c.Smoothness + c.D)) : null;
        return new CaseSummary(c.Group, c.D, c.GroupOrder, c.EffectiveDimension, c.Smoothness, c.Radius,
            Estimate.Of(slopePlain), Estimate.Of(slopeInv), c.SlopeTheoryPlain, c.SlopeTheoryInvariant,
            new Estimate(Math.Exp(gainLog.Mean), Math.Exp(gainLog.Low), Math.Exp(gainLog.High), gainLog.Count), c.GroupOrder,
            new Estimate(Math.Exp(ratioLog.Mean), Math.Exp(ratioLog.Low), Math.Exp(ratioLog.High), ratioLog.Count), ratioTheory,
            sizes, GeoMean(Estimator.Plain), GeoMean(Estimator.Invariant), MedianNu(Estimator.Plain), MedianNu(Estimator.Invariant),
            dropped, Limited(Estimator.Plain), Limited(Estimator.Invariant),
            Resolved(MedianNu(Estimator.Plain)[^1]), Resolved(MedianNu(Estimator.Invariant)[^1]), modeRatio);
    }

    /// <summary>
    /// Per seed, log g = <see cref="PredictedGain.LogShift"/> of that seed's curves with the plain slope pooled over
    /// seeds (a single seed's slope is too noisy to divide by): the measured gain, and the same estimator on predicted curves.
    /// </summary>
    public static double[] LogGains(IReadOnlyList<IReadOnlyList<double>> plain, IReadOnlyList<IReadOnlyList<double>> invariant, IReadOnlyList<int> sizes)
    {
        double pooledSlope = plain.Average(curve => FitLogLog(sizes, curve).Slope);
        return plain.Select((curve, i) => PredictedGain.LogShift(curve.Select(v => Math.Log(v)).ToArray(), invariant[i].Select(v => Math.Log(v)).ToArray(), pooledSlope)).ToArray();
    }

    /// <summary>Measured and predicted (at the chosen ridges) per seed, for the paired theory checks.</summary>
    public static SeedPairs Pairs(IReadOnlyList<CurvePoint> points, int[] sizes)
    {
        var seeds = points.Select(p => p.Seed).Distinct().OrderBy(s => s).ToList();
        IReadOnlyList<double> Curve(Estimator est, int seed, Func<CurvePoint, double> value) =>
            sizes.Select(n => value(points.Single(p => p.Estimator == est && p.Seed == seed && p.N == n))).ToList();
        List<IReadOnlyList<double>> All(Estimator est, Func<CurvePoint, double> value) => seeds.Select(seed => Curve(est, seed, value)).ToList();
        var (plain, inv) = (All(Estimator.Plain, p => p.Risk), All(Estimator.Invariant, p => p.Risk));
        var (plainP, invP) = (All(Estimator.Plain, p => p.RiskPredicted), All(Estimator.Invariant, p => p.RiskPredicted));
        double[] Slopes(List<IReadOnlyList<double>> curves) => curves.Select(c => FitLogLog(sizes, c).Slope).ToArray();
        double[] LogRatioAtEnd(List<IReadOnlyList<double>> a, List<IReadOnlyList<double>> b) => a.Select((c, i) => Math.Log(c[^1] / b[i][^1])).ToArray();
        double[] Pooled(List<IReadOnlyList<double>> measured, List<IReadOnlyList<double>> predicted) =>
            measured.Select((c, i) => c.Select((r, j) => Math.Log(r / predicted[i][j])).Average()).ToArray();
        return new SeedPairs(LogGains(plain, inv, sizes), LogGains(plainP, invP, sizes),
            Slopes(plain), Slopes(plainP), Slopes(inv), Slopes(invP),
            LogRatioAtEnd(plain, inv), LogRatioAtEnd(plainP, invP), Pooled(plain, plainP), Pooled(inv, invP));
    }

    /// <summary>The case's summary with the symmetrised estimator's curve and the theory's predictions (<see cref="CasePrediction"/>).</summary>
    public static CaseSummary WithPredictions(CaseSummary summary, SampleComplexityCase c, IReadOnlyList<CurvePoint> points,
        SampleComplexityDesign design, SampleComplexityTruncation plan)
    {
        var sizes = summary.Sizes;
        var gain = SampleComplexityPrediction.Gain(c, design, plan.MaxRadius);
        double[] GeoMean(Estimator est, Func<CurvePoint, double> value) =>
            sizes.Select(n => Math.Exp(points.Where(p => p.Estimator == est && p.N == n).Average(p => Math.Log(value(p))))).ToArray();
        Estimate AtNMax(Estimator est, Func<CurvePoint, double> value) => Estimate.Of(points.Where(p => p.Estimator == est && p.N == sizes[^1]).OrderBy(p => p.Seed).Select(value).ToList());
        double? NFor(double f) => c.GroupOrder is int g ? gain.SamplesForGain(f * g) : null;
        var optimalPlain = sizes.Select(n => gain.PlainAt(n).ExcessRisk).ToArray();
        var optimalInv = sizes.Select(n => gain.InvariantAt(n).ExcessRisk).ToArray();
        double overSizes = gain.ShiftOverSizes(sizes);
        var symOverPlain = Estimate.Of(points.Where(p => p.Estimator == Estimator.Symmetrised && p.N == sizes[^1]).OrderBy(p => p.Seed)
            .Select(p => p.Risk / points.Single(q => q.Estimator == Estimator.Plain && q.Seed == p.Seed && q.N == p.N).Risk).ToList());
        var predicted = new CasePrediction(plan.Radii, plan.Effect, plan.TranslationEffect,
            overSizes, gain.HorizontalGain(sizes[^1]), summary.Gain.Contains(overSizes),
            NFor(0.5), NFor(0.9), NFor(0.99),
            FitLogLog(sizes, optimalPlain).Slope, FitLogLog(sizes, optimalInv).Slope,
            PredictedGain.LocalExponent(gain.Plain, Math.Pow(2, 30), design.Noise * design.Noise),
            PredictedGain.LocalExponent(gain.Invariant, Math.Pow(2, 30), design.Noise * design.Noise),
            optimalPlain, optimalInv, GeoMean(Estimator.Plain, p => p.RiskPredicted), GeoMean(Estimator.Invariant, p => p.RiskPredicted),
            GeoMean(Estimator.Plain, p => p.Risk / p.RiskPredicted), GeoMean(Estimator.Invariant, p => p.Risk / p.RiskPredicted),
            AtNMax(Estimator.Plain, p => p.Risk / p.RiskPredicted), AtNMax(Estimator.Invariant, p => p.Risk / p.RiskPredicted), symOverPlain)
            { Paired = Pairs(points, sizes) };
        return summary with { GeoMeanRiskSymmetrised = GeoMean(Estimator.Symmetrised, p => p.Risk), Predicted = predicted };
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : Math.Sqrt(v[v.Length / 2 - 1] * v[v.Length / 2]);
    }
}
