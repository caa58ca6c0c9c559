using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// The bandwidth B of a torus action: the highest harmonic of t -> U(t) x over one period, i.e. the largest
/// |omega| P / (2 pi) over the generators' eigenvalues i omega (P the generator's period). A K-point grid
/// integrates exactly every harmonic that is not a nonzero multiple of K, so it averages the part of the loss
/// that is quadratic in the input (harmonics up to 2B) exactly once K &gt; 2B: below that the pseudo-Goldstone
/// curvature is set by the input's own low harmonics aliasing, above it only by products of three or more.
/// </summary>
internal static class OrbitBandwidth
{
    /// <summary>B of <paramref name="group"/>: for a skew (normal) generator the singular values are the |omega|.</summary>
    public static int Of(LieGroupAction group)
    {
        ArgumentNullException.ThrowIfNull(group);
        double b = 0;
        for (int a = 0; a < group.Dimension; a++)
        {
            double omega = group.Generators[a].Svd(computeVectors: false).S.Maximum();
            b = Math.Max(b, omega * group.Periods[a] / (2 * Math.PI));
        }
        // The harmonics are integers; rounding removes the eigensolver's last bits.
        return (int)Math.Round(b);
    }

    /// <summary>B of the action each hessian group uses (SO(2) on R^2; the band-limited translations of 8x8 images).</summary>
    public static int Of(HessianGroup group) => group switch
    {
        HessianGroup.So2 => Of(new So2Action()),
        HessianGroup.Translations => Of(new TorusTranslations(8, 8)),
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };
}
