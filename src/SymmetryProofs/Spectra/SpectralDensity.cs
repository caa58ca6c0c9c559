namespace SymmetryProofs.Spectra;

/// <summary>
/// Stochastic Lanczos quadrature (Ubaru, Chen and Saad 2017; PyHessian's density): for each
/// Rademacher probe v, m Lanczos steps from v give Gauss nodes theta_i (Ritz values) and weights
/// tau_i^2 (squared first components of T's eigenvectors), so v^T f(H) v / n ~ sum tau_i^2 f(theta_i).
/// Averaging over probes estimates (1/n) tr f(H), i.e. integrals against the spectral density.
/// </summary>
public sealed class SpectralDensity
{
    public int Dimension { get; }
    /// <summary>Per probe: Gauss nodes and weights (weights sum to 1).</summary>
    public IReadOnlyList<(double[] Nodes, double[] Weights)> Quadratures { get; }

    private SpectralDensity(int n, IReadOnlyList<(double[], double[])> quadratures)
    {
        Dimension = n;
        Quadratures = quadratures;
    }

    public static SpectralDensity Estimate(Func<double[], double[]> apply, int n, int steps, int probes, Random rng)
    {
        if (probes < 1) throw new ArgumentOutOfRangeException(nameof(probes), probes, "Expected at least one probe.");
        var list = new List<(double[], double[])>();
        for (int p = 0; p < probes; p++)
        {
            var lanczos = Lanczos.Run(apply, n, steps, rng);
            var (values, vectors) = lanczos.Ritz();
            list.Add((values, Enumerable.Range(0, values.Length).Select(i => vectors[0, i] * vectors[0, i]).ToArray()));
        }
        return new SpectralDensity(n, list);
    }

    /// <summary>Estimate of tr f(H) = n * mean over probes of sum_i w_i f(theta_i).</summary>
    public double Trace(Func<double, double> f) =>
        Dimension * Quadratures.Average(q => q.Nodes.Zip(q.Weights, (x, w) => w * f(x)).Sum());

    /// <summary>The density smoothed by a Gaussian of width sigma, normalised to integrate to 1.</summary>
    public double Density(double x, double sigma) =>
        Quadratures.Average(q => q.Nodes.Zip(q.Weights, (t, w) => w * Math.Exp(-0.5 * Math.Pow((x - t) / sigma, 2))).Sum())
        / (sigma * Math.Sqrt(2 * Math.PI));
}
