using System.Globalization;
using SymmetryProofs.Experiments.Hessian;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Properties.Experiments.Hessian;

/// <summary>
/// The edges of claim 10's rule (<see cref="GridDecay"/>, <see cref="LineFit"/>, <see cref="NestedStep"/>) on
/// small hand-made sweeps whose answers follow by hand: the floor and count boundaries, which seeds and grids enter
/// the fits and the seed-mean curve, and the wording of both checks.
/// </summary>
public class GridDecayRuleTests
{
    private const int B = 3;
    private const double Floor = HessianChecks.RoundingFloor;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static SeedCurve Curve(int seed, params (int K, double C)[] points) => new(seed, points.Select(p => new CurvaturePoint(p.K, p.C)).ToList());

    /// <summary>
    /// Least squares on points whose answers are exact in binary: y = 3 + 2x on x = 0..3 (slope 2, intercept 3, residual 0),
    /// (0, 0), (1, 1), (2, 0) (slope 0, intercept 1/3, residual sum 2/3), two points (an exact line), and fewer than two
    /// or unequal lengths (NaN, nothing to fit).
    /// </summary>
    [Fact]
    public void Line_fit_is_least_squares_and_needs_two_points()
    {
        var line = LineFit.Of([0, 1, 2, 3], [3, 5, 7, 9]);
        Assert.Equal((3.0, 2.0, 0.0, 4), (line.Intercept, line.Slope, line.Rss, line.Points));
        var bent = LineFit.Of([0, 1, 2], [0, 1, 0]);
        Assert.Equal(0, bent.Slope);
        // 1/3 and 2/3 are not exact in binary: a few ulps.
        Assert.Equal(1.0 / 3, bent.Intercept, 1e-15);
        Assert.Equal(2.0 / 3, bent.Rss, 1e-15);
        var two = LineFit.Of([1, 3], [5, 1]);
        Assert.Equal((7.0, -2.0, 0.0, 2), (two.Intercept, two.Slope, two.Rss, two.Points));
        var one = LineFit.Of([1], [5]);
        Assert.True(double.IsNaN(one.Slope) && double.IsNaN(one.Rss) && one.Points == 1);
        var unequal = LineFit.Of([1, 2, 3], [5, 1]);
        Assert.True(double.IsNaN(unequal.Slope) && double.IsNaN(unequal.Intercept) && unequal.Points == 3);
    }

    /// <summary>
    /// A constant y has slope exactly 0 because y is measured from y[0]: on x = ln 8, ln 12, ln 24 the deviations
    /// x - mean do not sum to exactly 0 in floating point (the premise), so measuring from any other value would leave
    /// a rounding slope, which a rule comparing a mean rate with 0 would read as a decay or a rise.
    /// </summary>
    [Fact]
    public void A_constant_curve_has_slope_exactly_zero()
    {
        double[] x = [Math.Log(8), Math.Log(12), Math.Log(24)];
        double mean = x.Average();
        double sum = 0;
        foreach (var xi in x) sum += xi - mean;
        Assert.True(sum != 0, "premise: the deviations from the mean do not cancel exactly");
        var fit = LineFit.Of(x, [0.37, 0.37, 0.37]);
        Assert.Equal(0, fit.Slope);
        // The intercept is the mean of three 0.37s, which rounds: the residuals are of the size of an ulp of 0.37 (~6e-17), squared.
        Assert.True(fit.Rss < 1e-30, $"residual sum {fit.Rss:G3}");
        // Negative control: a curve one ulp off constant at one end has a slope of that size, not 0.
        Assert.NotEqual(0, LineFit.Of(x, [0.37, 0.37, Math.BitIncrement(0.37)]).Slope);
    }

    /// <summary>A step falls when the finer grid is less curved, or when the coarser one is at or below the floor (exactly at it counts as below).</summary>
    [Fact]
    public void A_step_from_exactly_the_floor_is_not_judged()
    {
        Assert.True(new NestedStep(0, 8, Floor, 2 * Floor).Falls(Floor));
        Assert.False(new NestedStep(0, 8, Math.BitIncrement(Floor), 2 * Floor).Falls(Floor));
        Assert.True(new NestedStep(0, 8, 2 * Floor, Floor).Falls(Floor));
    }

