using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Representations;

/// <summary>
/// The real canonical form of a skew-symmetric matrix B = V diag(omega_1 J, ..., omega_p J, 0, ..., 0) V^T,
/// J = [[0, -1], [1, 0]], omega_k &gt; 0, V orthogonal: one rotation plane per pair of eigenvalues
/// +-i omega, and the kernel. Built from the symmetric eigenproblem of -B^2 (MathNet's solver) and
/// v = B u / omega inside each eigenspace, which fixes the orientation of every plane so that
/// B acts on it as +omega J.
/// </summary>
internal sealed class SkewCanonicalForm
{
    /// <summary>Eigenvalues of -B^2 closer than this (relative to the largest, at least 1) are one cluster: the solver's error is a few ulps of the largest.</summary>
    public const double ClusterTolerance = 1e-8;

    /// <summary>Orthonormal columns: the planes first (two columns each, in <see cref="Frequencies"/> order), then the kernel.</summary>
    public Matrix<double> Basis { get; }

    /// <summary>omega_k of each plane, ascending; the kernel follows the planes in <see cref="Basis"/>.</summary>
    public IReadOnlyList<double> Frequencies { get; }

    public int KernelDimension => Basis.ColumnCount - 2 * Frequencies.Count;

    public SkewCanonicalForm(Matrix<double> b)
    {
        int n = b.RowCount;
        var evd = (-(b * b)).Evd(Symmetricity.Symmetric);
        var mu = evd.EigenValues.Select(z => z.Real).ToArray();
        var vectors = evd.EigenVectors;
        double scale = Math.Max(1, mu.Max(Math.Abs));
        var order = Enumerable.Range(0, n).OrderBy(i => mu[i]).ToArray();
        var planes = new List<Vector<double>>();
        var kernel = new List<Vector<double>>();
        var frequencies = new List<double>();
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && mu[order[end]] - mu[order[start]] <= ClusterTolerance * scale) end++;
            var cluster = order[start..end].Select(i => vectors.Column(i)).ToList();
            double mean = order[start..end].Average(i => mu[i]);
            if (mean <= ClusterTolerance * scale) kernel.AddRange(cluster);
            else
            {
                if (cluster.Count % 2 != 0) throw new InvalidOperationException($"An eigenvalue {mean:G6} of -B^2 has odd multiplicity {cluster.Count}: B is not skew-symmetric to working accuracy.");
                double omega = Math.Sqrt(mean);
                var chosen = new List<Vector<double>>();
                while (chosen.Count < cluster.Count)
                {
                    // The candidate with the largest part outside the planes chosen so far, made orthogonal to them.
                    var u = cluster.Select(c => Orthogonalise(c, chosen)).MaxBy(c => c.L2Norm())!;
                    u /= u.L2Norm();
                    var v = b * u / omega;
                    v = Orthogonalise(v, chosen);
                    v /= v.L2Norm();
                    chosen.Add(u);
                    chosen.Add(v);
                    frequencies.Add(omega);
                }
                planes.AddRange(chosen);
            }
            start = end;
        }
        Basis = Matrix<double>.Build.DenseOfColumnVectors(planes.Concat(kernel));
        Frequencies = frequencies;
    }

    private static Vector<double> Orthogonalise(Vector<double> v, IReadOnlyList<Vector<double>> against)
    {
        var r = v.Clone();
        foreach (var a in against) r -= a.DotProduct(r) * a;
        return r;
    }
}
