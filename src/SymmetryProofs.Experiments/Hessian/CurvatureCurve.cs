namespace SymmetryProofs.Experiments.Hessian;

/// <summary>One point of a K sweep: the grid size K per generator and |tangent curvature| / lambda_max at that grid's critical point.</summary>
internal readonly record struct CurvaturePoint(int K, double C);

/// <summary>One seed's K sweep, points in increasing K.</summary>
internal sealed record SeedCurve(int Seed, IReadOnlyList<CurvaturePoint> Points)
{
    /// <summary>Every seed's K sweep from the results (kind k-sweep, continued by the extension grids it trained), |tangent curvature| / lambda_max per K.</summary>
    public static IReadOnlyList<SeedCurve> From(IEnumerable<HessianResult> results) =>
        results.Where(r => r.Id.Kind is SettingKind.KSweep or SettingKind.Extension).GroupBy(r => r.Id.Seed).OrderBy(g => g.Key)
            .Select(g => new SeedCurve(g.Key, g.OrderBy(r => r.Id.K).Select(r => new CurvaturePoint(r.Id.K, Math.Abs(r.Curvature.TangentCurvatureRel))).ToList()))
            .ToList();

    /// <summary>The curvature at <paramref name="k"/>, or null when the sweep has no such grid.</summary>
    public double? At(int k)
    {
        foreach (var p in Points) if (p.K == k) return p.C;
        return null;
    }
}
