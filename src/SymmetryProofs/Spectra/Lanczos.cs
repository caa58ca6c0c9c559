using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Spectra;

/// <summary>
/// The Lanczos process for a symmetric operator given only by its products, with full
/// reorthogonalisation (two Gram-Schmidt passes against every earlier vector), so the Ritz values
/// do not produce spurious copies. Used for the extreme eigenvalues of large Hessians and for
/// stochastic Lanczos quadrature.
/// </summary>
public sealed class Lanczos
{
    public double[] Alpha { get; }
    public double[] Beta { get; }
    /// <summary>The orthonormal Lanczos vectors as columns (n x steps).</summary>
    public Matrix<double> Basis { get; }
    public int Steps => Alpha.Length;

    private Lanczos(double[] alpha, double[] beta, Matrix<double> basis)
    {
        Alpha = alpha;
        Beta = beta;
        Basis = basis;
    }

    /// <summary>Runs up to <paramref name="steps"/> steps from <paramref name="start"/>; stops early on an invariant subspace.</summary>
    public static Lanczos Run(Func<double[], double[]> apply, double[] start, int steps)
    {
        int n = start.Length;
        if (steps < 1 || steps > n) throw new ArgumentOutOfRangeException(nameof(steps), steps, $"Expected 1..{n} steps.");
        var q = new List<Vector<double>>();
        var alpha = new List<double>();
        var beta = new List<double>();
        var v = Vector<double>.Build.DenseOfArray(start);
        double norm = v.L2Norm();
        if (!(norm > 0)) throw new ArgumentException("The start vector must be non-zero and finite.", nameof(start));
        v /= norm;
        for (int j = 0; j < steps; j++)
        {
            q.Add(v);
            var w = Vector<double>.Build.DenseOfArray(apply(v.ToArray()));
            if (w.Count != n) throw new ArgumentException($"The operator returned {w.Count} entries; expected {n}.", nameof(apply));
            double a = w.DotProduct(v);
            alpha.Add(a);
            for (int pass = 0; pass < 2; pass++)
                foreach (var qi in q) w -= w.DotProduct(qi) * qi;
            double b = w.L2Norm();
            if (j + 1 == steps || b <= 1e-12 * Math.Max(1, Math.Abs(a))) break;
            beta.Add(b);
            v = w / b;
        }
        var basis = Matrix<double>.Build.DenseOfColumnVectors(q);
        return new Lanczos(alpha.ToArray(), beta.Take(alpha.Count - 1).ToArray(), basis);
    }

    public static Lanczos Run(Func<double[], double[]> apply, int n, int steps, Random rng) =>
        Run(apply, Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.5 ? -1.0 : 1.0).ToArray(), steps);

    /// <summary>Ritz values (ascending) and the eigenvectors of the tridiagonal matrix T as columns.</summary>
    public (double[] Values, Matrix<double> TridiagonalVectors) Ritz()
    {
        int m = Steps;
        var t = Matrix<double>.Build.Dense(m, m);
        for (int i = 0; i < m; i++)
        {
            t[i, i] = Alpha[i];
            if (i + 1 < m) t[i, i + 1] = t[i + 1, i] = Beta[i];
        }
        var s = SymmetricSpectrum.Of(t);
        return (s.Values, s.Vectors);
    }

    /// <summary>Ritz vectors in the original space (columns), matching <see cref="Ritz"/>'s order.</summary>
    public Matrix<double> RitzVectors() => Basis * Ritz().TridiagonalVectors;
}
