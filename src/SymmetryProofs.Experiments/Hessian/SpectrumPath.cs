using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// `--spectrum`: how a hessian run gets its flat-direction verdict (names: full, tangent, auto, both): the full spectrum
/// (dense Hessian, LAPACK), the tangent space only (HVPs and Lanczos, <see cref="SymmetryProofs.Spectra.TangentFlatness"/>),
/// auto (full up to <see cref="SpectrumPaths.AutoLimit"/> parameters, tangent above), or both at the same critical point
/// (the full path's numbers in the row, the tangent path's beside them, and their agreement).
/// </summary>
[JsonConverter(typeof(HessianNames.SpectrumJson))]
public enum SpectrumPath
{
    /// <summary>The dense Hessian's every eigenvalue.</summary>
    Full,
    /// <summary>HVPs only.</summary>
    Tangent,
    /// <summary>Full up to <see cref="SpectrumPaths.AutoLimit"/> parameters, tangent above.</summary>
    Auto,
    /// <summary>Full and tangent at the same critical point.</summary>
    Both,
}

/// <summary>Which path a net takes.</summary>
public static class SpectrumPaths
{
    /// <summary>
    /// Above this many parameters auto takes the tangent path: the dense Hessian is n^2 doubles and
    /// its eigendecomposition O(n^3) per Newton step and per setting (at 3,000 parameters 72 MB and
    /// tens of seconds each on one core), while the quick CI nets (so2, translations) stay far below it.
    /// </summary>
    public const int AutoLimit = 3000;

    /// <summary>The path a net of <paramref name="parameters"/> parameters takes: full, tangent or both (never auto).</summary>
    public static SpectrumPath Resolve(this SpectrumPath path, int parameters) =>
        path == SpectrumPath.Auto ? parameters <= AutoLimit ? SpectrumPath.Full : SpectrumPath.Tangent : path;
}
