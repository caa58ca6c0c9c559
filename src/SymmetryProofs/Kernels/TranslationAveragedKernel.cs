namespace SymmetryProofs.Kernels;

/// <summary>
/// The spectral kernel averaged over translations along coordinate j:
/// (1/2) integral_(-1)^1 K(x + t e_j, y) dt = sum_{|k| &lt;= R, k_j = 0} w_k cos(pi k.(x - y)),
/// exact in Fourier space because the integral of cos(pi k_j t + c) over a period vanishes
/// unless k_j = 0. The result is the spectral kernel of dimension D - 1 on the other coordinates
/// (same s, same R), so it never reads x_j and is invariant bit for bit.
/// </summary>
public sealed class TranslationAveragedKernel : IKernel
{
    public int Dimension { get; }
    public int Coordinate { get; }
    public SpectralKernel Reduced { get; }
    public string Name => $"spectral Sobolev kernel averaged over translations of x{Coordinate}";

    public TranslationAveragedKernel(int dimension, int radius, double smoothness, int coordinate)
    {
        if (dimension < 2) throw new ArgumentException($"Translation averaging needs D >= 2 (else the kernel is constant); got D = {dimension}.");
        if (coordinate < 0 || coordinate >= dimension) throw new ArgumentException($"Coordinate {coordinate} is not in 0..{dimension - 1}.");
        Dimension = dimension;
        Coordinate = coordinate;
        // Smoothness only has to exceed (D-1)/2 for the reduced kernel, but keep the same s as the plain kernel.
        Reduced = new SpectralKernel(new FrequencyLattice(dimension - 1, radius, smoothness));
    }

    public double[] Drop(double[] x) => x.Where((_, i) => i != Coordinate).ToArray();

    public double Evaluate(double[] x, double[] y) => Reduced.Evaluate(Drop(x), Drop(y));

    /// <summary>x shifted by t along the averaged coordinate, wrapped into [-1,1).</summary>
    public double[] Translate(double[] x, double t)
    {
        var y = x.ToArray();
        y[Coordinate] = Torus.Wrap(y[Coordinate] + t);
        return y;
    }
}
