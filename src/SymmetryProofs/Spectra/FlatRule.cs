namespace SymmetryProofs.Spectra;

/// <summary>
/// The one flat-direction rule of both paths: the full spectrum's <see cref="SymmetricSpectrum.NearNull"/> and its
/// complement count, every block count of <see cref="TangentFlatness"/> (<see cref="TangentFlatnessReport"/>), and the
/// tangent curvature that decides whether an orbit is resolved. A value is flat when its magnitude
/// is strictly below the threshold (FlatThreshold times max |lambda|); a value exactly at the threshold is not flat.
/// </summary>
public static class FlatRule
{
    /// <summary>Whether |<paramref name="value"/>| is strictly below <paramref name="threshold"/>.</summary>
    public static bool IsFlat(double value, double threshold) => Math.Abs(value) < threshold;
}
