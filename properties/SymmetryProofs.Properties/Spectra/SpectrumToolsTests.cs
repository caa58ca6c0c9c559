using MathNet.Numerics.LinearAlgebra;
using FsCheck.Xunit;
using SymmetryProofs.Spectra;

namespace SymmetryProofs.Properties.Spectra;

/// <summary>Shared construction: a symmetric matrix Q diag(lambda) Q^T with known spectrum.</summary>
internal static class KnownSpectrum
{
    public static Matrix<double> Build(double[] lambda, Random rng)
    {
        int n = lambda.Length;
        var g = Matrix<double>.Build.Dense(n, n, (_, _) => rng.NextDouble() - 0.5);
        var q = g.QR().Q;
        var h = q * Matrix<double>.Build.DenseOfDiagonalArray(lambda) * q.Transpose();
        return 0.5 * (h + h.Transpose());
    }

    public static Func<double[], double[]> Operator(Matrix<double> h) => v => (h * Vector<double>.Build.DenseOfArray(v)).ToArray();
}

/// <summary>The full symmetric eigensolver recovers a planted spectrum (Hessian spectra, claim 9).</summary>
public class SymmetricSpectrumTests
{
    [Property(MaxTest = 15)]
    public bool Planted_spectrum_is_recovered(int seed)
    {
        var rng = new Random(seed);
        int n = 2 + rng.Next(30);
        var lambda = Enumerable.Range(0, n).Select(_ => 10 * rng.NextDouble() - 5).OrderBy(x => x).ToArray();
        var h = KnownSpectrum.Build(lambda, rng);
        var s = SymmetricSpectrum.Of(h);
        // Backward-stable solver: errors ~ n eps |H|; 1e-12 * 5 leaves two orders of margin.
        bool values = lambda.Zip(s.Values, (a, b) => Math.Abs(a - b)).Max() < 1e-12 * 5;
        bool vectors = Enumerable.Range(0, n).All(i => (h * s.Vectors.Column(i) - s.Values[i] * s.Vectors.Column(i)).L2Norm() < 1e-11);
        return values && vectors;
    }

    [Fact]
    public void Near_null_counts_planted_zero_modes()
    {
        var lambda = new[] { 0.0, 1e-9, 0.5, 2, 3 };
        var s = SymmetricSpectrum.Of(KnownSpectrum.Build(lambda, new Random(4)));
        Assert.Equal(2, s.NearNull(1e-6).Length);
    }
}

/// <summary>Lanczos with full reorthogonalisation finds extreme eigenvalues of a planted spectrum.</summary>
public class LanczosTests
{
    [Fact]
    public void Extreme_ritz_values_converge_to_planted_extremes()
    {
        var rng = new Random(7);
        int n = 120;
        var lambda = new[] { -2.0, -1.5, -1.2, 9.0 }.Concat(Enumerable.Range(0, n - 4).Select(_ => rng.NextDouble())).OrderBy(x => x).ToArray();
        var h = KnownSpectrum.Build(lambda, rng);
        var lanczos = Lanczos.Run(KnownSpectrum.Operator(h), n, 60, new Random(8));
        var (ritz, _) = lanczos.Ritz();
        Assert.True(Math.Abs(ritz[^1] - lambda[^1]) < 1e-10, $"largest {ritz[^1]} vs {lambda[^1]}");
        Assert.True(Math.Abs(ritz[0] - lambda[0]) < 1e-10, $"smallest {ritz[0]} vs {lambda[0]}");
        var basis = lanczos.Basis;
        Assert.True((basis.TransposeThisAndMultiply(basis) - Matrix<double>.Build.DenseIdentity(lanczos.Steps)).FrobeniusNorm() < 1e-12);
        var v = lanczos.RitzVectors().Column(lanczos.Steps - 1);
        Assert.True((h * v - ritz[^1] * v).L2Norm() < 1e-8);
    }

