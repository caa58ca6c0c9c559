using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Features;

/// <summary>
/// The discrete Fourier transform of an h x w image on the torus Z_h x Z_w:
/// X(k1, k2) = sum_{r, c} x(r, c) e^{-2 pi i (k1 r / h + k2 c / w)}, and its inverse. A cyclic
/// shift multiplies X(k) by a phase linear in k, so |X(k)|^2 is translation invariant
/// (<see cref="TorusPowerSpectrum"/>); any other change of phases keeps |X(k)|^2 and, in general,
/// gives an image that is not a translate.
/// </summary>
public static class TorusFourier
{
    /// <summary>X(k1, k2) of the row-major image <paramref name="x"/>, summed over pixels in row-major order.</summary>
    public static Complex Coefficient(Vector<double> x, int height, int width, int k1, int k2)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Count != height * width) throw new ArgumentException($"Expected {height}x{width} = {height * width} pixels; got {x.Count}.", nameof(x));
        double re = 0, im = 0;
        for (int r = 0; r < height; r++)
            for (int c = 0; c < width; c++)
            {
                // Reducing k r modulo h before dividing keeps the phase in [-4 pi, 0], so its rounding stays a few ulps of 4 pi.
                double phase = -2 * Math.PI * ((double)(k1 * r % height) / height + (double)(k2 * c % width) / width);
                re += x[r * width + c] * Math.Cos(phase);
                im += x[r * width + c] * Math.Sin(phase);
            }
        return new Complex(re, im);
    }

    /// <summary>All coefficients, index k1 * width + k2.</summary>
    public static Complex[] Transform(Vector<double> x, int height, int width) =>
        Enumerable.Range(0, height * width).Select(k => Coefficient(x, height, width, k / width, k % width)).ToArray();

    /// <summary>
    /// The image with coefficients <paramref name="coefficients"/> (index k1 * width + k2):
    /// x(r, c) = Re (1 / hw) sum_k X(k) e^{+2 pi i (k1 r / h + k2 c / w)}. The real part is exact
    /// when X(-k) = conj X(k), as for every real image.
    /// </summary>
    public static Vector<double> Inverse(IReadOnlyList<Complex> coefficients, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        if (coefficients.Count != height * width) throw new ArgumentException($"Expected {height * width} coefficients; got {coefficients.Count}.", nameof(coefficients));
        return Vector<double>.Build.Dense(height * width, p =>
        {
            int r = p / width, c = p % width;
            double sum = 0;
            for (int k1 = 0; k1 < height; k1++)
                for (int k2 = 0; k2 < width; k2++)
                {
                    double phase = 2 * Math.PI * ((double)(k1 * r % height) / height + (double)(k2 * c % width) / width);
                    var z = coefficients[k1 * width + k2];
                    sum += z.Real * Math.Cos(phase) - z.Imaginary * Math.Sin(phase);
                }
            return sum / (height * width);
        });
    }

    /// <summary>The frequency conjugate to (k1, k2): (-k1 mod h, -k2 mod w).</summary>
    public static (int K1, int K2) Conjugate(int height, int width, int k1, int k2) => ((height - k1) % height, (width - k2) % width);
}
