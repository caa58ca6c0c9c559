namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// What a sweep's rows say: the log-log exponent of each cost against n_params, fitted over the
/// nets where that cost was measured (never over extrapolated values), and the practical size.
/// </summary>
internal sealed record BenchAnalysis(IReadOnlyList<BenchAnalysis.CostFit> Fits, PracticalSize Practical)
{
    /// <summary>One cost's fit; null when fewer than two nets measured it.</summary>
    public sealed record CostFit(string Cost, string Unit, PowerLaw? Fit, int Measured)
    {
        public string Describe() => Fit is null ? $"not fitted ({Measured} measured net{(Measured == 1 ? "" : "s")}; two are needed)" : Fit.Describe();
    }

    /// <summary>The costs that are fitted, with how to read each from a row and whether the row measured it.</summary>
    public static readonly (string Cost, string Unit, Func<BenchRow, double?> Value)[] Costs =
    [
        ("gradient_ms", "ms", r => r.GradientMs),
        ("hvp_ms", "ms", r => r.HvpMs),
        ("full_hessian_s", "s", r => r.FullHessianSource == BenchRow.Measured ? r.FullHessianS : null),
        ("eigendecomposition_s", "s", r => r.EigendecompositionSource == BenchRow.Measured ? r.EigendecompositionS : null),
        ("full_hessian_plus_spectrum_s", "s", r => r.Extrapolated ? null : r.FullHessianPlusSpectrumS),
        ("peak_memory_mb", "MiB", r => r.PeakMemoryScope == BenchMeasure.ThisNet && !r.Extrapolated ? r.PeakMemoryMb : null),
    ];

    public static BenchAnalysis Of(IReadOnlyList<BenchRow> rows, double budgetSeconds, double budgetMb)
    {
        var fits = Costs.Select(c =>
        {
            var points = rows.Select(r => (N: (double)r.NParams, Y: c.Value(r))).Where(p => p.Y is not null).ToArray();
            return new CostFit(c.Cost, c.Unit, PowerLaw.Fit(points.Select(p => p.N).ToArray(), points.Select(p => p.Y!.Value).ToArray()), points.Length);
        }).ToArray();
        var complete = rows.Where(r => !r.Extrapolated).ToArray();
        var practical = PracticalSize.Of(complete.Select(r => (double)r.NParams).ToArray(), complete.Select(r => r.FullHessianPlusSpectrumS).ToArray(),
            Peaks(rows), budgetSeconds, budgetMb);
        return new BenchAnalysis(fits, practical);
    }

    /// <summary>(n_params, peak MiB) of the nets whose own peak (reset for them) covers a measured eigendecomposition.</summary>
    public static List<(double NParams, double PeakMb)> Peaks(IEnumerable<BenchRow> rows) => rows
        .Where(r => r.EigendecompositionSource == BenchRow.Measured && r.PeakMemoryScope == BenchMeasure.ThisNet && r.PeakMemoryMb is not null)
        .Select(r => ((double)r.NParams, r.PeakMemoryMb!.Value)).ToList();
}
