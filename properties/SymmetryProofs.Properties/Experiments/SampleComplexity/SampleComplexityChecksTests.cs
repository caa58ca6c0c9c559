using System.Text.Json;
using SymmetryProofs.Experiments.SampleComplexity;
using RunCheck = SymmetryProofs.Experiments.Runs.Check;

namespace SymmetryProofs.Properties.Experiments.SampleComplexity;

/// <summary>
/// The decision rule of <see cref="SampleComplexityChecks"/>: the Bonferroni widening against closed-form Student-t
/// quantiles, verdicts on intervals that just include and just exclude the prediction, the resolution boundary, the seeds
/// an inconclusive check would need, and the checks of planted cases with their kinds and checks.json.
/// </summary>
public class SampleComplexityChecksTests
{
    private static readonly int[] Sizes = [64, 128, 256];

    /// <summary>Student-t quantiles in closed form: 1 degree of freedom (Cauchy) tan(pi (p - 1/2)); 2: (2p - 1)/sqrt(2 p (1 - p)).</summary>
    private static double T(int df, double p) => df switch
    {
        1 => Math.Tan(Math.PI * (p - 0.5)),
        2 => (2 * p - 1) / Math.Sqrt(2 * p * (1 - p)),
        _ => throw new ArgumentException("closed forms for 1 and 2 degrees of freedom only"),
    };

    /// <summary>
    /// MathNet inverts the t CDF by root finding; measured against the closed forms above it agrees to about 1e-13 relative
    /// (1 and 2 degrees of freedom, p up to 1 - 0.025/60). 1e-10 leaves a margin and is far below the factor 1.5 a wrong
    /// widening would make.
    /// </summary>
    private const double QuantileTolerance = 1e-10;

    [Theory]
    [InlineData(2, 1)]
    [InlineData(2, 25)]
    [InlineData(3, 1)]
    [InlineData(3, 7)]
    [InlineData(3, 52)]
    public void Widening_is_the_ratio_of_Bonferroni_and_95_percent_t_quantiles(int seeds, int k)
    {
        double expected = T(seeds - 1, 1 - 0.025 / k) / T(seeds - 1, 0.975);
        double got = SampleComplexityChecks.Widening(seeds, k);
        Assert.True(Math.Abs(got / expected - 1) <= QuantileTolerance, $"{seeds} seeds, k = {k}: widening {got:R}, closed form {expected:R}");
        if (k == 1) Assert.Equal(1.0, got, 12);
    }

