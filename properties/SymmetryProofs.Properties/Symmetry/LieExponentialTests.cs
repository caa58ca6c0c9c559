using MathNet.Numerics.LinearAlgebra;
using FsCheck.Xunit;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Properties.Symmetry;

/// <summary>The matrix exponential U(t) = exp(t A) (Sec. 4.1) against closed forms and the group law.</summary>
public class LieExponentialTests
{
    // Padé-13 with scaling and squaring is accurate to a few ulps times the squarings; 1e-12 leaves room for that.
    private const double Tol = 1e-12;

    private static Matrix<double> RandomSkew(int n, Random rng, double scale)
    {
        var m = Matrix<double>.Build.Dense(n, n, (_, _) => scale * (2 * rng.NextDouble() - 1));
        return m - m.Transpose();
    }

    /// <summary>exp(t [[0,-1],[1,0]]) is the rotation by t, also for t far beyond the Padé radius (squaring used).</summary>
    [Theory]
    [InlineData(0.3)]
    [InlineData(-2.0)]
    [InlineData(40.0)]
    public void Exp_of_so2_generator_is_rotation(double t)
    {
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, -t }, { t, 0 } });
        var r = LieExponential.Exp(a);
        var expected = Matrix<double>.Build.DenseOfArray(new double[,] { { Math.Cos(t), -Math.Sin(t) }, { Math.Sin(t), Math.Cos(t) } });
        Assert.True((r - expected).FrobeniusNorm() < Tol * Math.Max(1, Math.Abs(t)), $"exp differs from rotation by {(r - expected).FrobeniusNorm():G3}");
    }

    /// <summary>exp of a skew-symmetric matrix is orthogonal, and exp((s+t)A) = exp(sA) exp(tA).</summary>
    [Property(MaxTest = 30)]
    public bool Exp_of_skew_is_orthogonal_one_parameter_subgroup(int seed)
    {
        var rng = new Random(seed);
        int n = 1 + rng.Next(6);
        var a = RandomSkew(n, rng, 1 + 3 * rng.NextDouble());
        double s = 2 * rng.NextDouble() - 1, t = 2 * rng.NextDouble() - 1;
        var u = LieExponential.Exp((s + t) * a);
        var id = Matrix<double>.Build.DenseIdentity(n);
        return (u.TransposeThisAndMultiply(u) - id).FrobeniusNorm() < 1e-11
            && (u - LieExponential.Exp(s * a) * LieExponential.Exp(t * a)).FrobeniusNorm() < 1e-11;
    }

    /// <summary>A nilpotent N (N^3 = 0) gives exp(N) = I + N + N^2/2 exactly as a polynomial: a non-normal check.</summary>
    [Fact]
    public void Exp_of_nilpotent_is_truncated_series()
    {
        var nmat = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 3, -7 }, { 0, 0, 5 }, { 0, 0, 0 } });
        var expected = Matrix<double>.Build.DenseIdentity(3) + nmat + 0.5 * nmat * nmat;
        Assert.True((LieExponential.Exp(nmat) - expected).FrobeniusNorm() < Tol * expected.FrobeniusNorm());
    }

    /// <summary>A diagonal matrix with large entries exercises the squaring phase: exp(D) = diag(e^d).</summary>
    [Fact]
    public void Exp_of_diagonal_is_elementwise()
    {
        var d = new[] { -12.0, 0.5, 9.0 };
        var e = LieExponential.Exp(Matrix<double>.Build.DenseOfDiagonalArray(d));
        for (int i = 0; i < 3; i++) Assert.True(Math.Abs(e[i, i] - Math.Exp(d[i])) <= Tol * Math.Exp(d[i]) * 10, $"entry {i}: {e[i, i]} vs {Math.Exp(d[i])}");
    }

    [Fact]
    public void Exp_rejects_non_square() =>
        Assert.Throws<ArgumentException>(() => LieExponential.Exp(Matrix<double>.Build.Dense(2, 3)));
}