    /// <summary>With as many steps as distinct eigenvalues the Ritz values are the spectrum, without ghost copies.</summary>
    [Fact]
    public void Full_run_gives_the_spectrum_without_ghosts()
    {
        var lambda = new[] { -1.0, 0.0, 0.25, 0.5, 4.0, 7.0 };
        var h = KnownSpectrum.Build(lambda, new Random(9));
        var (ritz, _) = Lanczos.Run(KnownSpectrum.Operator(h), 6, 6, new Random(10)).Ritz();
        Assert.Equal(6, ritz.Length);
        for (int i = 0; i < 6; i++) Assert.True(Math.Abs(ritz[i] - lambda[i]) < 1e-10, $"{i}: {ritz[i]} vs {lambda[i]}");
    }
}

/// <summary>Hutchinson's trace estimate: exact on diagonal matrices, within its standard error otherwise.</summary>
public class HutchinsonTraceTests
{
    [Fact]
    public void Exact_on_diagonal_matrix()
    {
        var d = Enumerable.Range(0, 30).Select(i => Math.Sin(i) * 3).ToArray();
        var (mean, se) = HutchinsonTrace.Estimate(KnownSpectrum.Operator(Matrix<double>.Build.DenseOfDiagonalArray(d)), 30, 4, new Random(1));
        Assert.True(Math.Abs(mean - d.Sum()) < 1e-12);
        Assert.True(se < 1e-12);
    }

    [Fact]
    public void Within_four_standard_errors_on_rotated_matrix()
    {
        var rng = new Random(12);
        var lambda = Enumerable.Range(0, 50).Select(_ => rng.NextDouble() * 4 - 1).ToArray();
        var h = KnownSpectrum.Build(lambda, rng);
        var (mean, se) = HutchinsonTrace.Estimate(KnownSpectrum.Operator(h), 50, 200, new Random(13));
        Assert.True(se > 0);
        Assert.True(Math.Abs(mean - lambda.Sum()) < 4 * se, $"estimate {mean} +- {se}, trace {lambda.Sum()}");
    }
}

/// <summary>Stochastic Lanczos quadrature: exact traces of f(H) for diagonal H with a complete Lanczos run; a normalised density.</summary>
public class SpectralDensityTests
{
    [Fact]
    public void Exact_trace_of_functions_for_diagonal_matrix()
    {
        var d = new[] { -2.0, -0.5, 0.1, 1.0, 3.0, 3.5, 6.0, 8.0 };
        var slq = SpectralDensity.Estimate(KnownSpectrum.Operator(Matrix<double>.Build.DenseOfDiagonalArray(d)), 8, 8, 3, new Random(3));
        Assert.True(Math.Abs(slq.Trace(x => x * x) - d.Sum(x => x * x)) < 1e-9);
        Assert.True(Math.Abs(slq.Trace(Math.Exp) - d.Sum(Math.Exp)) < 1e-9 * d.Sum(Math.Exp));
    }

    [Fact]
    public void Density_integrates_to_one_and_locates_mass()
    {
        var rng = new Random(14);
        var lambda = Enumerable.Range(0, 60).Select(i => i < 30 ? 0.0 : 5.0).ToArray();
        var h = KnownSpectrum.Build(lambda, rng);
        var slq = SpectralDensity.Estimate(KnownSpectrum.Operator(h), 60, 10, 20, new Random(15));
        double integral = 0, near0 = 0;
        for (double x = -3; x <= 8; x += 0.001)
        {
            double p = slq.Density(x, 0.1) * 0.001;
            integral += p;
            if (x < 2.5) near0 += p;
        }
        Assert.True(Math.Abs(integral - 1) < 1e-6, $"integral {integral}");
        // Half the eigenvalues are 0: the estimate of that mass has probe noise ~ 1/sqrt(probes * n); 0.1 is several sigma.
        Assert.True(Math.Abs(near0 - 0.5) < 0.1, $"mass near 0: {near0}");
    }
}
