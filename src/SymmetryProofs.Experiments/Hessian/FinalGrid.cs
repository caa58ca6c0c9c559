using SymmetryProofs.Spectra;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// Each seed's final grid, the one claim 9 is judged on: the fine grid, or when the seed went on past it
/// (<see cref="HessianProblem.Extension"/>, only while unresolved) the largest grid it was trained on.
/// </summary>
internal static class FinalGrid
{
    /// <summary>The orbit is resolved at a grid when its tangent curvature is flat by <see cref="FlatRule"/>: strictly below the flat threshold, relative to lambda_max.</summary>
    public static bool Resolved(HessianResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return FlatRule.IsFlat(r.Curvature.TangentCurvatureRel, HessianAnalysis.FlatThreshold);
    }

    /// <summary>Whether a seed goes on to the next extension grid after <paramref name="previous"/>: only when that grid was trained and left the orbit unresolved.</summary>
    public static bool Continues(HessianUnit previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        return previous.Result is { } r && !Resolved(r);
    }

    /// <summary>One result per seed, in seed order: its fine run, or its extension run of the largest K.</summary>
    public static IReadOnlyList<HessianResult> PerSeed(IEnumerable<HessianResult> results) =>
        results.Where(r => (r.Id.Kind == SettingKind.Main && r.Id.Setting == Augmentation.Fine) || r.Id.Kind == SettingKind.Extension)
            .GroupBy(r => r.Id.Seed).OrderBy(g => g.Key).Select(g => g.MaxBy(r => r.Id.K)!).ToList();
}
