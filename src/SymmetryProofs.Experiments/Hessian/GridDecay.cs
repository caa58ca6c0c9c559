using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>One nested step K -> 2K of one seed's sweep (the 2K grid contains the K grid as a subgroup).</summary>
internal sealed record NestedStep(int Seed, int K, double Coarse, double Fine)
{
    /// <summary>The finer grid is less curved, or both are below the resolution floor (nothing to compare).</summary>
    public bool Falls(double floor) => Fine < Coarse || Coarse <= floor;
}

/// <summary>A straight-line least-squares fit y = Intercept + Slope x and its residual sum of squares.</summary>
internal readonly record struct LineFit(double Intercept, double Slope, double Rss, int Points)
{
    public static LineFit Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int n = x.Count;
        if (n < 2 || y.Count != n) return new LineFit(double.NaN, double.NaN, double.NaN, n);
        double mx = x.Average(), my = y.Average(), sxx = 0, sxy = 0;
        // y measured from y[0] (the same slope, since the x deviations sum to 0): a constant y gives a slope of exactly 0, not rounding noise.
        for (int i = 0; i < n; i++) { sxx += (x[i] - mx) * (x[i] - mx); sxy += (x[i] - mx) * (y[i] - y[0]); }
        double slope = sxy / sxx, intercept = my - slope * mx, rss = 0;
        for (int i = 0; i < n; i++) { double r = y[i] - intercept - slope * x[i]; rss += r * r; }
        return new LineFit(intercept, slope, rss, n);
    }
}

/// <summary>
/// Claim 10 (Eqs. 17-18) for grid augmentation, stated so that it can fail. Averaging over the grid Z_K^d keeps
/// only that subgroup: the orbit direction is shallow, not flat, and its curvature is the K-point rule's error on
/// the loss along the orbit, which a finer grid reduces. Precisely, with B the action's bandwidth
/// (<see cref="OrbitBandwidth"/>) and Onset = 2B (beyond it the grid averages the loss's quadratic part exactly):
/// (a) nested: for every seed and every step K -> 2K of the sweep with K &gt; Onset, the curvature falls
/// (unless both lie below the resolution floor); (b) geometric: beyond Onset, ln c is linear in K with a positive rate
/// (per seed least squares over the points above the floor; the 95% Student-t interval of the mean rate over seeds
/// above 0), and a straight line in K fits the seed-mean ln c better than one in ln K (a power law, the
/// alternative where refinement helps ever less). Below Onset nothing is predicted. The rule is fixed here,
/// before any run it judges.
/// </summary>
internal sealed record GridDecay(int Onset, double Floor, IReadOnlyList<NestedStep> Steps, IReadOnlyList<(int Seed, LineFit Fit)> SeedFits,
    SeedStatistics Rate, LineFit MeanGeometric, LineFit MeanPowerLaw, IReadOnlyList<CurvaturePoint> MeanCurve)
{
    /// <summary>Steps that rise: the finer grid is at least as curved while the coarser one is above the floor.</summary>
    public IReadOnlyList<NestedStep> Rises => Steps.Where(s => !s.Falls(Floor)).ToList();

    /// <summary>(a) holds when no judged step rises; conclusive when at least one step beyond Onset was judged.</summary>
    public Check NestedCheck(System.Globalization.CultureInfo inv) => new(
        $"claim 10: along nested grids beyond 2B = {Onset} the tangent curvature falls (every seed, every step K -> 2K with K > {Onset})",
        Rises.Count == 0,
        Steps.Count == 0 ? "no nested step beyond the onset in the sweep"
            : Rises.Count == 0 ? $"{Steps.Count} steps over {Steps.Select(s => s.Seed).Distinct().Count()} seed(s), every one falls (or both below {Floor.ToString("G", inv)})"
            : $"{Rises.Count} of {Steps.Count} steps rise: " + string.Join("; ", Rises.Select(s => $"seed {s.Seed} K = {s.K} -> {2 * s.K}: {s.Coarse.ToString("G2", inv)} -> {s.Fine.ToString("G2", inv)}")),
        Conclusive: Steps.Count > 0);

    /// <summary>Whether (b) holds: true (interval above 0 and the geometric line fits better), false (mean rate not positive, or the power law fits at least as well), null (too few points or seeds to tell).</summary>
    public bool? Geometric
    {
        get
        {
            bool compared = MeanCurve.Count >= 3 && double.IsFinite(MeanGeometric.Rss) && double.IsFinite(MeanPowerLaw.Rss);
            if (Rate.Count == 0 || !compared) return null;
            if (!(Rate.Mean > 0) || MeanGeometric.Rss >= MeanPowerLaw.Rss) return false;
            return Rate.Count >= 2 && Rate.Low95 > 0 ? true : null;
        }
    }

    public Check GeometricCheck(System.Globalization.CultureInfo inv) => new(
        $"claim 10: beyond 2B = {Onset} the tangent curvature falls geometrically in K (rate of ln c per unit K > 0 over seeds; a line in K fits ln c better than a power law)",
        Geometric != false,
        $"rate = {Rate.Mean.ToString("G3", inv)} per unit K, 95% interval [{Rate.Low95.ToString("G3", inv)}, {Rate.High95.ToString("G3", inv)}] over {Rate.Count} seed(s); " +
        $"seed-mean ln c over K = {string.Join(", ", MeanCurve.Select(p => p.K))}: residual sum of squares {MeanGeometric.Rss.ToString("G3", inv)} (line in K) against {MeanPowerLaw.Rss.ToString("G3", inv)} (line in ln K)",
        Conclusive: Geometric is not null);

    /// <summary>Judges <paramref name="curves"/> (one per seed) by the rule above; <paramref name="floor"/> is the resolution below which a curvature is treated as zero.</summary>
    public static GridDecay Judge(IReadOnlyList<SeedCurve> curves, int bandwidth, double floor)
    {
        ArgumentNullException.ThrowIfNull(curves);
        int onset = 2 * bandwidth;
        var steps = new List<NestedStep>();
        var fits = new List<(int, LineFit)>();
        foreach (var c in curves)
        {
            foreach (var p in c.Points.Where(p => p.K > onset))
                if (c.At(2 * p.K) is { } fine) steps.Add(new NestedStep(c.Seed, p.K, p.C, fine));
            var used = c.Points.Where(p => p.K > onset && p.C > floor).ToList();
            if (used.Count >= 2) fits.Add((c.Seed, LineFit.Of(used.Select(p => (double)p.K).ToList(), used.Select(p => Math.Log(p.C)).ToList())));
        }
        var rate = SeedStatistics.Of(fits.Select(f => -f.Item2.Slope));
        // The seed-mean curve: mean ln c at each K beyond the onset where every seed has a value above the floor.
        var ks = curves.SelectMany(c => c.Points).Select(p => p.K).Where(k => k > onset).Distinct().OrderBy(k => k);
        var mean = ks.Where(k => curves.All(c => c.At(k) is { } v && v > floor))
            .Select(k => new CurvaturePoint(k, Math.Exp(curves.Average(c => Math.Log(c.At(k)!.Value))))).ToList();
        var y = mean.Select(p => Math.Log(p.C)).ToList();
        var geometric = LineFit.Of(mean.Select(p => (double)p.K).ToList(), y);
        var power = LineFit.Of(mean.Select(p => Math.Log(p.K)).ToList(), y);
        return new GridDecay(onset, floor, steps, fits, rate, geometric, power, mean);
    }
}