    /// <summary>
    /// Two seeds decaying as 0.5 exp(-r K) at rates 0.08 and 0.081 on K = 8, 16, 32 (onset 6): the fewest seeds and mean points
    /// the geometric part decides with (2 and 3), and it holds; with K = 32 dropped (2 mean points) or one seed (no interval) it is undecided.
    /// </summary>
    [Fact]
    public void Two_seeds_and_three_mean_points_are_enough_to_decide()
    {
        static SeedCurve Decay(int seed, double rate, params int[] ks) => Curve(seed, ks.Select(k => (k, 0.5 * Math.Exp(-rate * k))).ToArray());
        var d = GridDecay.Judge([Decay(0, 0.08, 4, 8, 16, 32), Decay(1, 0.081, 4, 8, 16, 32)], B, Floor);
        Assert.Equal([8, 16, 32], d.MeanCurve.Select(p => p.K));
        Assert.Equal(2, d.Rate.Count);
        // Each seed's ln c is exactly linear in K up to rounding: rates recovered to 1e-12.
        Assert.Equal(0.0805, d.Rate.Mean, 1e-12);
        Assert.True(d.Geometric, $"geometric: rate {d.Rate.Mean}, low {d.Rate.Low95}, rss {d.MeanGeometric.Rss} vs {d.MeanPowerLaw.Rss}");
        Assert.True(d.GeometricCheck(Inv).Held && d.GeometricCheck(Inv).Conclusive);

        var twoPoints = GridDecay.Judge([Decay(0, 0.08, 4, 8, 16), Decay(1, 0.081, 4, 8, 16)], B, Floor);
        Assert.Equal(2, twoPoints.MeanCurve.Count);
        Assert.Null(twoPoints.Geometric);
        var oneSeed = GridDecay.Judge([Decay(0, 0.08, 4, 8, 16, 32)], B, Floor);
        Assert.Null(oneSeed.Geometric);
        Assert.True(oneSeed.GeometricCheck(Inv).Held && !oneSeed.GeometricCheck(Inv).Conclusive, "undecided is held and not conclusive");
    }

    /// <summary>
    /// Which points enter: a seed's fit uses its points beyond the onset strictly above the floor (a point exactly at the floor is out,
    /// and a seed left with one point has no fit); the seed-mean curve keeps a K only where every seed has a value above the floor,
    /// and its value there is the geometric mean over seeds (exp of the mean ln c).
    /// </summary>
    [Fact]
    public void Fits_and_the_mean_curve_use_only_points_above_the_floor_on_every_seed()
    {
        var a = Curve(0, (4, 0.3), (8, 0.01), (16, 0.004), (32, 0.001), (64, Floor));
        var b = Curve(1, (4, 0.3), (8, 0.04), (16, 0.001), (64, 1e-4));
        var c = Curve(2, (8, 0.02), (16, Floor), (32, Floor / 2));
        var d = GridDecay.Judge([a, b, c], B, Floor);

        var points = d.SeedFits.ToDictionary(f => f.Seed, f => f.Fit.Points);
        Assert.Equal(3, points[0]);
        Assert.Equal(3, points[1]);
        Assert.False(points.ContainsKey(2), "seed 2 has one point above the floor: no fit");
        Assert.Equal(2, d.Rate.Count);

        // K = 8 is the only grid beyond the onset where all three seeds are above the floor; its mean is (0.01 x 0.04 x 0.02)^(1/3) = 0.02.
        var only = Assert.Single(d.MeanCurve);
        Assert.Equal(8, only.K);
        Assert.Equal(0.02, only.C, 1e-15);

        // Steps: every K beyond the onset whose double is in the same seed's sweep.
        Assert.Equal([(0, 8), (0, 16), (0, 32), (1, 8), (2, 8), (2, 16)], d.Steps.Select(s => (s.Seed, s.K)));
    }

