using MathNet.Numerics.LinearAlgebra;
using FsCheck.Xunit;
using SymmetryProofs.Symmetry;
using SymmetryProofs.Data;
using SymmetryProofs.Features;

namespace SymmetryProofs.Properties.Features;

/// <summary>The power spectrum is an invariant feature map of band-limited translations (Sec. 4.2, irreducible norms).</summary>
public class TorusPowerSpectrumTests
{
    [Property(MaxTest = 20)]
    public bool Power_spectrum_is_translation_invariant(int seed)
    {
        var rng = new Random(seed);
        int h = 2 + rng.Next(5), w = 2 + rng.Next(5);
        var g = new TorusTranslations(h, w);
        var phi = new TorusPowerSpectrum(h, w);
        var x = Vector<double>.Build.Dense(h * w, _ => 2 * rng.NextDouble() - 1);
        var y = g.Element(g.RandomCoordinates(rng)) * x;
        // Both sides sum O(hw) products of order 1: 1e-12 relative to the energy |x|^2 covers the rounding.
        return (phi.Apply(x) - phi.Apply(y)).InfinityNorm() < 1e-12 * Math.Max(1, x.DotProduct(x));
    }

    /// <summary>One feature per conjugate pair: (hw + number of self-conjugate frequencies) / 2; Parseval: they sum to |x|^2 with the pairs counted twice.</summary>
    [Fact]
    public void One_feature_per_conjugate_pair()
    {
        Assert.Equal((64 + 4) / 2, new TorusPowerSpectrum(8, 8).OutputDim);
        Assert.Equal((15 + 1) / 2, new TorusPowerSpectrum(3, 5).OutputDim);
    }

    /// <summary>Negative control: a transposition of two pixels is not a translation and changes the spectrum.</summary>
    [Fact]
    public void Pixel_swap_changes_power_spectrum()
    {
        var phi = new TorusPowerSpectrum(4, 4);
        var x = Vector<double>.Build.Dense(16, i => i % 3 == 0 ? 1 : -0.5);
        var y = x.Clone();
        (y[0], y[5]) = (y[5], y[0]);
        Assert.True((phi.Apply(x) - phi.Apply(y)).InfinityNorm() > 1e-3);
    }
}
