namespace SymmetryProofs.Spectra;

/// <summary>
/// Hutchinson's estimator tr(H) = E[v^T H v] with Rademacher probes v (as PyHessian does). For a
/// diagonal H every probe gives the trace exactly, since v_i^2 = 1.
/// </summary>
public static class HutchinsonTrace
{
    public static (double Mean, double StandardError) Estimate(Func<double[], double[]> apply, int n, int probes, Random rng)
    {
        if (probes < 2) throw new ArgumentOutOfRangeException(nameof(probes), probes, "Need at least two probes for a standard error.");
        var samples = new double[probes];
        for (int p = 0; p < probes; p++)
        {
            var v = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.5 ? -1.0 : 1.0).ToArray();
            var hv = apply(v);
            double s = 0;
            for (int i = 0; i < n; i++) s += v[i] * hv[i];
            samples[p] = s;
        }
        double mean = samples.Average();
        double variance = samples.Sum(s => (s - mean) * (s - mean)) / (probes - 1);
        return (mean, Math.Sqrt(variance / probes));
    }
}
