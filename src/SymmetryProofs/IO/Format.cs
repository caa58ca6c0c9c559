using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.IO;

/// <summary>Numbers as a person writes them in a counterexample: round-trip exact, bracketed rows.</summary>
public static class Format
{
    public static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public static string Vector(IEnumerable<double> v) => "[" + string.Join(", ", v.Select(Number)) + "]";

    public static string Matrix(Matrix<double> m) =>
        "[" + string.Join("; ", Enumerable.Range(0, m.RowCount).Select(i => string.Join(", ", m.Row(i).Select(Number)))) + "]";
}
