using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Experiments.Bergman;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>
/// What the command asserts (exit 1 when one fails): the theory's exact invariance on every invariant-feature run, and
/// the consistency of the sizes (every configuration and seed trains on the same number of originals at a fraction, and
/// that number grows with the fraction). The verdicts on the abstract are findings, not checks.
/// </summary>
internal static class LearningCurvesChecks
{
    public static IReadOnlyList<Check> Evaluate(IReadOnlyList<LearningCurvesUnit> units)
    {
        var (runs, violations) = BergmanChecks.Invariance(units.Select(u => u.Row));
        var invariance = new Check("R-bar = R exactly on every invariant-feature run (Eqs. 7-9)", violations.Count == 0,
            $"{runs - violations.Count} of {runs} runs" + (violations.Count == 0 ? "" : "; violations: " +
                string.Join("; ", violations.Select(r => $"{r.Cell.Features.Name()}/seed {r.Seed}: {r.AccTest:R} vs {r.AccTestInverted:R}"))));
        var byFraction = units.GroupBy(u => u.Fraction).OrderBy(g => g.Key).Select(g => (g.Key, Sizes: g.Select(u => u.TrainOriginals).Distinct().ToArray())).ToList();
        var ragged = byFraction.Where(f => f.Sizes.Length != 1).ToList();
        bool increasing = ragged.Count == 0 && byFraction.Zip(byFraction.Skip(1)).All(p => p.First.Sizes[0] < p.Second.Sizes[0]);
        var sizes = new Check("one training size per fraction, growing with the fraction", ragged.Count == 0 && increasing,
            string.Join("; ", byFraction.Select(f => $"{LearningCurvesSettings.Label(f.Key)}: n = {string.Join("/", f.Sizes)}")));
        return [invariance, sizes];
    }
}
