using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// One seed's decay law and what it predicts: ln c = Intercept + Slope K fitted on the sweep's points beyond the onset
/// (2B) that are NOT yet flat (c at or above the threshold, and above the floor), so the prediction is made without the
/// points it is compared with. PredictedK is where the line crosses the threshold; WorkedK the smallest K of the sweep
/// whose curvature is below it (null: none); LastUnresolvedK the largest K below WorkedK that is not.
/// </summary>
internal sealed record SeedDecay(int Seed, LineFit Fit, double PredictedK, int? WorkedK, int? LastUnresolvedK)
{
    /// <summary>Geometric rate of ln c per unit K (minus the slope).</summary>
    public double Rate => -Fit.Slope;

    /// <summary>The prediction is borne out when it lies after the last unresolved grid and at or before the first resolved one.</summary>
    public bool? Consistent => WorkedK is not { } w || !double.IsFinite(PredictedK) ? null : PredictedK <= w && PredictedK > (LastUnresolvedK ?? 0);
}

/// <summary>The decay law over seeds: every seed's fit and prediction, the mean rate with its interval and the mean predicted K with its interval.</summary>
internal sealed record DecayPrediction(int Onset, double Threshold, IReadOnlyList<SeedDecay> Seeds, SeedStatistics Rate, SeedStatistics PredictedK)
{
    /// <summary>Fits each of <paramref name="curves"/> on its unresolved points beyond 2 <paramref name="bandwidth"/> (at least two needed).</summary>
    public static DecayPrediction Of(IReadOnlyList<SeedCurve> curves, int bandwidth, double threshold, double floor)
    {
        ArgumentNullException.ThrowIfNull(curves);
        int onset = 2 * bandwidth;
        var seeds = new List<SeedDecay>();
        foreach (var c in curves)
        {
            var used = c.Points.Where(p => p.K > onset && p.C >= threshold && p.C > floor).ToList();
            if (used.Count < 2) continue;
            var fit = LineFit.Of(used.Select(p => (double)p.K).ToList(), used.Select(p => Math.Log(p.C)).ToList());
            double predicted = fit.Slope < 0 ? (Math.Log(threshold) - fit.Intercept) / fit.Slope : double.PositiveInfinity;
            int? worked = c.Points.Where(p => p.C < threshold).Select(p => (int?)p.K).FirstOrDefault();
            int? last = worked is { } w ? c.Points.Where(p => p.K < w && p.C >= threshold).Select(p => (int?)p.K).LastOrDefault() : null;
            seeds.Add(new SeedDecay(c.Seed, fit, predicted, worked, last));
        }
        return new DecayPrediction(onset, threshold, seeds, SeedStatistics.Of(seeds.Select(s => s.Rate)),
            SeedStatistics.Of(seeds.Select(s => s.PredictedK).Where(double.IsFinite)));
    }
}