    /// <summary>Three seeds d = mu + sigma (-1, 0, 1): sd = sigma, so the joint half-width is t(1 - 0.025/k, 2) sigma / sqrt(3), in closed form.</summary>
    private static double[] Three(double mu, double sigma) => [mu - sigma, mu, mu + sigma];

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(52)]
    public void An_interval_that_just_excludes_fails_and_one_that_just_includes_does_not(int k)
    {
        const double sigma = 0.01;
        double half = T(2, 1 - 0.025 / k) * sigma / Math.Sqrt(3);
        // 1e-7 relative: above the quantile's and the mean's rounding (1e-10), far below any change of the rule.
        foreach (double sign in new[] { 1.0, -1.0 })
        {
            var outside = SampleComplexityChecks.Joint(Three(sign * half * (1 + 1e-7), sigma), k, resolution: 1);
            Assert.Equal(Verdict.Fails, outside.Verdict);
            var inside = SampleComplexityChecks.Joint(Three(sign * half * (1 - 1e-7), sigma), k, resolution: 1);
            Assert.Equal(Verdict.Holds, inside.Verdict);
            Assert.True(Math.Abs(inside.High - inside.Low - 2 * half) <= 1e-9 * half, $"joint interval [{inside.Low:R}, {inside.High:R}], closed-form half-width {half:R}");
        }
    }

    [Fact]
    public void A_contained_prediction_holds_only_when_the_interval_resolves_the_stated_resolution()
    {
        const double sigma = 0.01;
        double half = T(2, 1 - 0.025 / 7) * sigma / Math.Sqrt(3);
        Assert.Equal(Verdict.Holds, SampleComplexityChecks.Joint(Three(0, sigma), 7, half * (1 + 1e-7)).Verdict);
        var wide = SampleComplexityChecks.Joint(Three(0, sigma), 7, half * (1 - 1e-7));
        Assert.Equal(Verdict.Inconclusive, wide.Verdict);
        Assert.NotNull(wide.SeedsNeeded);
    }

    /// <summary>
    /// Seeds needed: the first m where t(p, m - 1) sd / sqrt(m) reaches the target. Checked through the t CDF (regularised incomplete
    /// beta, not the quantile search the code uses): at m the target covers probability p, at m - 1 it does not.
    /// </summary>
    [Theory]
    [InlineData(0.1, 0.05, 0.975, 3)]
    [InlineData(0.3, 0.05, 1 - 0.025 / 52, 6)]
    [InlineData(0.02, 0.01, 1 - 0.025 / 25, 3)]
    [InlineData(1.0, 1.3, 0.975, 2)] // m = 5 (t(0.975, 4)/sqrt 5 = 1.24); with m + 1 degrees of freedom m = 4 would meet it (t(0.975, 5)/2 = 1.29)
    public void Seeds_needed_is_the_first_count_whose_interval_resolves(double sd, double target, double p, int current)
    {
        int? m = SampleComplexityChecks.SeedsFor(sd, target, p, current);
        Assert.NotNull(m);
        double Cover(int seeds) => MathNet.Numerics.Distributions.StudentT.CDF(0, 1, seeds - 1, target * Math.Sqrt(seeds) / sd);
        Assert.True(Cover(m!.Value) >= p - 1e-12, $"at {m} seeds the half-width must reach {target}");
        if (m > current + 1) Assert.True(Cover(m.Value - 1) < p, $"at {m - 1} seeds the half-width already reaches {target}");
    }

    private static readonly SampleComplexityCase Finite = new(2, "sign flips", 1, 4, 2, SampleComplexityDesign.SmoothnessFor(2), 8);
    private static readonly SampleComplexityCase Translation = new(2, SampleComplexityNames.Translation, 3, null, 1, SampleComplexityDesign.SmoothnessFor(2), 8);

    /// <summary>
    /// A planted case over 8 seeds: measured = predicted + a tiny per-seed spread (so every joint interval resolves), then one
    /// quantity moved: gainFactor multiplies the measured gain, slopeShift is added to the measured invariant slope.
    /// </summary>
    private static CaseSummary Planted(SampleComplexityCase c, double gainFactor = 1, double slopeShift = 0, double riskFactor = 1, double spread = 1e-3)
    {
        const int seeds = 8;
        double[] Around(double v) => Enumerable.Range(0, seeds).Select(s => v + spread * (s - 3.5) / 3.5).ToArray();
        double[] Const(double v) => Enumerable.Repeat(v, seeds).ToArray();
        var pairs = new SeedPairs(Around(Math.Log(3 * gainFactor)), Const(Math.Log(3)),
            Around(-0.6), Const(-0.6), Around(-0.75 + slopeShift), Const(-0.75),
            Around(Math.Log(2)), Const(Math.Log(2)), Around(Math.Log(riskFactor)), Around(0));
        var gain = new Estimate(3 * gainFactor, 3 * gainFactor * 0.95, 3 * gainFactor * 1.05, seeds);
        var summary = new CaseSummary(c.Group, c.D, c.GroupOrder, c.EffectiveDimension, c.Smoothness, c.Radius,
            new Estimate(-0.6, -0.61, -0.59, seeds), new Estimate(-0.75 + slopeShift, -0.76 + slopeShift, -0.74 + slopeShift, seeds), c.SlopeTheoryPlain, c.SlopeTheoryInvariant,
            gain, c.GroupOrder, new Estimate(2, 1.9, 2.1, seeds), 2.5, Sizes, [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], 0, 0, 0, 1, 1, 2);
        var prediction = new CasePrediction([4, 4, 4], [0, 0, 0], [double.NaN, double.NaN, double.NaN], 3.2, 3.3, true, 64, 1024, null, -0.6, -0.75, -0.6, -0.75,
            [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], new Estimate(1, 0.9, 1.1, seeds), new Estimate(1, 0.9, 1.1, seeds), new Estimate(0.9, 0.8, 1.0, seeds)) { Paired = pairs };
        return summary with { Predicted = prediction };
    }

    [Fact]
    public void Planted_agreement_holds_and_each_moved_quantity_fails_its_own_check()
    {
        var agree = SampleComplexityChecks.Evaluate([Planted(Finite), Planted(Translation)]);
        Assert.Equal(SampleComplexityChecks.TheoryCheckCount(true) + SampleComplexityChecks.TheoryCheckCount(false), agree.Count(c => c.Kind == CheckKind.Theory));
        Assert.Equal(2, agree.Count(c => c.Kind == CheckKind.Sanity));
        Assert.All(agree, c => Assert.True(c.Verdict == Verdict.Holds, c.ToRunCheck().ToString()));
        Assert.Equal(0, RunCheck.ExitCode(agree.Select(c => c.ToRunCheck())));

        var gainOff = SampleComplexityChecks.Evaluate([Planted(Finite, gainFactor: 1.1)]);
        Assert.Equal(new[] { Verdict.Fails }, gainOff.Where(c => c.Name.StartsWith("gain agrees")).Select(c => c.Verdict));
        Assert.Single(gainOff, c => c.Verdict == Verdict.Fails);
        Assert.Equal(1, RunCheck.ExitCode(gainOff.Select(c => c.ToRunCheck())));

        var slopeOff = SampleComplexityChecks.Evaluate([Planted(Translation, slopeShift: 0.02)]);
        Assert.Equal(2, slopeOff.Count(c => c.Verdict == Verdict.Fails));
        Assert.All(slopeOff.Where(c => c.Verdict == Verdict.Fails), c => Assert.Contains("slope", c.Name));

        var riskOff = SampleComplexityChecks.Evaluate([Planted(Finite, riskFactor: 1.05)]);
        Assert.Equal(new[] { "plain risk agrees with the theory over all sizes (mean log measured/predicted)" }, riskOff.Where(c => c.Verdict == Verdict.Fails).Select(c => c.Name));
    }

    /// <summary>
    /// The rule the report prints beside the current one (<see cref="SampleComplexityChecks.PreviousRule"/>), on 3 seeds so the
    /// Bonferroni widening has the closed form T(2, 1 - 0.025/k) / T(2, 0.975), k = 3 per finite group and 2 per translation: the
    /// gain against the optimal-ridge prediction and measured/predicted risk at n_max against 1 fail when the distance exceeds
    /// the widened half-width by 1e-7 of it and hold when it falls short by as much (rounding of exp and log is 1e-16).
    /// </summary>
    [Theory]
    [InlineData(1 - 1e-7, Verdict.Holds)]
    [InlineData(1 + 1e-7, Verdict.Fails)]
    public void Previous_rule_judges_the_optimal_ridge_gain_and_the_risk_at_n_max_with_the_exact_widening(double scale, Verdict expected)
    {
        const int seeds = 3, k = 3 + 2;
        double w = T(2, 1 - 0.025 / k) / T(2, 0.975);
        const double half = 0.05;
        var ok = new Estimate(1, 1 - half, 1 + half, seeds);
        PreviousCase(Planted(Finite), new Estimate(3, 3 * Math.Exp(-half), 3 * Math.Exp(half), seeds), 3 * Math.Exp(scale * w * half), ok, ok, out var finite);
        PreviousCase(Planted(Translation), null, 0, new Estimate(1 + scale * w * half, 1 + scale * w * half - half, 1 + scale * w * half + half, seeds), ok, out var translation);
        var verdicts = SampleComplexityChecks.PreviousRule([finite, translation]);
        Assert.Equal(5, verdicts.Count);
        Assert.Equal(expected, verdicts.Single(v => v.Name == "sign flips D=2: gain against the optimal-ridge prediction").Verdict);
        Assert.Equal(expected, verdicts.Single(v => v.Name == "translation D=2: plain measured/predicted risk at n_max").Verdict);
        Assert.All(verdicts.Where(v => v.Name is "sign flips D=2: plain measured/predicted risk at n_max" or "sign flips D=2: invariant measured/predicted risk at n_max" or "translation D=2: invariant measured/predicted risk at n_max"),
            v => Assert.Equal(Verdict.Holds, v.Verdict));
    }

    /// <summary>Contained but wider than the 25% resolution (after widening) is inconclusive under the previous rule too; a case without predictions is skipped.</summary>
    [Fact]
    public void Previous_rule_is_inconclusive_on_wide_intervals_and_skips_cases_without_predictions()
    {
        var wide = new Estimate(1, 0.6, 1.4, 3);
        PreviousCase(Planted(Finite), new Estimate(3, 3 / 1.3, 3 * 1.3, 3), 3, wide, wide, out var c);
        var verdicts = SampleComplexityChecks.PreviousRule([c, Planted(Translation) with { Predicted = null }]);
        Assert.Equal(3, verdicts.Count);
        Assert.All(verdicts, v => Assert.Equal(Verdict.Inconclusive, v.Verdict));
        // One seed: no interval, so no verdict either way.
        PreviousCase(Planted(Finite), new Estimate(3, double.NaN, double.NaN, 1), 3, new Estimate(1, double.NaN, double.NaN, 1), new Estimate(1, double.NaN, double.NaN, 1), out var single);
        Assert.All(SampleComplexityChecks.PreviousRule([single]), v => Assert.Equal(Verdict.Inconclusive, v.Verdict));
    }

    private static void PreviousCase(CaseSummary s, Estimate? gain, double gainOptimal, Estimate ratioPlain, Estimate ratioInvariant, out CaseSummary result) =>
        result = s with
        {
            Gain = gain ?? s.Gain,
            Predicted = s.Predicted! with { GainOverSizes = gainOptimal, RatioPlainAtNMax = ratioPlain, RatioInvariantAtNMax = ratioInvariant },
        };

    /// <summary>
    /// What a theory check reports, against an independent computation from the planted per-seed values: the Bonferroni count k
    /// over all cases of the run (6 per finite group + 5 per translation = 11), the joint interval mean -+ widened half-width
    /// (computed here from the seeds' mean and sd), measured and predicted as geometric means on the log scale and as plain
    /// means for slopes, and the seeds an inconclusive check needs at the joint level 1 - 0.025/k.
    /// </summary>
    [Fact]
    public void Theory_checks_report_the_joint_interval_over_every_check_of_the_run_and_the_means_on_their_own_scale()
    {
        const int k = 11;
        var checks = SampleComplexityChecks.Evaluate([Planted(Finite, spread: 0.05), Planted(Translation, spread: 0.05)]);
        var theory = checks.Where(c => c.Kind == CheckKind.Theory).ToList();
        Assert.Equal(k, theory.Count);
        Assert.All(theory, c => Assert.EndsWith($"(joint over {k})", c.IntervalOf));
        var d = Enumerable.Range(0, 8).Select(s => 0.05 * (s - 3.5) / 3.5).ToArray();
        double mean = d.Average(), sd = Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / 7);
        double half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 7, 1 - 0.025 / k) * sd / Math.Sqrt(8);
        const double tolerance = 1e-12; // sums of 8 terms and one t quantile: rounding near 1e-16, quantile near 1e-13

        var gain = theory.Single(c => c.Case == "sign flips D=2" && c.Name.StartsWith("gain agrees"));
        Assert.Equal(Math.Exp(mean - half), gain.Interval[0], tolerance);
        Assert.Equal(Math.Exp(mean + half), gain.Interval[1], tolerance);
        Assert.Equal(Math.Exp(Enumerable.Range(0, 8).Average(s => Math.Log(3) + d[s])), gain.Measured, tolerance);
        Assert.Equal(3, gain.Predicted, tolerance);

        var slope = theory.Single(c => c.Case == "translation D=2" && c.Name.StartsWith("plain slope"));
        Assert.Equal(mean - half, slope.Interval[0], tolerance);
        Assert.Equal(mean + half, slope.Interval[1], tolerance);
        Assert.Equal(-0.6 + mean, slope.Measured, tolerance);
        Assert.Equal(-0.6, slope.Predicted, tolerance);
        Assert.Equal(SampleComplexityChecks.SeedsFor(sd, SampleComplexityChecks.SlopeResolution, 1 - 0.025 / k, 8), slope.SeedsNeeded);
    }

    /// <summary>A sanity check whose interval touches 1 (gain) or 0 (slope difference) is not on either side: inconclusive.</summary>
    [Fact]
    public void A_gain_interval_that_touches_one_is_inconclusive()
    {
        var low = Planted(Finite);
        var touching = low with { Gain = new Estimate(1.5, 1, 2, 8) };
        Assert.Equal(Verdict.Inconclusive, SampleComplexityChecks.Evaluate([touching]).Single(c => c.Kind == CheckKind.Sanity).Verdict);
        var below = low with { Gain = new Estimate(0.75, 0.5, 1, 8) };
        Assert.Equal(Verdict.Inconclusive, SampleComplexityChecks.Evaluate([below]).Single(c => c.Kind == CheckKind.Sanity).Verdict);
    }

    /// <summary>The seeds search starts at the next seed count, and a target that is not positive or a spread that is not finite has no answer; the widening needs two seeds and one check.</summary>
    [Fact]
    public void Seeds_needed_starts_above_the_current_count_and_refuses_meaningless_inputs()
    {
        Assert.Equal(9, SampleComplexityChecks.SeedsFor(1e-9, 1, 0.975, 8));
        Assert.Equal(2, SampleComplexityChecks.SeedsFor(1e-9, 1, 0.975, 0));
        Assert.Null(SampleComplexityChecks.SeedsFor(1, 0, 0.975, 8));
        Assert.Null(SampleComplexityChecks.SeedsFor(double.NaN, 1, 0.975, 8));
        Assert.True(double.IsNaN(SampleComplexityChecks.Widening(1, 5)));
        Assert.True(double.IsNaN(SampleComplexityChecks.Widening(3, 0)));
    }

    [Fact]
    public void Wide_intervals_are_inconclusive_and_say_how_many_seeds_would_decide()
    {
        var wide = SampleComplexityChecks.Evaluate([Planted(Finite, spread: 0.4)]);
        var theory = wide.Where(c => c.Kind == CheckKind.Theory).ToList();
        Assert.All(theory, c => Assert.Equal(Verdict.Inconclusive, c.Verdict));
        Assert.All(theory, c => Assert.True(c.SeedsNeeded > 8, $"{c.Name}: seeds needed {c.SeedsNeeded}"));
    }

    [Fact]
    public void Gain_below_one_fails_the_sanity_check_and_a_flatter_translation_fails_its_own()
    {
        var noGain = SampleComplexityChecks.Evaluate([Planted(Finite, gainFactor: 0.2)]);
        Assert.Equal(Verdict.Fails, noGain.Single(c => c.Kind == CheckKind.Sanity).Verdict);
        var flatter = SampleComplexityChecks.Evaluate([Planted(Translation, slopeShift: 0.3)]);
        Assert.Equal(Verdict.Fails, flatter.Single(c => c.Kind == CheckKind.Sanity).Verdict);
    }

    [Fact]
    public void Checks_json_lists_every_check_with_its_kind_verdict_and_interval()
    {
        var checks = SampleComplexityChecks.Evaluate([Planted(Finite), Planted(Translation, slopeShift: 0.02)]);
        using var json = JsonDocument.Parse(SampleComplexityReport.ChecksJson(checks));
        Assert.Equal(checks.Count, json.RootElement.GetArrayLength());
        foreach (var (row, check) in json.RootElement.EnumerateArray().Zip(checks))
        {
            Assert.Equal(check.Case, row.GetProperty("case").GetString());
            Assert.Equal(check.Name, row.GetProperty("check").GetString());
            Assert.Equal(check.Kind == CheckKind.Theory ? "theory" : "sanity", row.GetProperty("kind").GetString());
            Assert.Equal(check.Verdict switch { Verdict.Holds => "holds", Verdict.Fails => "fails", _ => "inconclusive" }, row.GetProperty("verdict").GetString());
            Assert.Equal(check.Measured, row.GetProperty("measured").GetDouble());
            Assert.Equal(check.Predicted, row.GetProperty("predicted").GetDouble());
            Assert.Equal(2, row.GetProperty("interval").GetArrayLength());
        }
        Assert.Contains(json.RootElement.EnumerateArray(), r => r.GetProperty("verdict").GetString() == "fails");
    }

    /// <summary>
    /// The boundaries of the rule are inclusive where docs/sample-complexity.md says "at most": a joint half-width equal to the
    /// resolution holds, and a seed count whose half-width equals the target is the answer (the resolution and target are
    /// computed from the same widening and quantile, so the equality is exact, not a rounding accident).
    /// </summary>
    [Fact]
    public void A_half_width_equal_to_the_resolution_or_target_meets_it()
    {
        const int k = 7;
        var d = Three(0.001, 0.01);
        double half = SampleComplexityChecks.Widening(3, k) * SymmetryProofs.Experiments.Runs.SeedStatistics.Of(d).HalfWidth95;
        Assert.Equal(Verdict.Holds, SampleComplexityChecks.Joint(d, k, half).Verdict);
        Assert.Equal(Verdict.Inconclusive, SampleComplexityChecks.Joint(d, k, Math.BitDecrement(half)).Verdict);
        double p = 1 - 0.025 / k, target = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 11, p) * 0.3 / Math.Sqrt(12);
        Assert.Equal(12, SampleComplexityChecks.SeedsFor(0.3, target, p, 3));
        Assert.Equal(13, SampleComplexityChecks.SeedsFor(0.3, Math.BitDecrement(target), p, 3));
    }

    /// <summary>
    /// The one boundary of "holds" that <see cref="SampleComplexityChecks.Joint"/> and <see cref="SampleComplexityChecks.PreviousRule"/>
    /// share: a half-width equal to the resolution resolves it, one ulp above does not, and a NaN half-width never does. The
    /// previous rule's widened half-widths do not land on 0.25 exactly on any planted interval, so its boundary is pinned here.
    /// </summary>
    [Theory]
    [InlineData(0.25)]
    [InlineData(0.05)]
    public void A_half_width_resolves_when_it_is_at_most_the_resolution(double resolution)
    {
        Assert.True(SampleComplexityChecks.Resolves(resolution, resolution));
        Assert.True(SampleComplexityChecks.Resolves(Math.BitDecrement(resolution), resolution));
        Assert.False(SampleComplexityChecks.Resolves(Math.BitIncrement(resolution), resolution));
        Assert.False(SampleComplexityChecks.Resolves(double.NaN, resolution));
    }

    /// <summary>
    /// A translation whose invariant and plain slopes are equal on every seed: the slope difference's interval is [0, 0],
    /// on neither side of 0, so the direction check is inconclusive (and, with no spread to extrapolate, states no seed count).
    /// </summary>
    [Fact]
    public void A_slope_difference_interval_that_is_exactly_zero_is_inconclusive()
    {
        var s = Planted(Translation);
        var q = s.Predicted!.Paired! with { SlopeInvariantMeasured = s.Predicted.Paired!.SlopePlainMeasured };
        var check = SampleComplexityChecks.Evaluate([s with { Predicted = s.Predicted with { Paired = q } }]).Single(c => c.Kind == CheckKind.Sanity);
        Assert.Equal(new[] { 0.0, 0.0 }, check.Interval);
        Assert.Equal(Verdict.Inconclusive, check.Verdict);
        Assert.Null(check.SeedsNeeded);
    }

    private static string F(double v, string f = "F3") => v.ToString(f, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// What checks.json names and says, for a finite group and a translation: every check's name, kind and the quantity its
    /// interval is of, in order; the sanity details with their numbers (values of 10^4 and more in 3 significant digits), and a
    /// theory check's detail rebuilt from the planted seeds (mean, separate 95% and joint intervals, measured and predicted,
    /// and for an inconclusive check the seeds it would need).
    /// </summary>
    [Fact]
    public void Checks_carry_their_names_and_the_details_the_report_prints()
    {
        var checks = SampleComplexityChecks.Evaluate([Planted(Finite), Planted(Translation)]);
        const string gm = "geometric mean over n of measured/predicted risk (joint over 11)", sd = "measured - predicted slope (joint over 11)";
        var expected = new (string Case, string Name, CheckKind Kind, string Of)[]
        {
            ("sign flips D=2", "invariant kernel needs fewer samples (gain > 1)", CheckKind.Sanity, "gain (95%)"),
            ("translation D=2", "translation steepens the rate (invariant slope - plain slope < 0)", CheckKind.Sanity, "invariant slope - plain slope (95%)"),
            ("sign flips D=2", "gain agrees with the theory at the chosen ridges", CheckKind.Theory, "measured/predicted gain (joint over 11)"),
            ("sign flips D=2", "plain slope agrees with the theory's exponent over the same sizes", CheckKind.Theory, sd),
            ("sign flips D=2", "invariant slope agrees with the theory's exponent over the same sizes", CheckKind.Theory, sd),
            ("sign flips D=2", "risk ratio plain/invariant at n = 256 agrees with the theory", CheckKind.Theory, "measured/predicted risk ratio (joint over 11)"),
            ("sign flips D=2", "plain risk agrees with the theory over all sizes (mean log measured/predicted)", CheckKind.Theory, gm),
            ("sign flips D=2", "invariant risk agrees with the theory over all sizes (mean log measured/predicted)", CheckKind.Theory, gm),
            ("translation D=2", "plain slope agrees with the theory's exponent over the same sizes", CheckKind.Theory, sd),
            ("translation D=2", "invariant slope agrees with the theory's exponent over the same sizes", CheckKind.Theory, sd),
            ("translation D=2", "slope difference invariant - plain agrees with the theory's", CheckKind.Theory, "measured - predicted slope difference (joint over 11)"),
            ("translation D=2", "plain risk agrees with the theory over all sizes (mean log measured/predicted)", CheckKind.Theory, gm),
            ("translation D=2", "invariant risk agrees with the theory over all sizes (mean log measured/predicted)", CheckKind.Theory, gm),
        };
        Assert.Equal(expected, checks.Select(c => (c.Case, c.Name, c.Kind, c.IntervalOf)).ToArray());

        Assert.Equal("gain 3.00 [2.85, 3.15], |G| = 4", checks[0].Detail);
        var large = SampleComplexityChecks.Evaluate([Planted(Finite) with { Gain = new Estimate(12345, 10000, 20000, 8) }]);
        Assert.Equal("gain 1.23E+04 [1E+04, 2E+04], |G| = 4", large[0].Detail);
        var diff = Enumerable.Range(0, 8).Select(s => (-0.75 + 1e-3 * (s - 3.5) / 3.5) - (-0.6 + 1e-3 * (s - 3.5) / 3.5)).ToArray();
        var e = Estimate.Of(diff);
        Assert.Equal($"slope difference {F(e.Mean)} [{F(e.Low)}, {F(e.High)}] (invariant -0.750, plain -0.600)", checks[1].Detail);

        // The finite group's gain check alone (k = 6) on a spread of 0.4: inconclusive, with the seeds it would need.
        var wide = SampleComplexityChecks.Evaluate([Planted(Finite, spread: 0.4)]).Single(c => c.Name.StartsWith("gain agrees"));
        var d = Enumerable.Range(0, 8).Select(s => 0.4 * (s - 3.5) / 3.5).ToArray();
        double mean = d.Average(), sdv = Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / 7);
        double half95 = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 7, 0.975) * sdv / Math.Sqrt(8);
        double half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 7, 1 - 0.025 / 6) * sdv / Math.Sqrt(8);
        int? seeds = SampleComplexityChecks.SeedsFor(sdv, Math.Log(1.25), 1 - 0.025 / 6, 8);
        Assert.Equal(Verdict.Inconclusive, wide.Verdict);
        Assert.Equal($"measured/predicted gain: {F(Math.Exp(mean))}, 95% [{F(Math.Exp(mean - half95))}, {F(Math.Exp(mean + half95))}], joint over 6 theory checks " +
            $"[{F(Math.Exp(mean - half))}, {F(Math.Exp(mean + half))}]; measured {F(Math.Exp(Math.Log(3) + mean))}, predicted 3.000; would resolve at about {seeds} seeds", wide.Detail);
    }

    /// <summary>
    /// Previous rule on a zero-width interval (half-width 0, distance 0: holds, neither fails nor is undecided) and on a finite
    /// group alone (k = 3: the gain and two risks; widening in closed form).
    /// </summary>
    [Fact]
    public void Previous_rule_counts_three_checks_per_finite_group_and_a_zero_width_interval_holds()
    {
        var exact = new Estimate(1, 1, 1, 3);
        PreviousCase(Planted(Finite), new Estimate(3, 3, 3, 3), 3, exact, exact, out var zero);
        Assert.All(SampleComplexityChecks.PreviousRule([zero]), v => Assert.Equal(Verdict.Holds, v.Verdict));
        double w = T(2, 1 - 0.025 / 3) / T(2, 0.975);
        // A finite group alone has k = 3 previous checks: a half-width of 0.26 at k = 3 is past the resolution (inconclusive),
        // while at k = 2 it would be 0.26 t(2, 1 - 0.025/2)/t(2, 1 - 0.025/3) = 0.21 and hold.
        double wide = 1 + 0.26 / w;
        PreviousCase(Planted(Finite), new Estimate(3, 3, 3, 3), 3, new Estimate(1, 2 - wide, wide, 3), exact, out var pastResolution);
        Assert.Equal(Verdict.Inconclusive, SampleComplexityChecks.PreviousRule([pastResolution]).Single(v => v.Name.EndsWith("plain measured/predicted risk at n_max")).Verdict);
    }

    /// <summary>A failing joint interval is still mean -+ the widened half-width (three seeds, closed-form t with 2 degrees of freedom).</summary>
    [Fact]
    public void A_failing_check_reports_its_joint_interval()
    {
        const double sigma = 0.01;
        double half = T(2, 1 - 0.025 / 7) * sigma / Math.Sqrt(3);
        var j = SampleComplexityChecks.Joint(Three(3 * half, sigma), 7, resolution: 1);
        Assert.Equal(Verdict.Fails, j.Verdict);
        Assert.Equal(2 * half, j.Low, 1e-9 * half);
        Assert.Equal(4 * half, j.High, 1e-9 * half);
    }

    /// <summary>
    /// A theory check reports the means of measured and predicted over seeds (not a minimum), and a decided check's detail
    /// ends after them, with no seed count.
    /// </summary>
    [Fact]
    public void A_theory_check_reports_the_mean_prediction_and_a_decided_one_no_seed_count()
    {
        var c = SampleComplexityChecks.Theory("case", "check", [1.001, 2.0, 2.999], [1.0, 2.0, 3.0], 1, 1.0, logScale: false, "what");
        Assert.Equal(Verdict.Holds, c.Verdict);
        Assert.Equal(2.0, c.Predicted, 1e-15);
        Assert.Equal(2.0, c.Measured, 1e-15);
        Assert.Null(c.SeedsNeeded);
        var e = Estimate.Of([0.001, 0.0, -0.001]);
        Assert.Equal($"what: 0.000, 95% [{F(e.Low)}, {F(e.High)}], joint over 1 theory checks [{F(e.Low)}, {F(e.High)}]; measured 2.000, predicted 2.000", c.Detail);
    }

    /// <summary>
    /// A gain interval that straddles 1: without per-seed values (no prediction) the sanity check is inconclusive with no seed
    /// count; with two seeds it states the seeds at which the 95% half-width falls below |mean log gain|.
    /// </summary>
    [Fact]
    public void A_straddling_gain_states_seeds_only_when_it_has_two_or_more_seed_values()
    {
        var straddle = new Estimate(1.2, 0.8, 1.6, 2);
        var none = SampleComplexityChecks.Evaluate([Planted(Finite) with { Gain = straddle, Predicted = null }]).Single();
        Assert.Equal((Verdict.Inconclusive, (int?)null), (none.Verdict, none.SeedsNeeded));
        var s = Planted(Finite);
        double[] two = [Math.Log(1.1), Math.Log(1.3)];
        var withTwo = s with { Gain = straddle, Predicted = s.Predicted! with { Paired = s.Predicted.Paired! with { LogGainMeasured = two } } };
        var check = SampleComplexityChecks.Evaluate([withTwo]).Single(c => c.Kind == CheckKind.Sanity);
        double mean = two.Average(), sd = Math.Abs(two[1] - two[0]) / Math.Sqrt(2);
        Assert.Equal(Verdict.Inconclusive, check.Verdict);
        Assert.NotNull(check.SeedsNeeded);
        Assert.Equal(SampleComplexityChecks.SeedsFor(sd, mean, 0.975, 2), check.SeedsNeeded);
    }
}
