namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// Peak memory as a fixed part plus a number of dense n x n float64 copies: peak ~ FixedMb + Copies * 8 n^2,
/// fitted by least squares over the nets whose own peak covers the eigendecomposition. The fixed part
/// holds the runtime, the data and the activations; the copies are the Hessian, its symmetrised copy,
/// the solver's input, eigenvectors and workspace. Small nets barely constrain the copies: the fit
/// rests on the largest nets measured.
/// </summary>
internal sealed record MemoryModel(double FixedMb, double Copies, int Points)
{
    /// <summary>The fit over (n_params, peak MiB); null with fewer than two distinct sizes or a fit whose copies are not positive.</summary>
    public static MemoryModel? Fit(IReadOnlyList<(double NParams, double PeakMb)> points)
    {
        if (points.Select(p => p.NParams).Distinct().Count() < 2) return null;
        var (a, b) = MathNet.Numerics.Fit.Line(points.Select(p => DenseMb(p.NParams)).ToArray(), points.Select(p => p.PeakMb).ToArray());
        return b > 0 ? new MemoryModel(a, b, points.Count) : null;
    }

    /// <summary>MiB of one dense n x n float64 matrix.</summary>
    public static double DenseMb(double n) => 8 * n * n / (1 << 20);

    /// <summary>The predicted peak at <paramref name="nParams"/>, in MiB.</summary>
    public double At(double nParams) => FixedMb + Copies * DenseMb(nParams);

    /// <summary>The largest n_params whose predicted peak stays within <paramref name="budgetMb"/>; null when even the fixed part exceeds it.</summary>
    public double? Where(double budgetMb) => budgetMb > FixedMb ? Math.Sqrt((budgetMb - FixedMb) * (1 << 20) / (8 * Copies)) : null;

    public string Describe() => $"{FixedMb:F0} MiB + {Copies:F1} dense n x n float64 copies, least squares over {Points} nets";
}
