using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Experiments.SampleComplexity;
using SymmetryProofs.Kernels;

namespace SymmetryProofs.Properties.Experiments.SampleComplexity;

/// <summary>
/// <see cref="SampleComplexityAnalysis.WithPredictions"/> on planted points of the D = 1 inversion (|G| = 2, three seeds,
/// n = 64, 128, 256): every field of <see cref="CasePrediction"/> is the theory's curve read as stated (the predicted gain
/// curve of the case, built here from the same inputs) or the stated mean of the planted risks, and the summary's own fields
/// pass through. The planted risks are powers of 2 over n, so geometric means and ratios are exact up to a few ulps.
/// </summary>
public class SampleComplexityWithPredictionsTests
{
    private static readonly int[] Sizes = [64, 128, 256];
    private static readonly SampleComplexityDesign Design = SampleComplexityDesign.Create(quick: true, seeds: 3, maxLog2: 8);
    private static readonly SampleComplexityCase Case = new(1, "inversion", 0, 2, 1, SampleComplexityDesign.SmoothnessFor(1), 8);

    /// <summary>Radii, effects and translation effects all distinct, so a field read from the wrong array shows.</summary>
    private static readonly SampleComplexityTruncation Plan = new(1, Sizes, [4, 6, 8], [0.011, 0.012, 0.013], [0.021, 0.022, 0.023]);

    private static readonly Lazy<PredictedGain> Gain = new(() => SampleComplexityPrediction.Gain(Case, Design, Plan.MaxRadius));

    /// <summary>
    /// Logs, exponentials, a mean over three seeds and a division: each loses a few ulps of values near 1e-2 to 1e1, so 1e-12
    /// relative is far above the rounding and far below any planted difference (factors of 2 and more).
    /// </summary>
    private const double Rounding = 1e-12;

    /// <summary>
    /// Per seed s = 0, 1, 2: measured risks m_s / n (plain), i_s / n (invariant), y_s / n (symmetrised, no prediction);
    /// predicted risks p_s n^-a_s and q_s n^-b_s with exponents that differ between seeds, so a mean over seeds is not their minimum.
    /// </summary>
    private static readonly double[] PlainMeasured = [0.1, 0.7, 0.2], PlainPredicted = [2, 2, 8], PlainExponent = [1, 0.5, 2],
        InvMeasured = [0.3, 1, 6], InvPredicted = [1, 4, 1], InvExponent = [1, 2, 0.5], Symmetrised = [0.3, 0.6, 1.1];

    private static double Predicted(Estimator e, int s, int n) =>
        e == Estimator.Plain ? PlainPredicted[s] * Math.Pow(n, -PlainExponent[s]) : InvPredicted[s] * Math.Pow(n, -InvExponent[s]);

    private static List<CurvePoint> Points()
    {
        var points = new List<CurvePoint>();
        // Seeds written in reverse order: the per-seed estimates must follow the seed, not the order of the points.
        for (int s = 2; s >= 0; s--)
            foreach (int n in Sizes)
            {
                points.Add(new CurvePoint(Case.Group, 1, Estimator.Plain, s, n, PlainMeasured[s] / n, 1e-3, 0, 8, Predicted(Estimator.Plain, s, n)));
                points.Add(new CurvePoint(Case.Group, 1, Estimator.Invariant, s, n, InvMeasured[s] / n, 1e-3, 0, 8, Predicted(Estimator.Invariant, s, n)));
                points.Add(new CurvePoint(Case.Group, 1, Estimator.Symmetrised, s, n, Symmetrised[s] / n, 1e-3, 0, 8));
            }
        return points;
    }

    /// <summary>f of seeds 0, 1, 2 in seed order.</summary>
    private static double[] PerSeed(Func<int, double> f) => [f(0), f(1), f(2)];

    private static double GeoMean(double[] v) => Math.Exp(v.Average(Math.Log));

