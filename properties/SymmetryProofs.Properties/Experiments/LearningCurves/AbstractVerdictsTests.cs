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

    /// <summary>A point with symmetric accuracy <paramref name="symmetric"/> (R = R-bar) and the given over-fitting gap.</summary>
    private static CurvePoint Point(string config, int n, int seed, double symmetric, double gap, double seconds, bool both) =>
        new(config, n, seed, symmetric, symmetric, symmetric + gap, both, seconds, 100, false);

    private LearningCurvesResults Verdicts(double gain, double extraGap, double extraSeconds)
    {
        var r = LearningCurvesResults.Compute(Planted(gain, extraGap, extraSeconds), LearningCurvesConfig.All, [0.5, 0.6], 500);
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
        var vsAugmentation = r.Verdicts.Where(v => v.Baseline == "augmentation").ToList();
        Assert.Equal(6, vsAugmentation.Count);
        Assert.All(vsAugmentation, v => Assert.NotEqual(Finding.Holds, v.Finding));
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
