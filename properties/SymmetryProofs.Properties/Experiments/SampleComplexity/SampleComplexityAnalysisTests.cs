using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.Distributions;
using SymmetryProofs.Experiments.SampleComplexity;
using SymmetryProofs.IO;
using SymmetryProofs.Kernels;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Experiments.SampleComplexity;

/// <summary>
/// The sample-complexity analysis on synthetic learning curves whose slope and shift are known:
/// the log-log fit, the horizontal-shift gain, the risk ratio and the Student-t intervals.
/// </summary>
public class SampleComplexityAnalysisTests(ITestOutputHelper output)
{
    /// <summary>
    /// Logs of exact powers, a least-squares fit over &lt;= 7 points and a division: each step loses
    /// a few ulps of log n ~ 10 or log C ~ 5; 1e-10 relative is far above that and far below any
    /// modelling error the controls plant.
    /// </summary>
    public const double FitTolerance = 1e-10;

    private static readonly int[] Sizes = Enumerable.Range(6, 7).Select(e => 1 << e).ToArray();

    /// <summary>A synthetic experiment: slope a, gain g, per-seed constants; the invariant curve is the plain one at g n.</summary>
    public sealed record SyntheticCurves(double Slope, double Gain, int Seeds, int Seed)
    {
        public override string ToString() => $"slope {Format.Number(Slope)}, gain {Format.Number(Gain)}, {Seeds} seeds (seed {Seed})";
    }

    private static Arbitrary<SyntheticCurves> Curves() => Arb.From(
        from a in Gen.Choose(1, 40)
        from g in Gen.Choose(2, 48)
        from k in Gen.Choose(2, 6)
        from seed in Gen.Choose(0, 1000)
        select new SyntheticCurves(-a / 20.0, g, k, seed),
        c => (c.Seeds > 2 ? new[] { c with { Seeds = 2 } } : Array.Empty<SyntheticCurves>())
            .Concat(c.Seed > 0 ? new[] { c with { Seed = 0 } } : Array.Empty<SyntheticCurves>()));

    private static readonly SampleComplexityCase Case = new(1, "inversion", 0, 2, 1, SampleComplexityDesign.SmoothnessFor(1), 8);

