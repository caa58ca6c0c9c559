using System.Globalization;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.SampleComplexity;

/// <summary>
/// The qualitative predictions of Tahmasebi and Jegelka, judged by the 95% intervals over seeds:
/// a finite group gives a gain above 1, and a translation makes the invariant rate steeper than the
/// plain one. A prediction holds when its interval lies on the predicted side, fails (exit code 1)
/// when it lies on the other side, and is inconclusive when it contains both (few seeds). Whether
/// each slope interval contains the theory's exponent is reported beside them as a count, not as a
/// check: with many intervals some miss by chance.
/// The learning-curve theory adds, per case: the measured gain's interval contains the predicted gain
/// (the same shift estimator on the predicted optimal-ridge curves; finite groups), and for each of the
/// plain and the invariant estimator, the interval over seeds of measured/predicted risk at n_max (at
/// the ridge each fit chose) contains 1. These fail when their interval excludes the prediction.
/// </summary>
public static class SampleComplexityChecks
{
    public static IReadOnlyList<Check> Evaluate(IReadOnlyList<CaseSummary> summaries)
    {
        var checks = new List<Check>();
        foreach (var s in summaries)
        {
            string name = $"{s.Group} D={s.D}";
            if (s.GroupOrder is int order)
                checks.Add(new Check($"{name}: invariant kernel needs fewer samples (gain > 1)", !(s.Gain.High < 1),
                    string.Create(CultureInfo.InvariantCulture, $"gain {s.Gain.Mean:F2} [{s.Gain.Low:F2}, {s.Gain.High:F2}], |G| = {order}"), Conclusive: s.Gain.Low > 1 || s.Gain.High < 1));
            else
                checks.Add(new Check($"{name}: translation steepens the rate", !(s.SlopeInvariant.Low > s.SlopePlain.Mean),
                    string.Create(CultureInfo.InvariantCulture, $"invariant slope {s.SlopeInvariant.Mean:F3} [{s.SlopeInvariant.Low:F3}, {s.SlopeInvariant.High:F3}] vs plain {s.SlopePlain.Mean:F3}"),
                    Conclusive: s.SlopeInvariant.High < s.SlopePlain.Mean || s.SlopeInvariant.Low > s.SlopePlain.Mean));
            if (s.Predicted is not CasePrediction p) continue;
            if (s.GroupOrder is not null)
                checks.Add(new Check($"{name}: the measured gain's 95% interval contains the predicted gain", p.GainInInterval,
                    string.Create(CultureInfo.InvariantCulture, $"measured {s.Gain.Mean:F2} [{s.Gain.Low:F2}, {s.Gain.High:F2}], predicted {p.GainOverSizes:F2} over the same sizes")));
            foreach (var (est, ratio) in new[] { ("plain", p.RatioPlainAtNMax), ("invariant", p.RatioInvariantAtNMax) })
                checks.Add(new Check($"{name}: {est} risk at n = {s.Sizes[^1]} agrees with the theory (interval of measured/predicted contains 1)", ratio.Contains(1),
                    string.Create(CultureInfo.InvariantCulture, $"measured/predicted {ratio.Mean:F3} [{ratio.Low:F3}, {ratio.High:F3}]")));
        }
        return checks;
    }
}
