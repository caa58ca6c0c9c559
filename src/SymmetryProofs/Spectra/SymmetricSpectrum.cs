using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using SymmetryProofs.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Spectra;

/// <summary>
/// The full eigendecomposition of a symmetric matrix, eigenvalues ascending with their
/// orthonormal eigenvectors as columns. Zero modes need this (or Lanczos): power iteration only
/// finds the largest |lambda|. By default through LAPACK (<see cref="EigenSolver.Lapack"/>);
/// MathNet's managed solver stays available as the independent reference.
/// </summary>
public sealed class SymmetricSpectrum
{
    public double[] Values { get; }
    public Matrix<double> Vectors { get; }
    public int Dimension => Values.Length;
    public double Max => Values[^1];
    public double Min => Values[0];
    public double MaxAbs => Math.Max(Math.Abs(Values[0]), Math.Abs(Values[^1]));

    /// <summary>The solver that computed this spectrum.</summary>
    public EigenSolver Solver { get; }

    private SymmetricSpectrum(double[] values, Matrix<double> vectors, EigenSolver solver)
    {
        Values = values;
        Vectors = vectors;
        Solver = solver;
    }

    /// <summary>
    /// Eigenvalues and eigenvectors of <paramref name="symmetric"/>. The matrix must be symmetric:
    /// LAPACK reads its lower triangle only (symmetrise assembled Hessians first, e.g. with
    /// <c>TorchObjective.Symmetrised</c>). Throws on NaN or infinite entries, which LAPACK would
    /// otherwise turn into a silently meaningless spectrum.
    /// </summary>
    public static SymmetricSpectrum Of(Matrix<double> symmetric, EigenSolver solver = EigenSolver.Lapack)
    {
        ArgumentNullException.ThrowIfNull(symmetric);
        if (symmetric.RowCount != symmetric.ColumnCount) throw new ArgumentException($"Expected a square matrix; got {symmetric.RowCount}x{symmetric.ColumnCount}.", nameof(symmetric));
        if (symmetric.RowCount == 0) throw new ArgumentException("Expected a non-empty matrix.", nameof(symmetric));
        var rowMajor = symmetric.ToRowMajorArray();
        int bad = Array.FindIndex(rowMajor, x => !double.IsFinite(x));
        if (bad >= 0)
            throw new ArgumentException($"Entry ({bad / symmetric.ColumnCount}, {bad % symmetric.ColumnCount}) is {rowMajor[bad]}; expected finite entries.", nameof(symmetric));
        return solver switch
        {
            EigenSolver.Lapack => Lapack(rowMajor, symmetric.RowCount),
            EigenSolver.Managed => Managed(symmetric),
            _ => throw new ArgumentOutOfRangeException(nameof(solver), solver, "Unknown eigensolver."),
        };
    }

    /// <summary>
    /// What <see cref="EigenSolver.Lapack"/> runs on, for reports: libtorch's eigh in float64 and
    /// its intra-op thread count (set by <c>TorchSetup.Initialise</c>; one unless asked otherwise).
    /// </summary>
    public static string DescribeLapack()
    {
        TorchSetup.Initialise();
        return $"LAPACK syevd via libtorch torch.linalg.eigh (TorchSharp {typeof(torch).Assembly.GetName().Version}), float64, {torch.get_num_threads()} thread(s)";
    }

    private static SymmetricSpectrum Lapack(double[] rowMajor, int n)
    {
        TorchSetup.Initialise();
        using var scope = torch.NewDisposeScope();
        var (values, vectors) = torch.linalg.eigh(Tensors.Float64(rowMajor, [n, n]), UPLO: 'L');
        // eigh returns ascending values and eigenvectors as columns of a row-major tensor: its
        // transpose, made contiguous, is the column-major array MathNet's dense storage uses.
        var columnMajor = vectors.t().contiguous().data<double>().ToArray();
        return new SymmetricSpectrum(values.data<double>().ToArray(), Matrix<double>.Build.Dense(n, n, columnMajor), EigenSolver.Lapack);
    }

    private static SymmetricSpectrum Managed(Matrix<double> symmetric)
    {
        var evd = symmetric.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(c => c.Real).ToArray();
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var vectors = Matrix<double>.Build.Dense(symmetric.RowCount, values.Length, (r, c) => evd.EigenVectors[r, order[c]]);
        return new SymmetricSpectrum(order.Select(i => values[i]).ToArray(), vectors, EigenSolver.Managed);
    }

    /// <summary>Indices of eigenvalues with |lambda| strictly below relativeTolerance * max |lambda| (<see cref="FlatRule"/>).</summary>
    public int[] NearNull(double relativeTolerance) =>
        Enumerable.Range(0, Dimension).Where(i => FlatRule.IsFlat(Values[i], relativeTolerance * MaxAbs)).ToArray();

    /// <summary>The eigenvectors with the given indices, as columns.</summary>
    public Matrix<double> Columns(IReadOnlyList<int> indices) =>
        Matrix<double>.Build.Dense(Vectors.RowCount, indices.Count, (r, c) => Vectors[r, indices[c]]);
}
