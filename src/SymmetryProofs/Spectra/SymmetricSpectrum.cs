using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace SymmetryProofs.Spectra;

/// <summary>
/// The full eigendecomposition of a symmetric matrix (MathNet's symmetric solver), eigenvalues
/// ascending with their orthonormal eigenvectors as columns. Zero modes need this (or Lanczos):
/// power iteration only finds the largest |lambda|.
/// </summary>
public sealed class SymmetricSpectrum
{
    public double[] Values { get; }
    public Matrix<double> Vectors { get; }
    public int Dimension => Values.Length;
    public double Max => Values[^1];
    public double Min => Values[0];
    public double MaxAbs => Math.Max(Math.Abs(Values[0]), Math.Abs(Values[^1]));

    private SymmetricSpectrum(double[] values, Matrix<double> vectors)
    {
        Values = values;
        Vectors = vectors;
    }

    public static SymmetricSpectrum Of(Matrix<double> symmetric)
    {
        if (symmetric.RowCount != symmetric.ColumnCount) throw new ArgumentException($"Expected a square matrix; got {symmetric.RowCount}x{symmetric.ColumnCount}.", nameof(symmetric));
        var evd = symmetric.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(c => c.Real).ToArray();
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var vectors = Matrix<double>.Build.Dense(symmetric.RowCount, values.Length, (r, c) => evd.EigenVectors[r, order[c]]);
        return new SymmetricSpectrum(order.Select(i => values[i]).ToArray(), vectors);
    }

    /// <summary>Indices of eigenvalues with |lambda| below relativeTolerance * max |lambda|.</summary>
    public int[] NearNull(double relativeTolerance) =>
        Enumerable.Range(0, Dimension).Where(i => Math.Abs(Values[i]) < relativeTolerance * MaxAbs).ToArray();

    /// <summary>The eigenvectors with the given indices, as columns.</summary>
    public Matrix<double> Columns(IReadOnlyList<int> indices) =>
        Matrix<double>.Build.Dense(Vectors.RowCount, indices.Count, (r, c) => Vectors[r, indices[c]]);
}
