using SymmetryProofs.Experiments.SampleComplexity;
using SymmetryProofs.Kernels;

namespace SymmetryProofs.Properties.Experiments.SampleComplexity;

/// <summary>
/// Readings of <see cref="SampleComplexityAnalysis"/> that exact power laws with one slope in D = 1 cannot tell apart: the
/// gain divides by the plain slope pooled (averaged) over seeds, not by one seed's slope; the resolved-mode ratio counts the
/// modes whose eigenvalue is strictly above the chosen penalty; and at s = 3/2 (D = 2) the smoothness enters the resolved
/// radius and the fixed-n risk ratio as stated (at s = 1, s and 1/s coincide).
/// </summary>
public class SampleComplexityPooledSlopeTests
{
    private static readonly int[] Sizes = [64, 128, 256, 512];

    /// <summary>A log, a least-squares slope and a division, each a few ulps of values near 1: 1e-12 relative is far above that.</summary>
    private const double Rounding = 1e-12;

    [Fact]
    public void The_gain_divides_each_seeds_vertical_shift_by_the_mean_plain_slope_over_seeds()
    {
        // Seed 0: slope -1, invariant lower by 2; seed 1: slope -1/2, invariant lower by 8. The pooled slope is -3/4, so
        // log g = log k / (3/4) per seed; with one seed's slope (-1 or -1/2) it would be log k or 2 log k.
        double[] slopes = [-1, -0.5], shifts = [2, 8];
        var plain = slopes.Select(a => (IReadOnlyList<double>)Sizes.Select(n => 3 * Math.Pow(n, a)).ToList()).ToList();
        var invariant = plain.Select((curve, s) => (IReadOnlyList<double>)curve.Select(r => r / shifts[s]).ToList()).ToList();
        var logGains = SampleComplexityAnalysis.LogGains(plain, invariant, Sizes);
        for (int s = 0; s < 2; s++)
        {
            double expected = Math.Log(shifts[s]) / 0.75;
            Assert.True(Math.Abs(logGains[s] - expected) <= Rounding * expected, $"seed {s}: log gain {logGains[s]:R}, expected {expected:R}");
        }
    }

    [Fact]
    public void A_penalty_equal_to_a_modes_eigenvalue_does_not_resolve_that_mode()
    {
        // D = 1 inversion, s = 1: the eigenvalue of |k| = 2 is 1/(1 + 4 pi^2). At exactly that penalty the modes strictly above
        // it are |k| <= 1: 3 plain features (constant, cos 1, sin 1) against 2 invariant ones (constant, cos 1).
        var c = new SampleComplexityCase(1, "inversion", 0, 2, 1, SampleComplexityDesign.SmoothnessFor(1), 8);
        var lattice = new FrequencyLattice(1, 8, 1);
        double nu = lattice.EigenvalueOf(3);
        Assert.Equal(1 / (1 + 4 * Math.PI * Math.PI), nu, 1e-15);
        int[] sizes = [64, 128];
        var points = new List<CurvePoint>();
        for (int s = 0; s < 3; s++)
            foreach (int n in sizes)
            {
                points.Add(new CurvePoint(c.Group, 1, Estimator.Plain, s, n, (1.0 + s) / n, nu, 0));
                points.Add(new CurvePoint(c.Group, 1, Estimator.Invariant, s, n, (1.0 + s) / n / 2, nu, 0));
            }
        var summary = SampleComplexityAnalysis.Summarise(c, points, sizes);
        Assert.Equal(nu, summary.MedianNuPlain[^1]);
        Assert.Equal(1.5, summary.ModeRatioAtNMax);
    }

    [Fact]
    public void The_log_log_fit_returns_the_exponent_and_the_log_constant_of_a_power_law()
    {
        // The slope does not depend on the mean of log risk (the deviations of log n sum to 0); the intercept does.
        var (slope, intercept) = SampleComplexityAnalysis.FitLogLog(Sizes, Sizes.Select(n => 3 * Math.Pow(n, -0.5)).ToList());
        Assert.Equal(-0.5, slope, 1e-12);
        Assert.Equal(Math.Log(3), intercept, 1e-12);
    }

    [Fact]
    public void At_smoothness_three_halves_the_resolved_radius_and_the_fixed_n_ratio_read_s()
    {
        var c = SampleComplexityDesign.Cases().First(k => k.D == 2 && k.GroupOrder is int) with { Radius = 4 };
        Assert.Equal(1.5, c.Smoothness);
        const double Nu = 0.01;
        int[] sizes = [64, 128];
        var points = new List<CurvePoint>();
        for (int s = 0; s < 3; s++)
            foreach (int n in sizes)
            {
                points.Add(new CurvePoint(c.Group, 2, Estimator.Plain, s, n, (1.0 + s) / n, Nu, 0));
                points.Add(new CurvePoint(c.Group, 2, Estimator.Invariant, s, n, (1.0 + s) / n / 2, Nu, 0));
            }
        var summary = SampleComplexityAnalysis.Summarise(c, points, sizes);
        // w = (1 + pi^2 r^2)^(-s) = nu at r = sqrt(nu^(-1/s) - 1) / pi; |G|^(2s/(2s + D)) = |G|^(3/5).
        Assert.Equal(Math.Sqrt(Math.Pow(Nu, -1 / 1.5) - 1) / Math.PI, summary.ResolvedRadiusPlain, 1e-13);
        Assert.Equal(Math.Pow(c.GroupOrder!.Value, 0.6), summary.RiskRatioTheory!.Value, 1e-14);
    }
}
