using SymmetryProofs.Experiments.LearningCurves;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Experiments.LearningCurves;

/// <summary>
/// The verdicts on Bergman's abstract on planted experiments: a symmetric net that is planted better gets "holds" on
/// every part, one planted worse gets FAILS, and one planted equal (controls) never gets "holds".
/// </summary>
public class AbstractVerdictsTests(ITestOutputHelper output)
{
    private static readonly int[] Sizes = [16, 32, 64, 128, 256, 512];

    /// <summary>
    /// Five seeds, four configurations. The augmentation baseline: accuracy 0.3 + 0.1 ln(n/16), gap 0.2, 10 s; the reference
    /// 0.2 lower, gap 0.3, 12 s. The invariant nets: the augmentation curve at <paramref name="gain"/> n, gap 0.2 + <paramref name="extraGap"/>,
    /// 10 + <paramref name="extraSeconds"/> s; each seed adds +e, -e, +e, -e, 0 (e = 0.01) to the nets' accuracies, gaps and seconds, so the mean is planted exactly.
    /// </summary>
    internal static List<CurvePoint> Planted(double gain, double extraGap, double extraSeconds)
    {
        double[] noise = [0.01, -0.01, 0.01, -0.01, 0];
        var points = new List<CurvePoint>();
        for (int s = 0; s < noise.Length; s++)
            foreach (int n in Sizes)
            {
                // Baselines carry the noise of the seed, the invariant nets its opposite, so paired differences are not constant.
                double e = noise[s], f = -noise[(s + 1) % noise.Length];
                double aug = 0.3 + 0.1 * Math.Log(n / 16.0) + e;
                points.Add(Point("augmentation", n, s, aug, 0.2 + e, 10 + e, true));
                points.Add(Point("reference", n, s, aug - 0.2, 0.3 + e, 12 + e, false));
                foreach (var c in new[] { "neighbour", "permutation" })
                    points.Add(Point(c, n, s, 0.3 + 0.1 * Math.Log(gain * n / 16.0) + f, 0.2 + extraGap + f, 10 + extraSeconds + f, false));
            }
        return points;
    }

    /// <summary>
    /// A point with symmetric accuracy <paramref name="symmetric"/> (R = R-bar), the given over-fitting gap, and <paramref name="seconds"/>
    /// to reach both loss targets (the second one half a second later).
    /// </summary>
    private static CurvePoint Point(string config, int n, int seed, double symmetric, double gap, double seconds, bool both) =>
        new(config, n, seed, symmetric, symmetric, symmetric + gap, both, seconds + 1, 100, true,
            [new TargetReach(LossTargets[0], 50, seconds), new TargetReach(LossTargets[1], 60, seconds + 0.5)]);

    private static readonly double[] LossTargets = [0.5, 0.3];

    private LearningCurvesResults Verdicts(double gain, double extraGap, double extraSeconds)
    {
        var r = LearningCurvesResults.Compute(Planted(gain, extraGap, extraSeconds), LearningCurvesConfig.All, [0.5, 0.6], LossTargets, 500);
        foreach (var v in r.Verdicts) output.WriteLine($"{v.Part} / {v.Config} vs {v.Baseline}: {Verdict.Word(v.Finding)} ({v.Detail})");
        return r;
    }

    [Fact]
    public void A_symmetric_net_planted_better_on_every_part_gets_holds_on_every_part()
    {
        var r = Verdicts(gain: 4, extraGap: -0.1, extraSeconds: -3);
        Assert.All(r.Parts, p => Assert.Equal(Finding.Holds, p.Finding));
        var gain = r.Configs.Single(c => c.Config == "neighbour").VsAugmentation[0];
        Assert.Equal(GainKind.Measured, gain.Kind);
        Assert.True(Math.Abs(gain.Value - 4) <= 1e-9 * 4, $"planted gain 4, read {gain.Value:R}");
    }

    /// <summary>Negative control: planted worse on every part (gain 1/4, larger gap, slower), every part must FAIL.</summary>
    [Fact]
    public void A_symmetric_net_planted_worse_gets_FAILS_on_every_part()
    {
        var r = Verdicts(gain: 0.25, extraGap: 0.1, extraSeconds: 3);
        Assert.All(r.Parts, p => Assert.Equal(Finding.Fails, p.Finding));
    }

