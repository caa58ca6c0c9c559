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
        }
        return checks;
    }
}
