using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.IO;
using SymmetryProofs.Spectra;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Spectra;

/// <summary>
/// Stochastic Lanczos quadrature against a known, non-trivial spectral density: a matrix with
/// the planted spectrum of Wigner's semicircle on [-2, 2] (the n quantiles of
/// rho(t) = sqrt(4 - t^2) / (2 pi)), rotated by a random orthogonal Q. The error allowed at each
/// point is computed from the two error sources: the probes (the variance of a Rademacher
/// quadratic form, 2 sum_{i != j} f(H)_ij^2) and the Gauss quadrature (at most twice the best
/// polynomial approximation error of degree 2m - 1, bounded by a Chebyshev tail).
/// </summary>
public class SpectralDensityAccuracyTests(ITestOutputHelper output)
{
    private const int N = 100, Steps = 40, Probes = 100;
    private const double Sigma = 0.2;

    /// <summary>Standard deviations of probe noise allowed: P(|Z| &gt; 5) = 6e-7 per point, so 41 correlated points stay far from a false alarm.</summary>
    private const double Z = 5;

    /// <summary>The t with F(t) = p for the semicircle law, by bisection on its closed-form CDF.</summary>
    public static double SemicircleQuantile(double p)
    {
        static double Cdf(double t) => 0.5 + (t * Math.Sqrt(4 - t * t) / 4 + Math.Asin(t / 2)) / Math.PI;
        double lo = -2, hi = 2;
        for (int i = 0; i < 80; i++) { double mid = (lo + hi) / 2; if (Cdf(mid) < p) lo = mid; else hi = mid; }
        return (lo + hi) / 2;
    }

    private static double Gaussian(double u) => Math.Exp(-0.5 * u * u / (Sigma * Sigma)) / (Sigma * Math.Sqrt(2 * Math.PI));

    /// <summary>sum_{k &gt;= from} |c_k| of f's Chebyshev expansion on [a, b] (coefficients from 256 Chebyshev points): a bound on E_{from - 1}(f).</summary>
    public static double ChebyshevTail(Func<double, double> f, double a, double b, int from)
    {
        const int M = 256;
        var values = Enumerable.Range(0, M).Select(j => f((a + b) / 2 + (b - a) / 2 * Math.Cos(Math.PI * (j + 0.5) / M))).ToArray();
        double tail = 0;
        for (int k = from; k < M; k++)
            tail += Math.Abs(2.0 / M * Enumerable.Range(0, M).Sum(j => values[j] * Math.Cos(Math.PI * k * (j + 0.5) / M)));
        return tail;
    }

    private static readonly Lazy<(Matrix<double>, SymmetricSpectrum, double[])> Semicircle = new(Build);

    private static (Matrix<double> H, SymmetricSpectrum Exact, double[] Planted) Planted() => Semicircle.Value;

    /// <summary>One SLQ run (seed 42) shared by the tests of this class: they check different functionals of it.</summary>
    private static readonly Lazy<SpectralDensity> Slq = new(() => SpectralDensity.Estimate(KnownSpectrum.Operator(Planted().H), N, Steps, Probes, new Random(42)));

    private static (Matrix<double> H, SymmetricSpectrum Exact, double[] Planted) Build()
    {
        var planted = Enumerable.Range(0, N).Select(i => SemicircleQuantile((i + 0.5) / N)).ToArray();
        var h = KnownSpectrum.Build(planted, new Random(41));
        return (h, SymmetricSpectrum.Of(h), planted);
    }

