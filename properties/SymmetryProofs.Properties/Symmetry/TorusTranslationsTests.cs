using MathNet.Numerics.LinearAlgebra;
using FsCheck.Xunit;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Properties.Symmetry;

/// <summary>
/// Band-limited translations form a real orthogonal representation of T^2 (Sec. 4.1's continuous
/// group on images); the Nyquist convention is what makes all three hold at once.
/// </summary>
public class TorusTranslationsTests
{
    // Products of a few 64x64 DFT-built matrices: rounding stays near 1e-15 per entry; 1e-12 is a safe bound.
    private const double Tol = 1e-12;

    private static (int H, int W, double[] T, double[] S) Draw(int seed)
    {
        var rng = new Random(seed);
        int h = 2 + rng.Next(5), w = 2 + rng.Next(5);
        return (h, w, new[] { rng.NextDouble() * 2 * h - h, rng.NextDouble() * 2 * w - w }, new[] { rng.NextDouble() * h, rng.NextDouble() * w });
    }

    [Property(MaxTest = 25)]
    public bool Fixed_nyquist_is_real(int seed)
    {
        var (h, w, t, _) = Draw(seed);
        var u = new TorusTranslations(h, w).ComplexElement(t[0], t[1]);
        return u.Imaginary().Enumerate().All(v => Math.Abs(v) < Tol);
    }

    [Property(MaxTest = 25)]
    public bool Translation_is_orthogonal(int seed)
    {
        var (h, w, t, _) = Draw(seed);
        var u = new TorusTranslations(h, w).Element(t);
        return (u.TransposeThisAndMultiply(u) - Matrix<double>.Build.DenseIdentity(h * w)).FrobeniusNorm() < Tol;
    }

    /// <summary>U(t) U(s) = U(t + s): a group homomorphism from R^2 (hence from T^2, with U(h, w) = I).</summary>
    [Property(MaxTest = 25)]
    public bool Translation_is_a_homomorphism(int seed)
    {
        var (h, w, t, s) = Draw(seed);
        var g = new TorusTranslations(h, w);
        return (g.Element(t) * g.Element(s) - g.Element(new[] { t[0] + s[0], t[1] + s[1] })).FrobeniusNorm() < Tol
            && (g.Element(new double[] { h, w }) - Matrix<double>.Build.DenseIdentity(h * w)).FrobeniusNorm() < Tol;
    }

    /// <summary>The closed form agrees with exp(t1 A1) exp(t2 A2) from the generators.</summary>
    [Fact]
    public void Element_equals_exponential_of_generators()
    {
        var g = new TorusTranslations(4, 5);
        var t = new[] { 0.7, -1.3 };
        var viaExp = LieExponential.Exp(t[0] * g.Generators[0]) * LieExponential.Exp(t[1] * g.Generators[1]);
        Assert.True((g.Element(t) - viaExp).FrobeniusNorm() < 1e-11);
    }

    /// <summary>At integer shifts the action is the cyclic pixel shift on images without Nyquist content (odd sizes have none).</summary>
    [Fact]
    public void Integer_translation_is_cyclic_shift_without_nyquist_content()
    {
        var g = new TorusTranslations(5, 7);
        var rng = new Random(3);
        var x = Vector<double>.Build.Dense(35, _ => rng.NextDouble());
        var shifted = g.Element(new double[] { 2, -3 }) * x;
        Assert.True((shifted - g.CyclicShift(x, 2, -3)).L2Norm() < Tol);
    }

    /// <summary>Negative control: with the Nyquist mode at +n/2 the half-pixel shift is not real.</summary>
    [Fact]
    public void Signed_nyquist_is_not_real()
    {
        var u = new TorusTranslations(4, 4, NyquistHandling.Signed).ComplexElement(0.5, 0);
        Assert.True(u.Imaginary().Enumerate().Max(Math.Abs) > 0.1);
    }

    /// <summary>Negative control: taking the real part of the signed convention breaks orthogonality and the group law.</summary>
    [Fact]
    public void Real_part_of_signed_nyquist_is_neither_orthogonal_nor_homomorphism()
    {
        var g = new TorusTranslations(4, 4, NyquistHandling.RealPart);
        var u = g.Element(new[] { 0.5, 0.0 });
        Assert.True((u.TransposeThisAndMultiply(u) - Matrix<double>.Build.DenseIdentity(16)).FrobeniusNorm() > 0.1);
        Assert.True((u * u - g.Element(new[] { 1.0, 0.0 })).FrobeniusNorm() > 0.1);
    }

    /// <summary>Negative control for the shift claim: an even size with Nyquist content is not shifted cyclically (the (-1)^j mode stays).</summary>
    [Fact]
    public void Nyquist_mode_is_fixed_not_shifted()
    {
        var g = new TorusTranslations(1, 4);
        var nyq = Vector<double>.Build.DenseOfArray(new double[] { 1, -1, 1, -1 });
        Assert.True((g.Element(new double[] { 0, 1 }) * nyq - nyq).L2Norm() < Tol);
        Assert.True((g.CyclicShift(nyq, 0, 1) - nyq).L2Norm() > 1);
    }
}
