using System.Globalization;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// What the theory predicts that a hessian run can refute (claims 9 and 10), as checks:
/// every run reached its critical-point tolerance (else no spectrum is at a critical point);
/// where the fine grid resolves the orbit (its tangent curvature is below the flat threshold),
/// the near-null non-gauge directions are exactly the orbit's (n_flat = orbit dimension, every flat
/// eigenvector within <see cref="MaxAngleDeg"/> of the tangent span W A); where the symmetry is broken (the coarse
/// grid, no augmentation) or absent (invariant features) nothing is flat; and claim 10 as <see cref="GridDecay"/>
/// states it (nested grids beyond 2B fall, geometrically in K).
/// Seeds the fine grid does not resolve are counted and reported, not passed silently.
/// </summary>
internal static class HessianChecks
{
    /// <summary>Relative curvatures below this are not resolved at |grad| up to 1e-8 (see HessianReport).</summary>
    public const double RoundingFloor = 1e-8;

    /// <summary>The flat eigenvectors lie along the tangents when their largest principal angle to the tangent span is below this.</summary>
    public const double MaxAngleDeg = 1;

    public static IReadOnlyList<Check> Evaluate(IReadOnlyList<HessianResult> results)
    {
        var inv = CultureInfo.InvariantCulture;
        var checks = new List<Check>();
        int notConverged = results.Count(r => !r.Point.Converged);
        checks.Add(new Check("every run reached its |grad| tolerance (1e-9 translations, 1e-8 SO(2))", notConverged == 0, $"{results.Count - notConverged} of {results.Count} runs" +
            (notConverged == 0 ? "" : $"; largest |grad| {results.Max(r => r.Point.GradNorm).ToString("G2", inv)}")));

        // Each seed is judged on its final grid: the fine one, or the largest extension grid it went on to while unresolved.
        var fine = FinalGrid.PerSeed(results).ToList();
        var resolved = fine.Where(FinalGrid.Resolved).ToList();
        var agree = resolved.Where(AlongTangents).ToList();
        checks.Add(new Check($"claim 9: where the fine grid (continued while unresolved) resolves the orbit, n_flat = orbit dimension and the flat eigenvectors lie within {MaxAngleDeg:G} degree of W A", agree.Count == resolved.Count,
            $"resolved in {resolved.Count} of {fine.Count} seeds (tangent curvature / lambda_max < {HessianAnalysis.FlatThreshold:G}; final grid K per seed = [{string.Join(", ", fine.Select(r => r.Id.K))}]); n_flat = orbit dimension along the tangents in {agree.Count} of them" +
            (resolved.Count == agree.Count ? "" : $" (not: {string.Join(", ", resolved.Except(agree).Select(r => $"seed {r.Id.Seed}: n_flat {r.Flat.NFlat}, orbit dim {r.Flat.OrbitDim}, angle {r.Curvature.MaxPrincipalAngleDeg.ToString("G2", inv)}"))})") +
            (resolved.Count < fine.Count ? $"; unresolved seeds: {string.Join(", ", fine.Except(resolved).Select(r => $"seed {r.Id.Seed} at {r.Curvature.TangentCurvatureRel.ToString("G2", inv)} (K = {r.Id.K})"))}" : ""),
            Conclusive: resolved.Count > 0));

        var broken = results.Where(r => r.Id.Kind == SettingKind.Main && r.Id.Setting is Augmentation.Coarse or Augmentation.None).OrderBy(r => r.Id.Setting).ThenBy(r => r.Id.Seed).ToList();
        checks.Add(new Check("claim 9 controls: where the symmetry is broken (coarse grid, no augmentation) no direction is flat (n_flat = 0)", broken.All(r => r.Flat.NFlat == 0),
            string.Join("; ", broken.GroupBy(r => r.Id.Setting).Select(g => $"{g.Key.Name()} (K = {g.First().Id.K}): n_flat per seed = [{string.Join(", ", g.Select(r => r.Flat.NFlat))}]")),
            Conclusive: broken.Count > 0));

        var invariant = results.Where(r => r.Id.Kind == SettingKind.Main && r.Id.Setting == Augmentation.Invariant).ToList();
        checks.Add(new Check("claim 9: invariant features force no flat direction (n_flat = 0)", invariant.All(r => r.Flat.NFlat == 0),
            $"n_flat per seed = [{string.Join(", ", invariant.OrderBy(r => r.Id.Seed).Select(r => r.Flat.NFlat))}]"));

        if (results.Count > 0)
        {
            var decay = GridDecay.Judge(SeedCurve.From(results), OrbitBandwidth.Of(results[0].Size.Group), RoundingFloor);
            checks.Add(decay.NestedCheck(inv));
            checks.Add(decay.GeometricCheck(inv));
        }
        var both = results.Where(r => r.Agreement is not null).ToList();
        if (both.Count > 0)
        {
            var disagree = both.Where(r => !r.Agreement!.AgreesWith(r)).ToList();
            checks.Add(new Check("the tangent-space path agrees with the full spectrum", disagree.Count == 0,
                $"{both.Count - disagree.Count} of {both.Count} runs agree (n_flat, n_flat_outside, n_flat_gauge where the tangent path is decisive: {both.Count(r => r.Agreement!.Decisive)} runs; " +
                "lambda_max within the Lanczos residual + 10 n u lambda_max; tangent curvature within 10 (n + N) u lambda_max)" +
                (disagree.Count == 0 ? "" : "; disagree: " + string.Join("; ", disagree.Select(r => $"seed {r.Id.Seed} {r.Id.Kind.Name()} {r.Id.Setting.Name()} k={r.Id.K}: n_flat {r.Flat.NFlat} vs {r.Agreement!.NFlat}, lambda_max {r.Curvature.LambdaMax.ToString("R", inv)} vs {r.Agreement.LambdaMax.ToString("R", inv)}, curvature {r.Curvature.TangentCurvature.ToString("R", inv)} vs {r.Agreement.Curvature.ToString("R", inv)}")))));
        }
        return checks;
    }

    /// <summary>n_flat equals the orbit dimension and, when there is an orbit, the flat eigenvectors lie along its tangents.</summary>
    public static bool AlongTangents(HessianResult r) =>
        r.Flat.NFlat == r.Flat.OrbitDim && (r.Flat.OrbitDim == 0 || r.Curvature.MaxPrincipalAngleDeg < MaxAngleDeg);
}
