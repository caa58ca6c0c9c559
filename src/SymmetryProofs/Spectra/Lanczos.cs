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

    /// <summary>|w| after the last step: the coupling of the Krylov space to the rest (0 on an invariant subspace).</summary>
    public double Remainder { get; }

    private Lanczos(double[] alpha, double[] beta, Matrix<double> basis, double remainder)
    {
        Alpha = alpha;
        Beta = beta;
        Basis = basis;
        Remainder = remainder;
    }

    /// <summary>
    /// Runs up to <paramref name="steps"/> steps from <paramref name="start"/>. On an invariant
    /// subspace (beta ~ 0) it stops, unless <paramref name="restart"/> is given: then it continues
    /// from a fresh vector (orthogonalised against the basis; beta = 0 there, so T is block
    /// diagonal). One Krylov space holds one vector of each eigenspace; restarts are what let a
    /// run of n steps find repeated eigenvalues with their multiplicity.
    /// </summary>
    /// <remarks>
    /// <paramref name="keepIn"/>, when given, projects every new Lanczos vector onto the subspace
    /// the run must stay in (e.g. the complement of known directions, with apply = P H P) before
    /// it is normalised: dividing by a small beta otherwise magnifies the rounding left outside
    /// that subspace, and a vector partly outside it produces spurious Ritz values.
    /// </remarks>
    public static Lanczos Run(Func<double[], double[]> apply, double[] start, int steps, Func<double[]>? restart = null, Func<double[], double[]>? keepIn = null)
    {
        int n = start.Length;
        if (steps < 1 || steps > n) throw new ArgumentOutOfRangeException(nameof(steps), steps, $"Expected 1..{n} steps.");
        var q = new List<Vector<double>>();
        var alpha = new List<double>();
        var beta = new List<double>();
        double remainder = 0, scale = 0;
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
            // Projection and reorthogonalisation alternate, so the last pass leaves only rounding of w's final size.
            for (int pass = 0; pass < 2; pass++)
            {
                if (keepIn is not null) w = Vector<double>.Build.DenseOfArray(keepIn(w.ToArray()));
                foreach (var qi in q) w -= w.DotProduct(qi) * qi;
            }
            double b = w.L2Norm();
            remainder = b;
            scale = Math.Max(scale, Math.Max(Math.Abs(a), b));
            if (j + 1 == steps) break;
            // Breakdown relative to the operator's size seen so far (|alpha|, beta <= |A|): an invariant subspace to rounding.
            if (b <= 1e-12 * scale)
            {
                if (restart is null) break;
                var fresh = Vector<double>.Build.DenseOfArray(keepIn is null ? restart() : keepIn(restart()));
                if (fresh.Count != n) throw new ArgumentException($"The restart vector has {fresh.Count} entries; expected {n}.", nameof(restart));
                double before = fresh.L2Norm();
                for (int pass = 0; pass < 2; pass++)
                {
                    if (keepIn is not null && pass > 0) fresh = Vector<double>.Build.DenseOfArray(keepIn(fresh.ToArray()));
                    foreach (var qi in q) fresh -= fresh.DotProduct(qi) * qi;
                }
                // Nothing new left: the restarts span only what the basis already holds.
                if (!(fresh.L2Norm() > 1e-8 * before)) { remainder = 0; break; }
                beta.Add(0);
                v = fresh / fresh.L2Norm();
                continue;
            }
            beta.Add(b);
            v = w / b;
        }
        var basis = Matrix<double>.Build.DenseOfColumnVectors(q);
        return new Lanczos(alpha.ToArray(), beta.Take(alpha.Count - 1).ToArray(), basis, remainder);
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

    /// <summary>
    /// Residual norms |A y_i - theta_i y_i| of the Ritz pairs, in <see cref="Ritz"/>'s order: the
    /// remainder times the last component of T's eigenvector (exact with full reorthogonalisation,
    /// up to rounding). Each certifies an eigenvalue of A within that distance of theta_i; it
    /// does not exclude eigenvalues the Krylov space has not reached.
    /// </summary>
    public double[] RitzResiduals()
    {
        var (values, z) = Ritz();
        return Enumerable.Range(0, values.Length).Select(i => Remainder * Math.Abs(z[Steps - 1, i])).ToArray();
    }

    /// <summary>Ritz vectors in the original space (columns), matching <see cref="Ritz"/>'s order.</summary>
    public Matrix<double> RitzVectors() => Basis * Ritz().TridiagonalVectors;
}