    /// <summary>The nested check's name, verdict and detail: no judged step (held, not conclusive), every step falling, one step rising.</summary>
    [Fact]
    public void The_nested_check_states_its_steps()
    {
        var none = GridDecay.Judge([Curve(0, (2, 0.1), (4, 0.2))], B, Floor).NestedCheck(Inv);
        Assert.Equal("claim 10: along nested grids beyond 2B = 6 the tangent curvature falls (every seed, every step K -> 2K with K > 6)", none.Name);
        Assert.True(none.Held);
        Assert.False(none.Conclusive);
        Assert.Equal("no nested step beyond the onset in the sweep", none.Detail);

        var falling = GridDecay.Judge([Curve(0, (8, 0.04), (16, 0.02), (32, 0.01)), Curve(1, (8, 0.04), (16, 0.03), (32, 0.01))], B, Floor).NestedCheck(Inv);
        Assert.True(falling.Held && falling.Conclusive);
        Assert.Equal("4 steps over 2 seed(s), every one falls (or both below 1E-08)", falling.Detail);

        var rising = GridDecay.Judge([Curve(0, (8, 0.04), (16, 0.02), (32, 0.01)), Curve(1, (8, 0.04), (16, 0.05), (32, 0.01))], B, Floor).NestedCheck(Inv);
        Assert.False(rising.Held);
        Assert.True(rising.Conclusive);
        Assert.Equal("1 of 4 steps rise: seed 1 K = 8 -> 16: 0.04 -> 0.05", rising.Detail);

        var twoRises = GridDecay.Judge([Curve(0, (8, 0.04), (16, 0.05), (32, 0.06))], B, Floor).NestedCheck(Inv);
        Assert.Equal("2 of 2 steps rise: seed 0 K = 8 -> 16: 0.04 -> 0.05; seed 0 K = 16 -> 32: 0.05 -> 0.06", twoRises.Detail);
    }

    /// <summary>The geometric check's name and detail: the mean rate with its interval and seed count, the grids of the mean curve, both residual sums.</summary>
    [Fact]
    public void The_geometric_check_states_its_rate_and_fits()
    {
        // Both seeds halve per doubling of K (c = 0.32 / K and 0.64 / K): a power law.
        var d = GridDecay.Judge([Curve(0, (8, 0.04), (16, 0.02), (32, 0.01)), Curve(1, (8, 0.08), (16, 0.04), (32, 0.02))], B, Floor);
        var check = d.GeometricCheck(Inv);
        Assert.Equal("claim 10: beyond 2B = 6 the tangent curvature falls geometrically in K (rate of ln c per unit K > 0 over seeds; a line in K fits ln c better than a power law)", check.Name);
        string G3(double v) => v.ToString("G3", Inv);
        Assert.Equal($"rate = {G3(d.Rate.Mean)} per unit K, 95% interval [{G3(d.Rate.Low95)}, {G3(d.Rate.High95)}] over 2 seed(s); " +
            $"seed-mean ln c over K = 8, 16, 32: residual sum of squares {G3(d.MeanGeometric.Rss)} (line in K) against {G3(d.MeanPowerLaw.Rss)} (line in ln K)", check.Detail);
        // The line in ln K fits the power law better, so the part fails, decidedly.
        Assert.True(d.MeanPowerLaw.Rss < d.MeanGeometric.Rss);
        Assert.False(check.Held);
        Assert.True(check.Conclusive);
    }

    /// <summary>
    /// The fit works with centred sums, so it is as accurate for x far from 0 as near it: on x = 1e6 + i/10 (i = 0..3) and
    /// y = 3, 5, 7, 9 it gives the slope of the same points shifted by -1e6 (an exact subtraction) to 1e-7 relative (x is
    /// rounded to ~1e-10 at 1e6, over a spread of 0.3: ~1e-9), and residuals of rounding size. The sum of (x + mean)(x - mean),
    /// equal to the centred sum of squares in exact arithmetic, cancels terms of about 3e5 down to 0.05 and is about 1% off here.
    /// </summary>
    [Fact]
    public void The_fit_is_as_accurate_far_from_zero_as_near_it()
    {
        double[] x = [.. Enumerable.Range(0, 4).Select(i => 1e6 + i / 10.0)];
        double[] y = [3, 5, 7, 9];
        var near = LineFit.Of([.. x.Select(v => v - 1e6)], y);
        var far = LineFit.Of(x, y);
        Assert.Equal(near.Slope, far.Slope, 1e-7 * Math.Abs(near.Slope));
        Assert.True(far.Rss < 1e-12, $"residual sum {far.Rss:G3}");
    }

    private static readonly IReadOnlyList<CurvaturePoint> ThreeGrids = [new(8, 0.1), new(16, 0.05), new(32, 0.01)];

