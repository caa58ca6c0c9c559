using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Features;

namespace SymmetryProofs.Features;

/// <summary>
/// Translation-invariant features of an h x w image: the power spectrum |X(k1, k2)|^2 / (h w) over
/// one representative of each conjugate pair {k, -k}. <see cref="SymmetryProofs.Symmetry.TorusTranslations"/> multiplies each
/// DFT coefficient by a phase, so these norms of its irreducible blocks are invariant (Sec. 4.2);
/// like every such map they are not complete (they forget the phases).
/// </summary>
public sealed class TorusPowerSpectrum : FeatureMap
{
    private readonly int height, width;
    private readonly (int K1, int K2)[] frequencies;

    public TorusPowerSpectrum(int height, int width) : base(height * width)
    {
        this.height = height;
        this.width = width;
        var reps = new List<(int, int)>();
        for (int k1 = 0; k1 < height; k1++)
            for (int k2 = 0; k2 < width; k2++)
            {
                int c1 = (height - k1) % height, c2 = (width - k2) % width;
                if (k1 < c1 || (k1 == c1 && k2 <= c2)) reps.Add((k1, k2));
            }
        frequencies = reps.ToArray();
    }

    public override string Name => "power-spectrum";
    public override int OutputDim => frequencies.Length;
    public override bool IsEven => true;

    /// <summary>The frequencies (k1, k2) of the features, one per conjugate pair {k, -k}, in feature order.</summary>
    public IReadOnlyList<(int K1, int K2)> Frequencies => frequencies;

    /// <summary>
    /// How many DFT coefficients feature <paramref name="feature"/> stands for: 1 for a
    /// self-conjugate frequency (k = -k), 2 otherwise. Parseval: sum_f Multiplicity(f) phi_f(x) = |x|^2.
    /// </summary>
    public int Multiplicity(int feature)
    {
        var (k1, k2) = frequencies[feature];
        return TorusFourier.Conjugate(height, width, k1, k2) == (k1, k2) ? 1 : 2;
    }

    protected override double[] Compute(Vector<double> x)
    {
        var result = new double[frequencies.Length];
        for (int f = 0; f < frequencies.Length; f++)
        {
            var (k1, k2) = frequencies[f];
            var z = TorusFourier.Coefficient(x, height, width, k1, k2);
            result[f] = (z.Real * z.Real + z.Imaginary * z.Imaginary) / (height * width);
        }
        return result;
    }
}