    /// <summary>Negative control: planted equal to augmentation (zero mean difference, seed noise only), no verdict against augmentation may be "holds".</summary>
    [Fact]
    public void A_symmetric_net_planted_equal_never_gets_holds_against_augmentation()
    {
        var r = Verdicts(gain: 1, extraGap: 0, extraSeconds: 0);
        var vsAugmentation = r.Verdicts.Where(v => v.Baseline == CurveRole.Augmentation).ToList();
        Assert.Equal(6, vsAugmentation.Count);
        Assert.All(vsAugmentation, v => Assert.NotEqual(Finding.Holds, v.Finding));
    }

    /// <summary>Every verdict is against augmentation, the fair baseline; the reference has no verdict.</summary>
    [Fact]
    public void Every_verdict_is_against_augmentation()
    {
        var r = Verdicts(gain: 4, extraGap: -0.1, extraSeconds: -3);
        Assert.Equal(6, r.Verdicts.Count);
        Assert.All(r.Verdicts, v => Assert.Equal(CurveRole.Augmentation, v.Baseline));
    }

    /// <summary>
    /// The over-fitting intervals are Bonferroni-corrected for the number of sizes: a gap difference that an uncorrected
    /// 95% interval calls "holds" at every size is inconclusive once corrected over six sizes. The planted paired differences
    /// are 0.1 + (e, -e, e, -e, 0) with e chosen so that the uncorrected half-width is below 0.1 and the corrected one above.
    /// </summary>
    [Fact]
    public void Over_fitting_intervals_are_corrected_for_the_number_of_sizes()
    {
        // Differences d = 0.1 + e (1, -1, 1, -1, 0): sd = e sqrt(4/4) = e, half-width t sd / sqrt(5).
        // t(0.975, 4) = 2.776, t(1 - 0.025/6, 4) = 5.15: with e = 0.06 the uncorrected half-width is 0.0745 < 0.1, the corrected 0.138 > 0.1.
        double e = 0.06;
        double[] noise = [e, -e, e, -e, 0];
        var points = new List<CurvePoint>();
        for (int s = 0; s < noise.Length; s++)
            foreach (int n in Sizes)
            {
                points.Add(Point("augmentation", n, s, 0.5, 0.3, 10, true));
                points.Add(Point("neighbour", n, s, 0.5, 0.2 - noise[s], 10, false));
            }
        var index = new PointIndex(points);
        var d = AbstractVerdicts.GapDifferences(index, "neighbour", "augmentation");
        Assert.Equal(Sizes.Length, d.Count);
        Assert.All(d, x => Assert.Equal(Sizes.Length, x.D.Comparisons));
        Assert.All(d, x => Assert.True(x.D.Low < 0 && x.D.High > 0.1, $"n={x.N}: [{x.D.Low}, {x.D.High}]"));
        var uncorrected = SymmetryProofs.Experiments.Runs.SeedStatistics.Of(noise.Select(v => 0.1 + v));
        Assert.True(uncorrected.Low95 > 0, "the planted case must be one an uncorrected interval would call settled");
    }

    /// <summary>
    /// Time to a loss target: a (size, target) pair that some run never reached is listed, not compared, yet counts in the
    /// Bonferroni m (sizes x targets), so leaving pairs out never narrows the other intervals.
    /// </summary>
    [Fact]
    public void Time_pairs_not_reached_by_every_run_are_listed_and_still_counted()
    {
        var points = Planted(gain: 1, extraGap: 0, extraSeconds: -3);
        // Seed 0 of neighbour at the largest size never reached the second loss target.
        int largest = Sizes[^1];
        var i = points.FindIndex(p => p.Config == "neighbour" && p.Samples == largest && p.Seed == 0);
        points[i] = points[i] with { ToTarget = [points[i].ToTarget![0], new TargetReach(LossTargets[1], null, null)] };
        var (reached, missing) = AbstractVerdicts.TimeDifferences(new PointIndex(points), "neighbour", "augmentation", LossTargets, r => r.Seconds);
        Assert.Equal([(largest, LossTargets[1])], missing);
        Assert.Equal(Sizes.Length * LossTargets.Length - 1, reached.Count);
        Assert.All(reached, r => Assert.Equal(Sizes.Length * LossTargets.Length, r.D.Comparisons));
        Assert.All(reached, r => Assert.Equal(1, r.D.Sign));
    }