    private static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Rounding * Math.Abs(expected), $"{what}: {actual:R}, expected {expected:R}");

    private static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int j = 0; j < expected.Count; j++) Close(expected[j], actual[j], $"{what}[{j}]");
    }

    [Fact]
    public void Predictions_are_the_theory_curves_at_the_measured_sizes_and_the_stated_means_of_the_planted_risks()
    {
        var points = Points();
        var summary = SampleComplexityAnalysis.Summarise(Case, points, Sizes);
        var result = SampleComplexityAnalysis.WithPredictions(summary, Case, points, Design, Plan);
        var p = result.Predicted!;
        var gain = Gain.Value;

        Assert.Same(Plan.Radii, p.Radii);
        Assert.Same(Plan.Effect, p.TruncationEffect);
        Assert.Same(Plan.TranslationEffect, p.TranslationTruncationEffect);
        // The theory's curves of the case, read at the measured sizes, at n_max and at the stated fractions of |G| = 2.
        var optimalPlain = Sizes.Select(n => gain.PlainAt(n).ExcessRisk).ToArray();
        var optimalInv = Sizes.Select(n => gain.InvariantAt(n).ExcessRisk).ToArray();
        Close(optimalPlain, p.OptimalRiskPlain, "optimal plain");
        Close(optimalInv, p.OptimalRiskInvariant, "optimal invariant");
        Assert.True(optimalPlain.Zip(optimalInv).All(t => t.First > t.Second), "the invariant estimator's optimal risk should be below the plain one's");
        Close(gain.ShiftOverSizes(Sizes), p.GainOverSizes, "gain over sizes");
        Close(gain.HorizontalGain(256), p.GainAtNMax, "gain at n_max");
        Assert.NotEqual(p.GainOverSizes, p.GainAtNMax);
        // Whether the measured gain's interval holds the prediction over the sizes (Estimate.Contains is pinned on its own below).
        Assert.Equal(summary.Gain.Contains(p.GainOverSizes), p.GainInInterval);
        Assert.Equal(gain.SamplesForGain(1.0), p.NForHalfG);
        Assert.Equal(gain.SamplesForGain(1.8), p.NFor09G);
        Assert.Equal(gain.SamplesForGain(1.98), p.NFor099G);
        Assert.True(p.NForHalfG < p.NFor09G && p.NFor09G < p.NFor099G, $"{p.NForHalfG} {p.NFor09G} {p.NFor099G}");
        Close(SampleComplexityAnalysis.FitLogLog(Sizes, optimalPlain).Slope, p.SlopePlainOverSizes, "plain slope over sizes");
        Close(SampleComplexityAnalysis.FitLogLog(Sizes, optimalInv).Slope, p.SlopeInvariantOverSizes, "invariant slope over sizes");
        Close(PredictedGain.LocalExponent(gain.Plain, Math.Pow(2, 30), Design.Noise * Design.Noise), p.ExponentPlainFar, "plain exponent at 2^30");
        Close(PredictedGain.LocalExponent(gain.Invariant, Math.Pow(2, 30), Design.Noise * Design.Noise), p.ExponentInvariantFar, "invariant exponent at 2^30");
        Assert.NotEqual(p.ExponentPlainFar, p.ExponentInvariantFar);

        // Geometric means over seeds per n.
        Close(Sizes.Select(n => GeoMean(PerSeed(t => Predicted(Estimator.Plain, t, n)))).ToArray(), p.GeoMeanPredictedPlain, "geometric mean predicted plain");
        Close(Sizes.Select(n => GeoMean(PerSeed(t => Predicted(Estimator.Invariant, t, n)))).ToArray(), p.GeoMeanPredictedInvariant, "geometric mean predicted invariant");
        Close(Sizes.Select(n => GeoMean(PerSeed(t => PlainMeasured[t] / n / Predicted(Estimator.Plain, t, n)))).ToArray(), p.RatioPlain, "ratio plain");
        Close(Sizes.Select(n => GeoMean(PerSeed(t => InvMeasured[t] / n / Predicted(Estimator.Invariant, t, n)))).ToArray(), p.RatioInvariant, "ratio invariant");
        Close(Sizes.Select(n => GeoMean(Symmetrised) / n).ToArray(), result.GeoMeanRiskSymmetrised, "geometric mean symmetrised");

        // The estimates at n_max take the seeds in seed order, whatever the order of the points: the running mean and variance
        // round differently in another order, and these planted values are ones where they do, so a report is the same bit for bit.
        double Risk(Estimator e, int seed) => points.Single(q => q.Estimator == e && q.Seed == seed && q.N == 256).Risk;
        double RatioAt(Estimator e, int seed) => Risk(e, seed) / Predicted(e, seed, 256);
        var expected = new (double[] Values, Estimate Got, string What)[]
        {
            (PerSeed(t => RatioAt(Estimator.Plain, t)), p.RatioPlainAtNMax, "ratio plain at n_max"),
            (PerSeed(t => RatioAt(Estimator.Invariant, t)), p.RatioInvariantAtNMax, "ratio invariant at n_max"),
            (PerSeed(t => Risk(Estimator.Symmetrised, t) / Risk(Estimator.Plain, t)), p.SymmetrisedOverPlainAtNMax, "symmetrised over plain at n_max"),
        };
        foreach (var (values, got, what) in expected)
        {
            Assert.True(Estimate.Of(values) == got, $"{what}: {got}, expected {Estimate.Of(values)}");
            Assert.True(Estimate.Of([.. values.Reverse()]) != got, $"{what}: the planted values round the same in either order; the test cannot see the order");
        }

        // The paired quantities are those of Pairs, and the chosen-ridge gain and slopes read them.
        var pairs = SampleComplexityAnalysis.Pairs(points, Sizes);
        Close(pairs.LogGainPredicted, p.Paired!.LogGainPredicted, "paired log gain predicted");
        Close(pairs.PooledLogRatioInvariant, p.Paired.PooledLogRatioInvariant, "paired pooled invariant");
        Close(Math.Exp(pairs.LogGainPredicted.Average()), p.GainChosenRidge, "gain at the chosen ridge");
        Close(pairs.SlopePlainPredicted.Average(), p.SlopeLocalPlain, "local plain slope");
        Close(pairs.SlopeInvariantPredicted.Average(), p.SlopeLocalInvariant, "local invariant slope");

        // Everything else is the summary as it was.
        Assert.Equal(summary, result with { GeoMeanRiskSymmetrised = summary.GeoMeanRiskSymmetrised, Predicted = summary.Predicted });
    }

    [Fact]
    public void Without_the_theory_the_chosen_ridge_quantities_are_NaN()
    {
        var p = new CasePrediction([], [], [], 1, 1, true, null, null, null, 1, 1, 1, 1, [], [], [], [], [], [],
            new Estimate(1, 1, 1, 1), new Estimate(1, 1, 1, 1), new Estimate(1, 1, 1, 1));
        Assert.True(double.IsNaN(p.GainChosenRidge) && double.IsNaN(p.SlopeLocalPlain) && double.IsNaN(p.SlopeLocalInvariant));
    }

    [Fact]
    public void An_estimate_holds_its_end_points_and_reads_the_seed_statistics()
    {
        var e = new Estimate(1, 0.5, 2, 3);
        Assert.True(e.Contains(0.5) && e.Contains(2) && e.Contains(1));
        Assert.False(e.Contains(Math.BitDecrement(0.5)) || e.Contains(Math.BitIncrement(2.0)) || e.Contains(double.NaN));
        double[] values = [1, 2, 4, 8];
        var s = SeedStatistics.Of(values);
        Assert.Equal(new Estimate(s.Mean, s.Low95, s.High95, 4), Estimate.Of(values));
        Assert.True(s.Low95 < s.Mean && s.Mean < s.High95, "a spread of seeds gives an interval of positive width");
    }
}
