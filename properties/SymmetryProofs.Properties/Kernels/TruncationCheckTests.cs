using SymmetryProofs.Kernels;

namespace SymmetryProofs.Properties.Kernels;

/// <summary>The truncation check the experiment can use to raise R (<see cref="TruncationCheck"/>).</summary>
public class TruncationCheckTests
{
    private static (KernelSpectrum, KernelSpectrum) Inversion1D(int r, bool untruncated) =>
        TorusSpectra.ForGroup(1, 1.0, r, TorusGroup.Inversion(1), 0.2, untruncated);

    /// <summary>The radius returned keeps both effects within 2% at n = 2^16, and the step before it does not
    /// (it is the first on its scan); the experiment's D = 1 radius 64 is truncation-limited there (the control).</summary>
    [Fact]
    public void Required_radius_is_the_first_within_tolerance()
    {
        double n = 1 << 16, noise = 9e-4;
        int r = TruncationCheck.RequiredRadius(Inversion1D, 64, n, noise);
        var at = TruncationCheck.RelativeEffect(Inversion1D, r, n, noise);
        Assert.True(at.Plain <= 0.02 && at.Invariant <= 0.02, $"R = {r}: effects {at}");
        int previous = 64;
        while ((int)Math.Ceiling(previous * 1.25) < r) previous = (int)Math.Ceiling(previous * 1.25);
        var before = TruncationCheck.RelativeEffect(Inversion1D, previous, n, noise);
        Assert.True(r == 64 || before.Plain > 0.02 || before.Invariant > 0.02, $"R = {previous} already within 2%: {before}");
        var current = TruncationCheck.RelativeEffect(Inversion1D, 64, n, noise);
        Assert.True(current.Plain > 0.02 || current.Invariant > 0.02, $"R = 64 was expected to be truncation-limited at n = 2^16: {current}");
    }
}
