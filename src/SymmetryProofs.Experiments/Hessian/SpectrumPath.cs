namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// How a hessian run gets its flat-direction verdict: the full spectrum (dense Hessian, LAPACK), the
/// tangent space only (HVPs and Lanczos, <see cref="SymmetryProofs.Spectra.TangentFlatness"/>), auto
/// (full up to <see cref="AutoLimit"/> parameters, tangent above), or both at the same critical
/// point (the full path's numbers in the row, the tangent path's beside them, and their agreement).
/// </summary>
public static class SpectrumPath
{
    public const string Full = "full", Tangent = "tangent", Auto = "auto", Both = "both";

    public static readonly string[] Names = [Full, Tangent, Auto, Both];

    /// <summary>
    /// Above this many parameters auto takes the tangent path: the dense Hessian is n^2 doubles and
    /// its eigendecomposition O(n^3) per Newton step and per setting (at 3,000 parameters 72 MB and
    /// tens of seconds each on one core), while the quick CI nets (so2, translations) stay far below it.
    /// </summary>
    public const int AutoLimit = 3000;

    /// <summary>The path a net of <paramref name="parameters"/> parameters takes: full, tangent or both.</summary>
    public static string Resolve(string path, int parameters) => path switch
    {
        Auto => parameters <= AutoLimit ? Full : Tangent,
        Full or Tangent or Both => path,
        _ => throw new ArgumentException($"Unknown spectrum path '{path}'; expected one of {string.Join(", ", Names)}.", nameof(path)),
    };
}