    /// <summary>
    /// The data gains feed one verdict over every accuracy target and invariant configuration, so each interval is at the
    /// Bonferroni level 1 - 0.05/m with m = targets x invariant configurations (2 x 2 here), and it is wider than the
    /// uncorrected 95% interval from the same bootstrap replicates (planted seed noise makes the gains vary by replicate).
    /// </summary>
    [Fact]
    public void Data_gain_intervals_are_corrected_for_targets_times_configurations()
    {
        var points = Planted(gain: 4, extraGap: -0.1, extraSeconds: -3);
        var r = LearningCurvesResults.Compute(points, LearningCurvesConfig.All, [0.5, 0.6], LossTargets, 500);
        var gains = r.Configs.Where(c => c.Role == CurveRole.Invariant).SelectMany(c => c.VsAugmentation).ToList();
        Assert.Equal(4, gains.Count);
        Assert.All(gains, g => Assert.Equal(4, g.Comparisons));
        Assert.All(gains, g => Assert.Equal(1 - 0.05 / 4, g.Level));
        var index = new PointIndex(points);
        int wider = 0;
        foreach (var g in gains)
        {
            string config = r.Configs.Single(c => c.VsAugmentation.Contains(g)).Config;
            // The same replicates (same stream) read at the uncorrected level.
            var seed = SymmetryProofs.Experiments.Runs.SeedStreams.For(0, $"bootstrap:{config}/augmentation/{g.Target.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}");
            var uncorrected = DataGain.Estimate(index, config, "augmentation", g.Target, 500, 1, seed);
            Assert.True(g.Low <= uncorrected.Low && g.High >= uncorrected.High, $"{config} at {g.Target}: corrected [{g.Low}, {g.High}] inside uncorrected [{uncorrected.Low}, {uncorrected.High}]");
            if (g.Low < uncorrected.Low || g.High > uncorrected.High) wider++;
        }
        Assert.True(wider >= 2, $"only {wider} of 4 corrected intervals are wider than the uncorrected ones: the planted noise must make the correction visible");
    }

    /// <summary>
    /// The percentile interval at a level reads the R1 quantiles (x at rank ceil(N tau)) at tau = (1 - level)/2 and (1 + level)/2:
    /// of 1..1000 at 1 - 0.05/4, ranks 7 and 994; uncorrected, 26 and 975 (1000 x 0.025 rounds to just above 25 in float64).
    /// </summary>
    [Fact]
    public void Percentile_interval_reads_the_Bonferroni_quantiles()
    {
        var values = Enumerable.Range(1, 1000).Select(v => (double)v).Reverse().ToArray();
        Assert.Equal((7.0, 994.0), DataGain.Percentiles(values, DataGain.LevelFor(4)));
        Assert.Equal((26.0, 975.0), DataGain.Percentiles(values, DataGain.LevelFor(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataGain.LevelFor(0));
    }

    /// <summary>The headline's stop sentence names the others only when there are some.</summary>
    [Fact]
    public void Stop_sentence_has_no_empty_others_clause()
    {
        Assert.Equal("120 of 120 runs stopped by their rule.", LearningCurvesReport.Stopped(120, 120, 20000));
        Assert.Equal("118 of 120 runs stopped by their rule; the other 2 on the budget of 20000 evaluations or a failed line search.", LearningCurvesReport.Stopped(118, 120, 20000));
    }

    /// <summary>The rule itself: below, above and straddling the no-effect value, NaN (one seed) and no interval at all.</summary>
    [Theory]
    [InlineData(0.1, 0.3, nameof(Finding.Holds))]
    [InlineData(-0.3, -0.1, nameof(Finding.Fails))]
    [InlineData(-0.1, 0.3, nameof(Finding.Inconclusive))]
    [InlineData(double.NaN, double.NaN, nameof(Finding.Inconclusive))]
    public void The_rule_reads_one_interval_against_no_effect(double low, double high, string expectedName)
    {
        var expected = Enum.Parse<Finding>(expectedName);
        Assert.Equal(expected, AbstractVerdicts.FromIntervals([(low, high)], 0));
        Assert.Equal(expected == Finding.Fails ? Finding.Fails : expected == Finding.Holds ? Finding.Inconclusive : expected,
            AbstractVerdicts.FromIntervals([(low, high), (-0.1, 0.1)], 0));
        Assert.Equal(Finding.Inconclusive, AbstractVerdicts.FromIntervals([], 0));
        Assert.Equal(Finding.Fails, AbstractVerdicts.Combine([Finding.Holds, Finding.Fails, Finding.Inconclusive]));
        Assert.Equal(Finding.Inconclusive, AbstractVerdicts.Combine([Finding.Holds, Finding.Inconclusive]));
        Assert.Equal(Finding.Holds, AbstractVerdicts.Combine([Finding.Holds, Finding.Holds]));
    }
}