    /// <summary>Points of <paramref name="c"/>: R_plain = C_s n^a, R_inv = invariant(C_s, n) (by default C_s (g n)^a).</summary>
    private static List<CurvePoint> Points(SyntheticCurves c, Func<double, int, double>? invariant = null)
    {
        var rng = new Random(c.Seed);
        var points = new List<CurvePoint>();
        for (int s = 0; s < c.Seeds; s++)
        {
            double constant = Math.Exp(rng.NextDouble() * 4 - 2);
            foreach (int n in Sizes)
            {
                points.Add(new CurvePoint(Case.Group, Case.D, "plain", s, n, constant * Math.Pow(n, c.Slope), 1e-3, 0));
                points.Add(new CurvePoint(Case.Group, Case.D, "invariant", s, n, invariant?.Invoke(constant, n) ?? constant * Math.Pow(c.Gain * n, c.Slope), 1e-3, 0));
            }
        }
        return points;
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= FitTolerance * Math.Max(1, Math.Abs(b));

    /// <summary>Exact power laws: both fitted slopes equal a, the gain equals g, the risk ratio at n_max equals g^-a, and the intervals collapse onto them.</summary>
    [Fact]
    public void Analysis_recovers_slope_gain_and_risk_ratio_of_exact_power_laws()
    {
        var coverage = new Coverage(output).AtLeast(0.5, "more than two seeds (a non-trivial pooled slope)", "with two seeds the pooled slope is one difference");
        coverage.Check(Prop.ForAll(Curves(), c =>
        {
            var (holds, label) = Recovers(c, Points(c));
            return coverage.Case((holds, label), ("more than two seeds (a non-trivial pooled slope)", c.Seeds > 2), ("slope < -1", c.Slope < -1));
        }));
    }

    /// <summary>
    /// Negative control: an invariant curve lower by the factor g (a vertical shift) is a horizontal
    /// shift by g^(-1/a), not by g; the analysis must not report g. FsCheck finds and shrinks it.
    /// </summary>
    [Fact]
    public void A_vertical_shift_by_g_is_not_a_gain_of_g_and_FsCheck_shrinks_the_counterexample()
    {
        Func<SyntheticCurves, List<CurvePoint>> vertical = c => Points(c, (constant, n) => constant * Math.Pow(n, c.Slope) / c.Gain);
        var found = NegativeControl.Require(Prop.ForAll(Curves(), c => { var (h, l) = Recovers(c, vertical(c)); return Prop.Label(h, l); }), output);
        var shrunk = found.ShrunkAs<SyntheticCurves>();
        Assert.False(Recovers(shrunk, vertical(shrunk)).Holds, "The shrunk case must falsify the property by returning false.");
        Assert.True(shrunk.Seeds == 2, $"Expected two seeds after shrinking; got {shrunk}.");
    }

    private static (bool Holds, string Label) Recovers(SyntheticCurves c, List<CurvePoint> points)
    {
        var s = SampleComplexityAnalysis.Summarise(Case, points, Sizes);
        double ratio = Math.Pow(c.Gain, -c.Slope);
        bool holds = Close(s.SlopePlain.Mean, c.Slope) && Close(s.SlopeInvariant.Mean, c.Slope)
            && Close(s.Gain.Mean, c.Gain) && Close(s.Gain.Low, c.Gain) && Close(s.Gain.High, c.Gain)
            && Close(s.RiskRatioAtNMax.Mean, ratio);
        return (holds, $"slopes {Format.Number(s.SlopePlain.Mean)} / {Format.Number(s.SlopeInvariant.Mean)} (planted {Format.Number(c.Slope)}), " +
            $"gain {Format.Number(s.Gain.Mean)} [{Format.Number(s.Gain.Low)}, {Format.Number(s.Gain.High)}] (planted {Format.Number(c.Gain)}), risk ratio {Format.Number(s.RiskRatioAtNMax.Mean)} (planted {Format.Number(ratio)})");
    }

    /// <summary>
    /// The 95% t-interval of <see cref="Estimate"/> covers the mean of normal samples 95% of the
    /// time, for 2 to 10 seeds: 4000 trials per count, so coverage within 4 binomial standard
    /// errors (4 x 0.0034) of 0.95.
    /// </summary>
    [Fact]
    public void Student_t_intervals_cover_the_mean_95_percent_of_the_time()
    {
        const int Trials = 4000;
        double sigma = Math.Sqrt(0.95 * 0.05 / Trials);
        var rng = new Random(61);
        foreach (int k in new[] { 2, 3, 5, 10 })
        {
            int covered = 0, coveredZ = 0;
            for (int t = 0; t < Trials; t++)
            {
                var values = Enumerable.Range(0, k).Select(_ => 3 + 2 * Normal.Sample(rng, 0, 1)).ToArray();
                var e = Estimate.Of(values);
                if (e.Contains(3)) covered++;
                double sd = Math.Sqrt(values.Sum(v => (v - e.Mean) * (v - e.Mean)) / (k - 1));
                if (Math.Abs(e.Mean - 3) <= 1.96 * sd / Math.Sqrt(k)) coveredZ++;
            }
            double share = (double)covered / Trials, shareZ = (double)coveredZ / Trials;
            output.WriteLine($"{k} seeds: t-interval covers {share:P1}, the normal (z = 1.96) interval {shareZ:P1}");
            Assert.True(Math.Abs(share - 0.95) <= 4 * sigma, $"{k} seeds: coverage {share:P2}, expected 95% +- {4 * sigma:P2}.");
            // Negative control: with few seeds the z-interval is too narrow, and this test sees it.
            if (k <= 3) Assert.True(shareZ < 0.95 - 4 * sigma, $"{k} seeds: the z-interval covers {shareZ:P2}; expected clearly below 95%.");
        }
    }
}
