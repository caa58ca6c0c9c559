using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Experiments.Runs;

/// <summary>The one summary over seeds: hand values, the one-seed rule, and agreement with MathNet's own statistics.</summary>
public sealed class SeedStatisticsTests(ITestOutputHelper output)
{
    // Mean, sd and the t quantile are a handful of roundings each (n <= 40 terms of size <= 1e3),
    // so the two routes agree to far better than 1e-12 relative; a formula error would be O(1).
    private const double RoundingTolerance = 1e-12;

    [Fact]
    public void Four_seeds_give_the_hand_computed_mean_sd_and_interval()
    {
        var s = SeedStatistics.Of([1.0, 2.0, 3.0, 4.0]);
        Assert.Equal(4, s.Count);
        Assert.Equal(2.5, s.Mean, RoundingTolerance);
        // sd = sqrt(((1.5^2 + 0.5^2) * 2) / 3) = sqrt(5/3); t_{0.975, 3} = 3.182446305284263 (tables).
        Assert.Equal(Math.Sqrt(5.0 / 3.0), s.Sd, RoundingTolerance);
        Assert.Equal(3.182446305284263 * Math.Sqrt(5.0 / 3.0) / 2, s.HalfWidth95, 1e-9);
        Assert.Equal("2.500 ± 1.291", s.Format());
    }

    [Fact]
    public void One_seed_has_a_mean_and_no_spread()
    {
        var s = SeedStatistics.Of([0.75]);
        Assert.Equal(0.75, s.Mean);
        Assert.True(double.IsNaN(s.Sd) && double.IsNaN(s.Low95) && double.IsNaN(s.High95));
        Assert.Equal("0.750 (1 seed)", s.Format());
        Assert.Equal("n/a", SeedStatistics.Of([]).Format());
        Assert.True(double.IsNaN(SeedStatistics.Of([]).Mean));
    }

    private static double[] Values(int[] raw) => raw.Select(v => v / 7.0).ToArray();

    private static bool AgreesWithMathNet(double[] v)
    {
        var s = SeedStatistics.Of(v);
        // MathNet's IEnumerable route (streaming), a different code path from the array statistics used inside.
        IEnumerable<double> stream = v.Select(x => x);
        double mean = stream.Mean(), sd = stream.StandardDeviation();
        // MathNet's Student-t refuses 0 degrees of freedom; below two seeds there is no interval to compare (the property is then false, not an error).
        double half = v.Length < 2 ? double.NaN : StudentT.InvCDF(0, 1, v.Length - 1, 0.975) * sd / Math.Sqrt(v.Length);
        bool Close(double a, double b) => Math.Abs(a - b) <= RoundingTolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
        return Close(s.Mean, mean) && Close(s.Sd, sd) && Close(s.Low95, mean - half) && Close(s.High95, mean + half);
    }

    [Fact]
    public void Two_or_more_seeds_agree_with_MathNet()
    {
        var coverage = new Coverage(output).AtLeast(0.5, "spread > 0", "equal values only check a zero spread");
        coverage.Check(Prop.ForAll(ArbMap.Default.ArbFor<int[]>(), raw =>
        {
            var v = Values(raw);
            return coverage.Case((v.Length < 2 || AgreesWithMathNet(v)).ToProperty(),
                ("fewer than two seeds (rule: no spread)", v.Length < 2), ("two or more seeds", v.Length >= 2), ("spread > 0", v.Length >= 2 && v.Distinct().Count() > 1));
        }), maxTest: 200);
    }

    [Fact]
    public void Negative_control_dropping_the_two_seed_premise_is_falsified_by_one_seed()
    {
        // Without n >= 2 the claim "sd and interval are finite and agree with MathNet" must fail: one seed has no spread.
        var property = Prop.ForAll(ArbMap.Default.ArbFor<int[]>(), raw => AgreesWithMathNet(Values(raw)));
        var f = NegativeControl.Find(property, 200);
        Assert.NotNull(f);
        output.WriteLine(f!.Message);
        Assert.True(f.ShrunkAs<int[]>().Length <= 1, $"Shrunk to {f.ShrunkAs<int[]>().Length} values.");
    }
}
