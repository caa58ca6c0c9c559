using SymmetryProofs.Experiments.SampleComplexity;
using SymmetryProofs.Kernels;

namespace SymmetryProofs.Properties.Experiments.SampleComplexity;

/// <summary>
/// The diagnostics <see cref="SampleComplexityAnalysis.Summarise"/> reports beside the slopes and gains, on planted points
/// of the D = 1 inversion (|G| = 2, s = 1, radius 8): geometric means of the risk per n, the median penalty (odd and even
/// seed counts), the share of fits whose penalty is within a factor 10 of the largest dropped eigenvalue, the resolved
/// radius sqrt(nu^(-1/s) - 1)/pi, the ratio of resolved plain to invariant modes, and the fixed-n risk ratio |G|^(2s/(2s + D)).
/// </summary>
public class SampleComplexitySummaryTests
{
    private static readonly int[] Sizes = [64, 128, 256];
    private static readonly SampleComplexityCase Case = new(1, "inversion", 0, 2, 1, SampleComplexityDesign.SmoothnessFor(1), 8);
    private static readonly double Dropped = new FrequencyLattice(1, 8, 1).LargestDroppedEigenvalue();

    /// <summary>The penalty at which |k| = 2.5 is resolved: w = (1 + pi^2 2.5^2)^(-1) lies between the weights of |k| = 2 and 3.</summary>
    private static readonly double NuResolving2_5 = 1 / (1 + Math.PI * Math.PI * 6.25);

    /// <summary>Risk C_s n^-1 (plain) and C_s n^-1 / 2 (invariant); the penalty at n_max is nuEnd(seed), elsewhere 20 or 5 times the dropped eigenvalue.</summary>
    private static List<CurvePoint> Points(int seeds, Func<int, double> nuEnd, Func<int, double> nuEndInvariant)
    {
        var points = new List<CurvePoint>();
        for (int s = 0; s < seeds; s++)
            foreach (int n in Sizes)
            {
                double c = 1 + s, nuOther = n == 64 ? 5 * Dropped : 20 * Dropped;
                points.Add(new CurvePoint(Case.Group, 1, Estimator.Plain, s, n, c / n, n == 256 ? nuEnd(s) : nuOther, 0));
                points.Add(new CurvePoint(Case.Group, 1, Estimator.Invariant, s, n, c / n / 2, n == 256 ? nuEndInvariant(s) : nuOther, 0));
            }
        return points;
    }

    [Fact]
    public void Summary_diagnostics_follow_from_the_planted_points()
    {
        // Three seeds: the plain penalties at n_max are nu*/4, nu*, 4 nu* (median nu*); the invariant ones are 1 (resolves
        // nothing beyond the constant) and two at exactly 10 times the dropped eigenvalue (not "within" it; their median).
        double[] invariantEnd = [1, 10 * Dropped, 10 * Dropped];
        var s = SampleComplexityAnalysis.Summarise(Case, Points(3, seed => NuResolving2_5 * Math.Pow(4, seed - 1), seed => invariantEnd[seed]), Sizes);
        double geoC = Math.Exp((Math.Log(1) + Math.Log(2) + Math.Log(3)) / 3);
        for (int j = 0; j < Sizes.Length; j++)
        {
            Assert.Equal(geoC / Sizes[j], s.GeoMeanRiskPlain[j], 1e-15);
            Assert.Equal(geoC / Sizes[j] / 2, s.GeoMeanRiskInvariant[j], 1e-15);
        }
        Assert.Equal(NuResolving2_5, s.MedianNuPlain[^1]);
        Assert.Equal(10 * Dropped, s.MedianNuInvariant[^1]);
        Assert.Equal(5 * Dropped, s.MedianNuPlain[0]);
        Assert.Equal(Dropped, s.DroppedEigenvalue);
        // Limited: plain, the three n = 64 fits (5 x dropped) and the nu*/4 fit if below 10 x dropped; invariant, the n = 64 fits only.
        int plainLimited = 3 + new[] { 0.25, 1, 4 }.Count(f => NuResolving2_5 * f < 10 * Dropped);
        Assert.Equal(plainLimited / 9.0, s.TruncationLimitedPlain, 15);
        Assert.Equal(3 / 9.0, s.TruncationLimitedInvariant, 15);
        // sqrt(nu^-1 - 1)/pi at nu = 1/(1 + 6.25 pi^2) is 2.5 up to the rounding of the reciprocal and root (1e-14 relative).
        Assert.Equal(2.5, s.ResolvedRadiusPlain, 1e-13);
        Assert.Equal(Math.Sqrt(1 / (10 * Dropped) - 1) / Math.PI, s.ResolvedRadiusInvariant, 1e-13);
        // |k| <= 2 resolved: 5 plain features (constant, cos and sin of 1 and 2) against 3 invariant ones (constant, cos 1, cos 2).
        Assert.Equal(5.0 / 3, s.ModeRatioAtNMax);
        Assert.Equal(Math.Pow(2, 2.0 / 3), s.RiskRatioTheory!.Value, 1e-15);
        Assert.Equal(2.0, s.GainTheory!.Value);
        Assert.Equal((1, 1.0, 8, -2.0 / 3, -2.0 / 3), (s.DEff, s.S, s.Radius, s.SlopeTheoryPlain, s.SlopeTheoryInvariant));
        Assert.Equal(2.0, s.RiskRatioAtNMax.Mean, 1e-14);
        Assert.Equal(-1.0, s.SlopePlain.Mean, 1e-14);
    }

