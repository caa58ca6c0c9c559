namespace SymmetryProofs.Kernels;

/// <summary>
/// A random target f(x) = phi(x) . c that is invariant by construction (c lies in the range of
/// the averaging projection) and lies just inside H^s of the effective dimension d_eff: on the
/// invariant column of frequency k the coefficient is N(0, tau_k^2) with
/// tau_k^2 = (1 + pi^2 |k|^2)^(-(s + d_eff/2 + eps/2)), so E ||f||_(H^s)^2 ~ sum over a
/// d_eff-dimensional lattice of |k|^(-d_eff - eps), finite only because eps &gt; 0, while
/// H^(s + eps/2 + delta) norms diverge as R grows. Such a target keeps the minimax exponent
/// -2s/(2s + d_eff) visible (up to eps) instead of the faster rates smoother targets allow.
/// </summary>
public sealed class InvariantTarget
{
    public FrequencyLattice Lattice { get; }
    /// <summary>Coefficients on the unscaled features phi (constant, cos, sin).</summary>
    public double[] Coefficients { get; }

    public InvariantTarget(FrequencyLattice lattice, double[] coefficients)
    {
        if (coefficients.Length != lattice.FeatureCount) throw new ArgumentException($"Expected {lattice.FeatureCount} coefficients; got {coefficients.Length}.");
        Lattice = lattice;
        Coefficients = coefficients;
    }

    public static InvariantTarget Draw(InvariantSubspace subspace, double effectiveDimension, double epsilon, Random rng)
    {
        var lattice = subspace.Lattice;
        double exponent = lattice.Smoothness + effectiveDimension / 2.0 + epsilon / 2.0;
        var z = new double[subspace.Count];
        for (int o = 0; o < z.Length; o++)
        {
            int norm2 = FrequencyLattice.Norm2(lattice.FrequencyOf(subspace.Columns[o][0].Index));
            z[o] = Math.Sqrt(Math.Pow(1.0 + Math.PI * Math.PI * norm2, -exponent)) * Torus.Gaussian(rng);
        }
        return new InvariantTarget(lattice, subspace.Lift(z));
    }

    public double Evaluate(double[] x)
    {
        var phi = new double[Lattice.FeatureCount];
        Lattice.Features(x, phi);
        double sum = 0;
        for (int i = 0; i < phi.Length; i++) sum += phi[i] * Coefficients[i];
        return sum;
    }

    /// <summary>Exact ||f_a - f_b||^2 in L2 of the uniform probability measure, by Parseval.</summary>
    public static double SquaredDistance(FrequencyLattice lattice, double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            sum += FrequencyLattice.ParsevalWeight(i) * d * d;
        }
        return sum;
    }
}
