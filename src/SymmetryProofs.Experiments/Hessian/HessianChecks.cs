using System.Globalization;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// What the theory predicts that a hessian run can refute (claims 9 and 10), as checks:
/// every run reached the critical-point tolerance (else no spectrum is at a critical point);
/// where the fine grid resolves the orbit (its tangent curvature is below the flat threshold),
/// the near-null non-gauge directions are exactly the orbit's (n_flat = orbit dimension);
/// invariant features force no flat direction (n_flat = 0); and the tangent curvature of grid
/// augmentation does not rise with K (the pseudo-Goldstone curvature shrinks as the grid refines).
/// Seeds the fine grid does not resolve are counted and reported, not passed silently.
/// </summary>
internal static class HessianChecks
{
    /// <summary>Relative curvatures below this are not resolved at |grad| up to 1e-8 (see HessianReport).</summary>
    public const double RoundingFloor = 1e-8;

    public static IReadOnlyList<Check> Evaluate(IReadOnlyList<HessianResult> results)
    {
        var inv = CultureInfo.InvariantCulture;
        var checks = new List<Check>();
        int notConverged = results.Count(r => !r.Point.Converged);
        checks.Add(new Check("every run reached |grad| < 1e-8", notConverged == 0, $"{results.Count - notConverged} of {results.Count} runs"));

        var fine = results.Where(r => r.Id.Kind == SettingKind.Main && r.Id.Setting == Augmentation.Fine).OrderBy(r => r.Id.Seed).ToList();
        var resolved = fine.Where(r => Math.Abs(r.Curvature.TangentCurvatureRel) < HessianAnalysis.FlatThreshold).ToList();
        int agree = resolved.Count(r => r.Flat.NFlat == r.Flat.OrbitDim);
        checks.Add(new Check("claim 9: where the fine grid resolves the orbit, n_flat = orbit dimension", agree == resolved.Count,
            $"resolved in {resolved.Count} of {fine.Count} seeds (tangent curvature / lambda_max < {HessianAnalysis.FlatThreshold:G}); n_flat = orbit dimension in {agree} of them" +
            (resolved.Count < fine.Count ? $"; unresolved seeds: {string.Join(", ", fine.Except(resolved).Select(r => $"seed {r.Id.Seed} at {r.Curvature.TangentCurvatureRel.ToString("G2", inv)}"))}" : ""),
            Conclusive: resolved.Count > 0));

        var invariant = results.Where(r => r.Id.Kind == SettingKind.Main && r.Id.Setting == Augmentation.Invariant).ToList();
        checks.Add(new Check("claim 9: invariant features force no flat direction (n_flat = 0)", invariant.All(r => r.Flat.NFlat == 0),
            $"n_flat per seed = [{string.Join(", ", invariant.OrderBy(r => r.Id.Seed).Select(r => r.Flat.NFlat))}]"));

        var sweep = results.Where(r => r.Id.Kind == SettingKind.KSweep).GroupBy(r => r.Id.K).OrderBy(g => g.Key)
            .Select(g => (K: g.Key, C: g.Average(r => Math.Abs(r.Curvature.TangentCurvatureRel)))).ToList();
        var rises = sweep.Zip(sweep.Skip(1), (a, b) => (a, b)).Where(p => p.b.C > p.a.C && p.b.C > RoundingFloor).ToList();
        checks.Add(new Check("claim 10: the tangent curvature of a K-grid does not rise as K grows", rises.Count == 0,
            rises.Count == 0 ? $"{sweep.Count} grid sizes, from {sweep.FirstOrDefault().C.ToString("G2", inv)} at K = {sweep.FirstOrDefault().K} to {sweep.LastOrDefault().C.ToString("G2", inv)} at K = {sweep.LastOrDefault().K}"
                : string.Join("; ", rises.Select(p => $"K = {p.a.K} -> {p.b.K}: {p.a.C.ToString("G2", inv)} -> {p.b.C.ToString("G2", inv)}"))));

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
}
