using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.IO;
using SymmetryProofs.Spectra;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Spectra;

/// <summary>
/// Hutchinson's spread against its variance formula: for Rademacher probes, v^T A v - tr A =
/// sum_{i != j} A_ij v_i v_j, whose variance is 2 sum_{i != j} A_ij^2 (the diagonal drops out because
/// v_i^2 = 1; Gaussian probes would give 2 |A|_F^2). Over R independent runs of P probes, the implied
/// per-probe variances SE^2 P average to it, and the run means spread with variance sigma^2 / P.
/// </summary>
public class HutchinsonVarianceTests(ITestOutputHelper output)
{
    private const int Size = 20, Runs = 400, ProbesPerRun = 25;

    /// <summary>Standard errors allowed between the measured and the predicted variance (fixed seeds; 5 sd is a 6e-7 two-sided tail).</summary>
    private const double Z = 5;

    /// <summary>A symmetric matrix with a heavy diagonal, so the Rademacher and Gaussian formulas differ by a factor ~4.</summary>
    private static Matrix<double> Matrix()
    {
        var rng = new Random(51);
        var a = Matrix<double>.Build.Dense(Size, Size, (_, _) => rng.NextDouble() - 0.5);
        return a + a.Transpose() + Matrix<double>.Build.DenseOfDiagonalArray(Enumerable.Range(0, Size).Select(i => 3.0 + i % 4).ToArray());
    }

    /// <summary>Per-run implied variances SE^2 P and run means, from R runs with seeds 0..R-1.</summary>
    private static (double[] Variances, double[] Means) Measure(Matrix<double> a)
    {
        var variances = new double[Runs];
        var means = new double[Runs];
        for (int r = 0; r < Runs; r++)
        {
            var (mean, se) = HutchinsonTrace.Estimate(KnownSpectrum.Operator(a), Size, ProbesPerRun, new Random(1000 + r));
            variances[r] = se * se * ProbesPerRun;
            means[r] = mean;
        }
        return (variances, means);
    }

    /// <summary>(measured - predicted) / standard error of the measured mean variance.</summary>
    private static double VarianceZ(double[] variances, double predicted)
    {
        double mean = variances.Average();
        double sd = Math.Sqrt(variances.Sum(v => (v - mean) * (v - mean)) / (variances.Length - 1));
        return (mean - predicted) / (sd / Math.Sqrt(variances.Length));
    }

    private static double Rademacher(Matrix<double> a)
    {
        double s = 0;
        for (int i = 0; i < Size; i++) for (int j = 0; j < Size; j++) if (i != j) s += a[i, j] * a[i, j];
        return 2 * s;
    }

    [Fact]
    public void Hutchinson_spread_matches_the_Rademacher_variance_formula()
    {
        var a = Matrix();
        double predicted = Rademacher(a);
        var (variances, means) = Measure(a);
        double z = VarianceZ(variances, predicted);
        // The spread of the run means: sample variance of R means against sigma^2 / P; for nearly normal means
        // (each averages 25 probes) the sample variance has standard error sqrt(2 / (R - 1)) sigma^2 / P.
        double meanOfMeans = means.Average();
        double spread = means.Sum(m => (m - meanOfMeans) * (m - meanOfMeans)) / (Runs - 1);
        double spreadZ = (spread - predicted / ProbesPerRun) / (Math.Sqrt(2.0 / (Runs - 1)) * predicted / ProbesPerRun);
        output.WriteLine($"predicted per-probe variance 2 sum_(i!=j) A_ij^2 = {Format.Number(predicted)}; measured mean SE^2 P = {Format.Number(variances.Average())} (z = {z:F2}); " +
            $"variance of run means {Format.Number(spread)} vs sigma^2/P = {Format.Number(predicted / ProbesPerRun)} (z = {spreadZ:F2}); mean of means {Format.Number(meanOfMeans)}, trace {Format.Number(a.Trace())}");
        Assert.True(Math.Abs(z) <= Z, $"Per-probe variance off by {z:F2} standard errors.");
        Assert.True(Math.Abs(spreadZ) <= Z, $"Spread of run means off by {spreadZ:F2} standard errors.");
    }

    /// <summary>Negative control: the Gaussian-probe formula 2 |A|_F^2, which counts the diagonal, is rejected by the same test.</summary>
    [Fact]
    public void Gaussian_probe_variance_formula_is_rejected()
    {
        var a = Matrix();
        var (variances, _) = Measure(a);
        double gaussian = 2 * a.FrobeniusNorm() * a.FrobeniusNorm();
        double z = VarianceZ(variances, gaussian);
        output.WriteLine($"2 |A|_F^2 = {Format.Number(gaussian)} vs measured {Format.Number(variances.Average())}: z = {z:F2}");
        Assert.True(Math.Abs(z) > Z, $"Expected the Gaussian formula to be rejected; z = {z:F2}.");
    }
}
