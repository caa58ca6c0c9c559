using SymmetryProofs.Experiments.SampleComplexity;

namespace SymmetryProofs.Properties.Experiments.SampleComplexity;

/// <summary>
/// The theory checks of <see cref="SampleComplexityChecks"/> on planted summaries: a measured gain
/// interval that contains the predicted gain and ratio intervals that contain 1 hold; moving the
/// prediction out of the interval, or the ratios away from 1, makes exactly those checks fail (exit code 1).
/// </summary>
public class SampleComplexityChecksTests
{
    private static readonly int[] Sizes = [64, 128, 256];
    private static readonly SampleComplexityCase Case = new(1, "inversion", 0, 2, 1, SampleComplexityDesign.SmoothnessFor(1), 8);

    /// <summary>Power laws with gains 1.9, 2, 2.1 over three seeds (an interval around 2), with a prediction attached.</summary>
    private static CaseSummary Planted(double predictedGain, double ratio, double ratioHalfWidth = 0.1)
    {
        var points = new List<CurvePoint>();
        for (int seed = 0; seed < 3; seed++)
            foreach (int n in Sizes)
            {
                points.Add(new CurvePoint(Case.Group, Case.D, "plain", seed, n, (1 + 0.1 * seed) * Math.Pow(n, -0.5), 1e-3, 0));
                points.Add(new CurvePoint(Case.Group, Case.D, "invariant", seed, n, (1 + 0.1 * seed) * Math.Pow((1.9 + 0.1 * seed) * n, -0.5), 1e-3, 0));
            }
        var summary = SampleComplexityAnalysis.Summarise(Case, points, Sizes);
        var ratios = new Estimate(ratio, ratio * (1 - ratioHalfWidth), ratio * (1 + ratioHalfWidth), 3);
        var prediction = new CasePrediction([4, 4, 4], [0, 0, 0], [double.NaN, double.NaN, double.NaN],
            predictedGain, predictedGain, summary.Gain.Contains(predictedGain),
            64, 1024, null, -0.5, -0.5, -0.5, -0.5, [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], [ratio, ratio, ratio], [ratio, ratio, ratio],
            ratios, ratios, new Estimate(0.9, 0.8, 1.0, 3));
        return summary with { Predicted = prediction };
    }

    [Fact]
    public void Predictions_inside_the_intervals_hold_and_outside_fail()
    {
        var agree = SampleComplexityChecks.Evaluate([Planted(predictedGain: 2, ratio: 1)]);
        Assert.All(agree, c => Assert.True(c.Held, c.ToString()));
        Assert.Equal(0, SymmetryProofs.Experiments.Runs.Check.ExitCode(agree));

        var gainOff = SampleComplexityChecks.Evaluate([Planted(predictedGain: 3, ratio: 1)]);
        Assert.Contains(gainOff, c => !c.Held && c.Name.Contains("contains the predicted gain"));
        Assert.Equal(1, SymmetryProofs.Experiments.Runs.Check.ExitCode(gainOff));

        var ratioOff = SampleComplexityChecks.Evaluate([Planted(predictedGain: 2, ratio: 1.5)]);
        Assert.Equal(2, ratioOff.Count(c => !c.Held && c.Name.Contains("agrees with the theory")));
    }

    /// <summary>
    /// An interval that contains the prediction only because it is wide confirms nothing: with three seeds and the
    /// three theory checks of one case, the joint interval of a +-30% ratio spans about +-0.53 (inconclusive); a
    /// +-1% one about +-0.02, which resolves the 25% the rule asks (holds).
    /// </summary>
    [Fact]
    public void A_wide_interval_that_contains_the_prediction_is_inconclusive_not_holding()
    {
        var wide = SampleComplexityChecks.Evaluate([Planted(predictedGain: 2, ratio: 1, ratioHalfWidth: 0.3)]).Where(c => c.Name.Contains("agrees with the theory")).ToList();
        Assert.Equal(2, wide.Count);
        Assert.All(wide, c => Assert.True(c.Held && !c.Conclusive, c.ToString()));
        var narrow = SampleComplexityChecks.Evaluate([Planted(predictedGain: 2, ratio: 1, ratioHalfWidth: 0.01)]).Where(c => c.Name.Contains("agrees with the theory")).ToList();
        Assert.All(narrow, c => Assert.True(c.Held && c.Conclusive, c.ToString()));
        var off = SampleComplexityChecks.Evaluate([Planted(predictedGain: 2, ratio: 1.5, ratioHalfWidth: 0.01)]).Where(c => c.Name.Contains("agrees with the theory")).ToList();
        Assert.All(off, c => Assert.True(!c.Held && c.Conclusive, c.ToString()));
    }
}
