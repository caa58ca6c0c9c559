namespace SymmetryProofs.Kernels;

/// <summary>
/// The truncated spectral Sobolev kernel K_R(x, y) = sum_{|k| &lt;= R} (1 + pi^2 |k|^2)^(-s) cos(pi k.(x - y)).
/// Its RKHS is the trigonometric polynomials of degree R with the H^s norm; it differs from the
/// untruncated kernel by at most <see cref="FrequencyLattice.TailBound"/> at every (x, y).
/// The ball |k| &lt;= R is invariant under every signed permutation, so K_R(g x, g y) = K_R(x, y).
/// </summary>
public sealed class SpectralKernel : IKernel
{
    public FrequencyLattice Lattice { get; }
    public int Dimension => Lattice.Dimension;
    public string Name => $"spectral Sobolev kernel (s = {Lattice.Smoothness}, |k| <= {Lattice.Radius})";

    public SpectralKernel(FrequencyLattice lattice) => Lattice = lattice;

    public SpectralKernel(int dimension, int radius, double smoothness) : this(new FrequencyLattice(dimension, radius, smoothness)) { }

    public double Evaluate(double[] x, double[] y)
    {
        if (x.Length != Dimension || y.Length != Dimension)
            throw new ArgumentException($"Kernel on D = {Dimension} got points of {x.Length} and {y.Length} coordinates.");
        var d = new double[Dimension];
        for (int j = 0; j < Dimension; j++) d[j] = x[j] - y[j];
        double sum = 0;
        for (int h = 0; h < Lattice.Half.Count; h++)
        {
            var k = Lattice.Half[h];
            double t = 0;
            for (int j = 0; j < Dimension; j++) t += k[j] * d[j];
            sum += Lattice.HalfWeights[h] * Math.Cos(Math.PI * t);
        }
        return 1.0 + 2.0 * sum;
    }
}