    /// <summary>
    /// 2 sum_{i != j} f(H)_ij^2 / n^2 / probes, square-rooted: the standard deviation of the SLQ mean of
    /// v^T f(H) v / n. With H = Q diag(lambda) Q^T, |f(H)|_F^2 = sum_k f(lambda_k)^2 and
    /// f(H)_ii = sum_k Q_ik^2 f(lambda_k), so no n x n product is needed.
    /// </summary>
    private static double ProbeSd(SymmetricSpectrum exact, Func<double, double> f)
    {
        var fl = exact.Values.Select(f).ToArray();
        double frobenius = fl.Sum(v => v * v), diagonal = 0;
        for (int i = 0; i < N; i++)
        {
            double fii = 0;
            for (int k = 0; k < N; k++) fii += exact.Vectors[i, k] * exact.Vectors[i, k] * fl[k];
            diagonal += fii * fii;
        }
        return Math.Sqrt(2 * Math.Max(0, frobenius - diagonal) / Probes) / N;
    }

    /// <summary>Largest |SLQ - reference| / allowed error over a grid of x, for the planted semicircle matrix.</summary>
    private double WorstZ(Func<double, double> reference, bool print)
    {
        var (_, exact, _) = Planted();
        var slq = Slq.Value;
        double worst = 0;
        for (double x = -2.5; x <= 2.5001; x += 0.125)
        {
            double at = x;
            Func<double, double> f = t => Gaussian(at - t);
            double probeSd = ProbeSd(exact, f);
            double quadrature = 2 * ChebyshevTail(f, exact.Min, exact.Max, 2 * Steps);
            double allowed = Z * probeSd + quadrature + 1e-12;
            double gap = Math.Abs(slq.Density(x, Sigma) - reference(x));
            worst = Math.Max(worst, gap / allowed);
            if (print) output.WriteLine($"x = {x,6:F3}: SLQ {slq.Density(x, Sigma):F6}, reference {reference(x):F6}, gap {gap:E2}, probe sd {probeSd:E2}, quadrature bound {quadrature:E2}");
        }
        return worst;
    }

    /// <summary>The SLQ density (Gaussian width 0.2) matches the planted semicircle's smoothed density within its probe and quadrature error at every x.</summary>
    [Fact]
    public void Slq_density_matches_the_planted_semicircle_within_its_error()
    {
        var (_, _, planted) = Planted();
        double worst = WorstZ(x => planted.Average(t => Gaussian(x - t)), print: true);
        output.WriteLine($"Largest gap / allowed error: {Format.Number(worst)}");
        Assert.True(worst <= 1, $"SLQ density off by {Format.Number(worst)} times its allowed error.");
    }

    /// <summary>Negative control: the same error budget rejects a semicircle 5% wider, so the test sees a wrong density.</summary>
    [Fact]
    public void Slq_density_rejects_a_semicircle_five_percent_wider()
    {
        var wider = Planted().Planted.Select(t => 1.05 * t).ToArray();
        double worst = WorstZ(x => wider.Average(t => Gaussian(x - t)), print: false);
        output.WriteLine($"Largest gap / allowed error against the wider semicircle: {Format.Number(worst)}");
        Assert.True(worst > 1, $"Expected the wider semicircle to be rejected; largest gap / allowed was {Format.Number(worst)}.");
    }

    /// <summary>tr(H^4) / n: Gauss quadrature with 40 nodes is exact for degree 4 (up to rounding), so only probe noise remains (variance 2 sum_{i != j} (H^4)_ij^2 / n^2 per probe).</summary>
    [Fact]
    public void Slq_fourth_moment_is_within_probe_noise_of_the_exact_trace()
    {
        var (_, exact, _) = Planted();
        var slq = Slq.Value;
        double sd = ProbeSd(exact, t => t * t * t * t);
        double estimate = slq.Trace(t => t * t * t * t) / N, truth = exact.Values.Average(t => t * t * t * t);
        output.WriteLine($"tr(H^4)/n: SLQ {estimate:F6}, exact {truth:F6} (semicircle limit 2), probe sd {sd:E2}");
        Assert.True(Math.Abs(estimate - truth) <= Z * sd + 1e-12, $"SLQ {estimate} vs exact {truth}, {Z} sd = {Z * sd}");
    }
}
