using SymmetryProofs.Experiments.Hessian;

namespace SymmetryProofs.Properties.Experiments.Hessian;

/// <summary>
/// The decay law (<see cref="DecayPrediction"/>) on planted decays c = A exp(-r K): the rate and the K where c crosses
/// the threshold are recovered from the unresolved points alone, and compared with the first resolved grid.
/// </summary>
public class DecayPredictionTests
{
    private static readonly int[] Ks = [2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128];
    private const int B = 3;
    private const double Threshold = HessianAnalysis.FlatThreshold;

    private static SeedCurve Curve(int seed, Func<int, double> c) => new(seed, Ks.Select(k => new CurvaturePoint(k, c(k))).ToList());

    [Fact]
    public void A_planted_exact_decay_gives_back_its_rate_and_crossing()
    {
        // c = 0.02 exp(-0.1 K): crosses 1e-6 at K = ln(2e4)/0.1 = 99.03, between the sweep's 96 and 128.
        var curves = Enumerable.Range(0, 4).Select(s => Curve(s, k => k <= 2 * B ? 0.01 * (1 + s) : 0.02 * Math.Exp(-0.1 * k))).ToList();
        var d = DecayPrediction.Of(curves, B, Threshold, HessianChecks.RoundingFloor);
        Assert.Equal(4, d.Seeds.Count);
        double crossing = Math.Log(0.02 / Threshold) / 0.1;
        foreach (var s in d.Seeds)
        {
            // A least-squares line through points exactly on a line: rounding of ln and of the sums over <= 8 points, |ln c| <= 14.
            Assert.True(Math.Abs(s.Rate - 0.1) < 1e-12, $"rate {s.Rate}");
            Assert.True(Math.Abs(s.PredictedK - crossing) < 1e-9, $"predicted {s.PredictedK} against {crossing}");
            Assert.Equal(128, s.WorkedK);
            Assert.Equal(96, s.LastUnresolvedK);
            Assert.True(s.Consistent);
            // Only unresolved points beyond the onset are fitted: K = 8 .. 96.
            Assert.Equal(8, s.Fit.Points);
        }
        Assert.True(d.Rate.Low95 < 0.1 + 1e-12 && d.Rate.High95 > 0.1 - 1e-12);
    }

    [Fact]
    public void Rates_that_differ_between_seeds_give_an_interval_that_holds_their_mean()
    {
        double[] rates = [0.06, 0.08, 0.1, 0.12];
        var curves = rates.Select((r, s) => Curve(s, k => 0.02 * Math.Exp(-r * k))).ToList();
        var d = DecayPrediction.Of(curves, B, Threshold, HessianChecks.RoundingFloor);
        Assert.Equal(rates.Average(), d.Rate.Mean, 12);
        Assert.True(d.Rate.Low95 > 0 && d.Rate.Low95 < 0.06 + 0.04 && d.Rate.High95 > 0.09);
        // The slowest seed (0.06) crosses at ln(2e4)/0.06 = 165: beyond the sweep, so no grid worked there.
        var slow = d.Seeds.Single(s => s.Seed == 0);
        Assert.Null(slow.WorkedK);
        Assert.Null(slow.Consistent);
        Assert.Equal(Math.Log(2e4) / 0.06, slow.PredictedK, 9);
    }

    /// <summary>Controls: a constant curve predicts no crossing (infinite K), and a curve whose last grid falls off a cliff shows an inconsistent prediction.</summary>
    [Fact]
    public void A_flat_curve_predicts_no_crossing_and_a_cliff_is_reported_inconsistent()
    {
        var flat = DecayPrediction.Of([Curve(0, _ => 1e-3), Curve(1, _ => 2e-3)], B, Threshold, HessianChecks.RoundingFloor);
        Assert.All(flat.Seeds, s => Assert.True(double.IsPositiveInfinity(s.PredictedK)));
        Assert.All(flat.Seeds, s => Assert.Null(s.WorkedK));
        Assert.Equal(0, flat.PredictedK.Count);

        // Slow decay to K = 64 (it would cross far beyond the sweep), then far below the threshold at 96: the prediction lies beyond 96.
        var cliff = DecayPrediction.Of([Curve(0, k => k >= 96 ? 1e-9 : 0.02 * Math.Exp(-0.01 * k))], B, Threshold, HessianChecks.RoundingFloor);
        var s0 = Assert.Single(cliff.Seeds);
        Assert.Equal(96, s0.WorkedK);
        Assert.False(s0.Consistent);
    }
}
