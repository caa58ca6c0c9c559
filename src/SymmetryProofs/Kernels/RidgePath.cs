using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Kernels;

/// <summary>
/// Ridge solutions of (G + lambda I) gamma = b for many penalties at once, and their validation errors, in libtorch
/// (float64): G = Q diag(e) Q^T once (LAPACK syevd through torch.linalg.eigh, as <see cref="SpectralRidge"/>), then
/// the solutions of J penalties are the columns of Q [diag(1/(e + lambda_j)) Q^T b]_j, one BLAS product of m x m by
/// m x J, and their validation residuals one product of the nv x m validation rows by m x J. Against J separate solves
/// and scores (<see cref="SpectralRidge"/>) this reads Q and the validation rows once instead of J times, with
/// blocked BLAS-3 kernels; the arithmetic is the same up to summation order. Negative eigenvalues (rounding of a
/// PSD matrix) count as 0. Use an instance on the thread that made it (<see cref="TorchSetup"/> fixes libtorch's
/// thread count there, so the products sum in the same order on every thread); dispose to free the tensors.
/// </summary>
public sealed class RidgePath : IDisposable
{
    private readonly Tensor _vectors, _values;

    /// <summary>The size m of G.</summary>
    public int Dimension { get; }

    /// <summary>Decomposes the symmetric <paramref name="gram"/> (LAPACK reads its lower triangle).</summary>
    public RidgePath(Matrix<double> gram)
    {
        ArgumentNullException.ThrowIfNull(gram);
        if (gram.RowCount != gram.ColumnCount || gram.RowCount == 0) throw new ArgumentException($"Expected a non-empty square matrix; got {gram.RowCount}x{gram.ColumnCount}.", nameof(gram));
        var rowMajor = gram.ToRowMajorArray();
        int bad = Array.FindIndex(rowMajor, x => !double.IsFinite(x));
        if (bad >= 0) throw new ArgumentException($"Entry ({bad / gram.ColumnCount}, {bad % gram.ColumnCount}) is {rowMajor[bad]}; expected finite entries.", nameof(gram));
        TorchSetup.Initialise();
        Dimension = gram.RowCount;
        using var scope = NewDisposeScope();
        var (values, vectors) = linalg.eigh(Tensors.Float64(rowMajor, [Dimension, Dimension]), UPLO: 'L');
        _values = values.clamp_min(0).unsqueeze(1).MoveToOuterDisposeScope();
        _vectors = vectors.contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>Q^T b: the right-hand side in the eigenbasis, computed once per target.</summary>
    public double[] Rotate(IReadOnlyList<double> rhs)
    {
        ArgumentNullException.ThrowIfNull(rhs);
        if (rhs.Count != Dimension) throw new ArgumentException($"Expected a right-hand side of length {Dimension}; got {rhs.Count}.", nameof(rhs));
        using var scope = NewDisposeScope();
        return _vectors.t().mm(Tensors.Float64(rhs.ToArray(), [Dimension, 1])).contiguous().data<double>().ToArray();
    }

    /// <summary>The m x J solutions gamma_j = Q diag(1/(e + lambda_j)) (Q^T b), one column per penalty, for a right-hand side from <see cref="Rotate"/>. The caller disposes the tensor.</summary>
    public Tensor Solutions(double[] rotated, IReadOnlyList<double> lambdas)
    {
        ArgumentNullException.ThrowIfNull(rotated);
        ArgumentNullException.ThrowIfNull(lambdas);
        if (rotated.Length != Dimension) throw new ArgumentException($"Expected a rotated right-hand side of length {Dimension}; got {rotated.Length}.", nameof(rotated));
        if (lambdas.Count == 0 || lambdas.Any(l => !(l > 0) || !double.IsFinite(l))) throw new ArgumentException($"Ridge penalties must be positive and finite; got {string.Join(", ", lambdas)}.", nameof(lambdas));
        using var scope = NewDisposeScope();
        var scaled = Tensors.Float64(rotated, [Dimension, 1]).div(_values.add(Tensors.Float64(lambdas.ToArray(), [1, lambdas.Count]), Scalars.One));
        return _vectors.mm(scaled).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The mean squared validation residual ||V gamma_j - y||^2 / nv of every column of <paramref name="gammas"/>
    /// (k x J; V is nv x k, <paramref name="labels"/> nv x 1), computed from the rows themselves: the quadratic form
    /// gamma' V'V gamma - 2 gamma.V'y + y'y cancels catastrophically when gamma is large where V barely sees.
    /// </summary>
    public static double[] ValidationMse(Tensor rows, Tensor labels, Tensor gammas)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(gammas);
        using var scope = NewDisposeScope();
        var residual = rows.mm(gammas).add(labels.neg(), Scalars.One);
        double count = rows.shape[0];
        return residual.mul(residual).sum(dim: 0).data<double>().ToArray().Select(v => v / count).ToArray();
    }

    /// <summary>The columns of a k x J tensor as J arrays of length k.</summary>
    public static double[][] Columns(Tensor matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        using var scope = NewDisposeScope();
        int rows = (int)matrix.shape[0], cols = (int)matrix.shape[1];
        var byColumn = matrix.t().contiguous().data<double>().ToArray();
        return Enumerable.Range(0, cols).Select(j => byColumn.AsSpan(j * rows, rows).ToArray()).ToArray();
    }

    public void Dispose()
    {
        _vectors.Dispose();
        _values.Dispose();
    }
}