    /// <summary>
    /// The slopes, the gain and the risk ratio at n_max are means and intervals over seeds taken in ascending seed order,
    /// whatever the order of the points (written here from the last seed to the first): the running mean and variance round
    /// differently in another order, and the planted curves (risk n^-a per seed, a = 0.1, 0.2, 0.3 plain and 0.4, 0.5, 0.7
    /// invariant, the invariant one scaled by 1/q) are ones where they do for every one of the four, so a summary is the same
    /// bit for bit. The expected values are rebuilt here seed by seed from the per-seed definitions.
    /// </summary>
    [Fact]
    public void Estimates_over_seeds_take_the_seeds_in_ascending_order()
    {
        double[] plainExponent = [0.1, 0.2, 0.3], invariantExponent = [0.4, 0.5, 0.7], q = [1.1, 1.3, 1.7];
        double PlainRisk(int seed, int n) => Math.Pow(n, -plainExponent[seed]);
        double InvariantRisk(int seed, int n) => Math.Pow(n, -invariantExponent[seed]) / q[seed];
        var points = new List<CurvePoint>();
        for (int seed = 2; seed >= 0; seed--)
            foreach (int n in Sizes)
            {
                points.Add(new CurvePoint(Case.Group, 1, Estimator.Plain, seed, n, PlainRisk(seed, n), 1e-3, 0));
                points.Add(new CurvePoint(Case.Group, 1, Estimator.Invariant, seed, n, InvariantRisk(seed, n), 1e-3, 0));
            }
        var s = SampleComplexityAnalysis.Summarise(Case, points, Sizes);

        static Estimate Exp(Estimate e) => new(Math.Exp(e.Mean), Math.Exp(e.Low), Math.Exp(e.High), e.Count);
        (Estimate SlopePlain, Estimate SlopeInvariant, Estimate Gain, Estimate Ratio) InOrder(int[] seeds)
        {
            var plain = seeds.Select(seed => (IReadOnlyList<double>)Sizes.Select(n => PlainRisk(seed, n)).ToArray()).ToList();
            var inv = seeds.Select(seed => (IReadOnlyList<double>)Sizes.Select(n => InvariantRisk(seed, n)).ToArray()).ToList();
            return (Estimate.Of(plain.Select(c => SampleComplexityAnalysis.FitLogLog(Sizes, c).Slope).ToList()),
                Estimate.Of(inv.Select(c => SampleComplexityAnalysis.FitLogLog(Sizes, c).Slope).ToList()),
                Exp(Estimate.Of(SampleComplexityAnalysis.LogGains(plain, inv, Sizes))),
                Exp(Estimate.Of(plain.Select((c, i) => Math.Log(c[^1] / inv[i][^1])).ToList())));
        }
        var ascending = InOrder([0, 1, 2]);
        var descending = InOrder([2, 1, 0]);
        var expected = new (Estimate Want, Estimate Other, Estimate Got, string What)[]
        {
            (ascending.SlopePlain, descending.SlopePlain, s.SlopePlain, "plain slope"),
            (ascending.SlopeInvariant, descending.SlopeInvariant, s.SlopeInvariant, "invariant slope"),
            (ascending.Gain, descending.Gain, s.Gain, "gain"),
            (ascending.Ratio, descending.Ratio, s.RiskRatioAtNMax, "risk ratio at n_max"),
        };
        foreach (var (want, other, got, what) in expected)
        {
            Assert.True(want == got, $"{what}: {got}, expected {want}");
            Assert.True(other != want, $"{what}: the planted curves round the same in either seed order; the test cannot see the order");
        }
    }

    /// <summary>
    /// With an even number of seeds the median is the geometric mean of the middle two (penalties are compared on a log
    /// scale); a penalty above the constant's eigenvalue 1 resolves no frequency: radius 0, not the root of a negative number.
    /// </summary>
    [Fact]
    public void Median_penalty_of_an_even_seed_count_is_the_geometric_mean_of_the_middle_two()
    {
        double[] end = [1e-3, 4e-3, 1e-2, 1e-1];
        var s = SampleComplexityAnalysis.Summarise(Case, Points(4, seed => end[3 - seed], seed => 2 + seed), Sizes);
        Assert.Equal(Math.Sqrt(4e-3 * 1e-2), s.MedianNuPlain[^1], 1e-17);
        Assert.Equal(Math.Sqrt(3.0 * 4.0), s.MedianNuInvariant[^1], 1e-15);
        Assert.Equal(0.0, s.ResolvedRadiusInvariant);
    }
}
