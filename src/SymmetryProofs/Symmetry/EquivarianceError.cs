using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Symmetry;

/// <summary>
/// The error measure of every equivariance check, as emlp's <c>rel_error</c>: |a - b| / (|a| + |b|),
/// with a floor on the denominator given by the outputs' typical scale, so that an output near zero
/// (or an element near the identity) does not make a large absolute error look small or a rounding
/// error look large. Computed in float64.
/// </summary>
public static class EquivarianceError
{
    /// <summary>
    /// |a - b|_2 / max(|a|_2 + |b|_2, <paramref name="scaleFloor"/>); 0 when a = b (also when both are 0), NaN when
    /// either holds a NaN or an infinity.
    /// </summary>
    public static double Relative(Vector<double> a, Vector<double> b, double scaleFloor = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count) throw new ArgumentException($"Outputs of lengths {a.Count} and {b.Count} cannot be compared.", nameof(b));
        if (!a.ForAll(double.IsFinite) || !b.ForAll(double.IsFinite)) return double.NaN;
        double diff = (a - b).L2Norm();
        if (diff == 0) return 0;
        return diff / Math.Max(a.L2Norm() + b.L2Norm(), scaleFloor);
    }
}
