namespace SymmetryProofs.Kernels;

/// <summary>
/// The flat torus [-1,1)^D: coordinates are taken modulo 2. Every function we build on it
/// (cos and sin of pi k.x with integer k) is 2-periodic, so wrapping never changes a value;
/// it only keeps points in one fundamental domain so that orbits are finite sets of floats.
/// </summary>
public static class Torus
{
    /// <summary>Maps v into [-1,1) modulo 2; -0.0 becomes +0.0 so equal points have equal bits.</summary>
    public static double Wrap(double v)
    {
        if (!double.IsFinite(v)) throw new ArgumentException($"Torus coordinate must be finite; got {v}.", nameof(v));
        if (v >= 1.0 || v < -1.0)
        {
            v -= 2.0 * Math.Floor((v + 1.0) / 2.0);
            // Rounding in the line above can land exactly on 1.0 for v just below an odd integer.
            if (v >= 1.0) v -= 2.0;
            if (v < -1.0) v += 2.0;
        }
        return v + 0.0;
    }

    public static double[] Wrap(double[] x) => x.Select(Wrap).ToArray();

    /// <summary>A uniform point of [-1,1)^D from an explicit generator.</summary>
    public static double[] Uniform(Random rng, int dimension)
    {
        var x = new double[dimension];
        for (int j = 0; j < dimension; j++) x[j] = Wrap(2.0 * rng.NextDouble() - 1.0);
        return x;
    }

    /// <summary>A standard normal draw (Box-Muller), so every random stream is fixed by its seed alone.</summary>
    public static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
