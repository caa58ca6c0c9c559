using SymmetryProofs.Experiments.SampleComplexity;
using SymmetryProofs.Kernels;

namespace SymmetryProofs.Properties.Experiments.SampleComplexity;

/// <summary>
/// Two readings of <see cref="SampleComplexityAnalysis"/> that exact power laws with one slope cannot tell apart: the gain
/// divides by the plain slope pooled (averaged) over seeds, not by one seed's slope, and the resolved-mode ratio counts the
/// modes whose eigenvalue is strictly above the chosen penalty.
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
}
