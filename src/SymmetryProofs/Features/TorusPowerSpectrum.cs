using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Features;

namespace SymmetryProofs.Features;

/// <summary>
/// Translation-invariant features of an h x w image: the power spectrum |X(k1, k2)|^2 / (h w) over
/// one representative of each conjugate pair {k, -k}. <see cref="TorusTranslations"/> multiplies each
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

    protected override double[] Compute(Vector<double> x)
    {
        var result = new double[frequencies.Length];
        for (int f = 0; f < frequencies.Length; f++)
        {
            var (k1, k2) = frequencies[f];
            double re = 0, im = 0;
            for (int r = 0; r < height; r++)
                for (int c = 0; c < width; c++)
                {
                    double phase = -2 * Math.PI * ((double)(k1 * r % height) / height + (double)(k2 * c % width) / width);
                    re += x[r * width + c] * Math.Cos(phase);
                    im += x[r * width + c] * Math.Sin(phase);
                }
            result[f] = (re * re + im * im) / (height * width);
        }
        return result;
    }
}
