using FsCheck;
using FsCheck.Fluent;
using SymmetryProofs.Experiments.LearningCurves;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Experiments.LearningCurves;

/// <summary>
/// The learning-curve analysis on planted curves whose crossings are known: the log-n interpolation of the sample
/// count, null when never reached, the flag when reached at the smallest size, and the data gain with its bootstrap.
/// </summary>
public class LearningCurvesAnalysisTests(ITestOutputHelper output)
{
    /// <summary>
    /// One log, one division, one exp of numbers ~ 1e3, plus the accuracy differences (~ 1e-1, each a few ulps): well
    /// under 1e-12 relative; 1e-10 leaves room and is far below any error a wrong rule makes (the control's are > 1e-3).
    /// </summary>
    public const double Tolerance = 1e-10;

    private static bool Close(double a, double b) => Math.Abs(a - b) <= Tolerance * Math.Max(1, Math.Abs(b));

    private static (double, double)[] LogCurve(PlantedCurve c) => PlantedCurve.Sizes.Select(n => ((double)n, c.A + c.B * Math.Log(n / 16.0))).ToArray();

    /// <summary>The premise dropped: accuracy linear in n, with the same ends, so the crossing is not where log-n interpolation puts it.</summary>
    private static (double, double)[] LinearCurve(PlantedCurve c) =>
        PlantedCurve.Sizes.Select(n => ((double)n, c.A + c.B * Math.Log(32) * (n - 16) / (512.0 - 16))).ToArray();

    private static double LinearCrossing(PlantedCurve c) => 16 + (c.Target - c.A) / (c.B * Math.Log(32)) * (512.0 - 16);

    private static (bool Holds, string Label) Reads(PlantedCurve c, (double, double)[] curve, double crossing)
    {
        var reach = CurveAnalysis.SamplesToReach(curve, c.Target);
        bool holds = crossing <= 16 ? reach.AtSmallest && reach.Samples == 16
            : crossing > 512 ? !reach.Reached
            : !reach.AtSmallest && reach.Samples is double n && Close(n, crossing);
        return (holds, $"read {reach.Samples?.ToString("R") ?? "null"}{(reach.AtSmallest ? " (at smallest)" : "")}, planted {crossing:R}");
    }

    private static string Where(PlantedCurve c) => c.U <= 0 ? "reached at the smallest size" : c.U > 5 ? "never reached" : "crossing between sizes";

    /// <summary>On a curve linear in log n the rule reads the planted crossing exactly; null past the largest size; the smallest size, flagged, at or below it.</summary>
    [Fact]
    public void Samples_to_reach_interpolates_in_log_n_and_is_null_when_never_reached()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.4, "where", "a crossing between sizes is what the rule interpolates", "crossing between sizes")
            .AtLeast(0.1, "where", "a never-reached target must read null", "never reached")
            .AtLeast(0.05, "where", "a target met at the smallest size must be flagged", "reached at the smallest size");
        coverage.Check(Prop.ForAll(Arbs.PlantedCurves(), c => coverage.Case(Reads(c, LogCurve(c), c.Crossing), ("where", Where(c)))));
    }

    /// <summary>Negative control: on a curve linear in n the log-n rule misreads a crossing between sizes; FsCheck finds one and shrinks it.</summary>
    [Fact]
    public void Log_n_interpolation_misreads_a_curve_linear_in_n_and_FsCheck_shrinks_it()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.PlantedCurves(), c => { var (h, l) = Reads(c, LinearCurve(c), LinearCrossing(c)); return Prop.Label(h, l); }), output);
        var shrunk = found.ShrunkAs<PlantedCurve>();
        Assert.False(Reads(shrunk, LinearCurve(shrunk), LinearCrossing(shrunk)).Holds, "The shrunk case must falsify the property by returning false.");
        Assert.True(shrunk.Seeds == 2 && shrunk.Seed == 0, $"Expected the shrinker to reach two seeds and seed 0; got {shrunk}.");
    }

    /// <summary>Points of two curves over seeds: the baseline crosses the target at 16 2^u, the config (shifted left by 2^v) at 16 2^(u-v); per-seed offsets up to 0.02.</summary>
    internal static List<CurvePoint> Shifted(PlantedCurve c, string config, string baseline)
    {
        var rng = new Random(c.Seed);
        var points = new List<CurvePoint>();
        for (int s = 0; s < c.Seeds; s++)
        {
            double offset = (rng.NextDouble() - 0.5) * 0.04;
            foreach (int n in PlantedCurve.Sizes)
            {
                double b = c.A + offset + c.B * Math.Log(n / 16.0), g = c.A + offset + c.B * Math.Log(c.Gain * n / 16.0);
                points.Add(new CurvePoint(baseline, n, s, b, b, b + 0.1, false, 1, 10, true));
                points.Add(new CurvePoint(config, n, s, Math.Min(g, 1), Math.Min(g, 1), 1, false, 1, 10, true));
            }
        }
        return points;
    }

    /// <summary>
    /// The gain of a curve shifted left by g is g, measured, with a bootstrap interval collapsed on g, whenever both
    /// crossings (moved by the seed offsets at most 0.02 / (b ln 2) &lt;= 0.73 in log2 n) stay between measured sizes.
    /// </summary>
    [Fact]
    public void Data_gain_of_a_curve_shifted_by_g_is_g_with_its_interval()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.15, "where", "only a gain with both crossings between sizes is asserted", "both crossings between sizes");
        coverage.Check(Prop.ForAll(Arbs.PlantedCurves(), c =>
        {
            bool inside = c.U - c.V >= 0.75 && c.U <= 4.25;
            if (!inside) return coverage.Case((true, "outside the planted range"), ("where", "crossing near an end (not asserted)"));
            var index = new PointIndex(Shifted(c, "neighbour", "augmentation"));
            var g = DataGain.Estimate(index, "neighbour", "augmentation", c.Target, 200, 1, new Random(c.Seed));
            bool holds = g.Kind == GainKind.Measured && Close(g.Value, c.Gain) && Close(g.Low, c.Gain) && Close(g.High, c.Gain) && g.Defined == 200;
            return coverage.Case((holds, $"gain {g.Describe("R")} [{g.Low:R}, {g.High:R}], planted {c.Gain:R}"), ("where", "both crossings between sizes"));
        }));
    }

    /// <summary>A baseline that never reaches the target gives a gain bounded below by n_max / n_config; one reached at the smallest size by both is undefined.</summary>
    [Fact]
    public void Censored_gains_are_bounds_or_undefined_never_measured()
    {
        var c = new PlantedCurve(0.3, 0.1, 6, 2, 3, 1);
        var index = new PointIndex(Shifted(c, "neighbour", "augmentation"));
        var g = DataGain.Estimate(index, "neighbour", "augmentation", c.Target, 200, 1, new Random(1));
        Assert.Equal(GainKind.AtLeast, g.Kind);
        Assert.False(g.Baseline.Reached);
        Assert.True(Close(g.Value, 512 / g.Config.Samples!.Value), g.Describe("R"));
        var low = new PlantedCurve(0.3, 0.1, -1, 2, 3, 1);
        var both = DataGain.Estimate(new PointIndex(Shifted(low, "neighbour", "augmentation")), "neighbour", "augmentation", low.Target, 200, 1, new Random(1));
        Assert.Equal(GainKind.Undefined, both.Kind);
        Assert.True(double.IsNaN(both.Low) && double.IsNaN(both.High), "No interval from undefined replicates.");
    }
}