    /// <summary>The geometric part's rule on given statistics: a seed-mean curve of three grids and the two fits' residual sums.</summary>
    private static GridDecay Rule(SeedStatistics rate, double geometricRss, double powerRss) =>
        new(2 * B, Floor, [], [], rate, new LineFit(0, -0.1, geometricRss, 3), new LineFit(0, -1, powerRss, 3), ThreeGrids);

    /// <summary>
    /// Each comparison of the geometric part is strict, at its exact boundary (statistics given directly): a mean rate of
    /// exactly 0 fails; residual sums that tie fail (the line in K must fit better); a 95% interval whose lower end is
    /// exactly 0 (the mean set to the half-width) or below it leaves the part undecided; above 0 with the better fit it holds.
    /// </summary>
    [Fact]
    public void The_geometric_part_needs_a_positive_rate_a_strictly_better_fit_and_an_interval_strictly_above_zero()
    {
        var decided = new SeedStatistics(0.08, 0.001, 3);
        Assert.True(decided.Low95 > 0);
        Assert.True(Rule(decided, 1e-3, 0.5).Geometric);

        var zero = new SeedStatistics(0, 0, 3);
        Assert.Equal(0, zero.Low95);
        Assert.False(Rule(zero, 1e-3, 0.5).Geometric);

        Assert.False(Rule(decided, 0.25, 0.25).Geometric);
        Assert.True(Rule(decided, Math.BitDecrement(0.25), 0.25).Geometric);

        double half = new SeedStatistics(1, 0.01, 3).HalfWidth95;
        var touching = new SeedStatistics(half, 0.01, 3);
        Assert.Equal(0, touching.Low95);
        Assert.Null(Rule(touching, 1e-3, 0.5).Geometric);

        var straddling = new SeedStatistics(0.08, 0.5, 3);
        Assert.True(straddling.Low95 < 0);
        Assert.Null(Rule(straddling, 1e-3, 0.5).Geometric);
    }

    /// <summary>
    /// The numbers of both details at their stated precision (given directly, so the text follows by hand): a rising step's
    /// curvatures to two significant digits, the rate, its interval and both residual sums to three.
    /// </summary>
    [Fact]
    public void The_details_print_their_numbers_to_the_stated_digits()
    {
        var rise = new GridDecay(2 * B, Floor, [new NestedStep(3, 8, 0.0412, 0.0537)], [], new SeedStatistics(double.NaN, double.NaN, 0),
            new LineFit(), new LineFit(), []);
        Assert.Equal("1 of 1 steps rise: seed 3 K = 8 -> 16: 0.041 -> 0.054", rise.NestedCheck(Inv).Detail);

        var fits = Rule(new SeedStatistics(0.0123456, 0, 3), 0.123456, 0.654321);
        Assert.Equal("rate = 0.0123 per unit K, 95% interval [0.0123, 0.0123] over 3 seed(s); " +
            "seed-mean ln c over K = 8, 16, 32: residual sum of squares 0.123 (line in K) against 0.654 (line in ln K)", fits.GeometricCheck(Inv).Detail);
    }

    /// <summary>
    /// A grid at exactly the onset 2B (K = 6) is not beyond it: it starts no step (although K = 12 is in the sweep), enters
    /// no seed's fit and is not on the seed-mean curve; a seed with exactly two points beyond the onset has a fit.
    /// </summary>
    [Fact]
    public void A_grid_at_exactly_the_onset_is_not_judged_and_two_points_make_a_fit()
    {
        var a = Curve(0, (6, 0.05), (8, 0.04), (12, 0.03), (16, 0.02));
        var b = Curve(1, (6, 0.06), (8, 0.05), (16, 0.03));
        var d = GridDecay.Judge([a, b], B, Floor);
        Assert.Equal([(0, 8), (1, 8)], d.Steps.Select(s => (s.Seed, s.K)));
        Assert.Equal([(0, 3), (1, 2)], d.SeedFits.Select(f => (f.Seed, f.Fit.Points)));
        Assert.Equal([8, 16], d.MeanCurve.Select(p => p.K));
    }

    /// <summary>No curves is refused by name.</summary>
    [Fact]
    public void Judge_refuses_null_curves() => Assert.Throws<ArgumentNullException>("curves", () => GridDecay.Judge(null!, B, Floor));
}
