using System.Globalization;
using SymmetryProofs.IO;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Checking;

/// <summary>
/// One point of the search: an input x and a group element g (for a Lie group also its coordinates t,
/// which the search moves). Its <see cref="Size"/> orders cases for shrinking: fewer non-zero
/// coordinates, then fewer significant digits, then a shorter element.
/// </summary>
public sealed record SearchCase(double[] X, GroupElement Element, double[]? T = null)
{
    /// <summary>(non-zero coordinates, significant digits of the coordinates, length of the element's label or coordinates).</summary>
    public (int NonZero, int Digits, int Element) Size =>
        (X.Count(v => v != 0), X.Sum(Digits), T is null ? (Element.IsIdentity ? 0 : Element.Label.Split(' ').Length) : T.Sum(Digits));

    /// <summary>Whether <paramref name="other"/> is strictly smaller in the lexicographic order of <see cref="Size"/>.</summary>
    public bool IsSimplerThan(SearchCase other) => Size.CompareTo(other.Size) < 0;

    /// <summary>Significant digits of the shortest round-trip decimal of v (0 for 0).</summary>
    public static int Digits(double v)
    {
        if (v == 0) return 0;
        var mantissa = Math.Abs(v).ToString("R", CultureInfo.InvariantCulture).Split('E')[0].Replace(".", "");
        return Math.Max(1, mantissa.Trim('0').Length);
    }

    public override string ToString() => $"g = {Element.Label}, x = {Format.Vector(X)}";

    /// <summary>The case as a person reads a sparse input: "g = g0, x = 0 except x[63] = 0.9" when most coordinates are 0.</summary>
    public string Compact()
    {
        var nonZero = Enumerable.Range(0, X.Length).Where(i => X[i] != 0).ToArray();
        if (nonZero.Length * 2 > X.Length) return ToString();
        var rest = nonZero.Length == 0 ? "0" : "0 except " + string.Join(", ", nonZero.Select(i => $"x[{i}] = {Format.Number(X[i])}"));
        return $"g = {Element.Label}, x = {rest} (n = {X.Length})";
    }
}

/// <summary>A case with its measured relative error, the float32 rounding floor there (0 for float64 models) and the excess error - floor the verdict reads.</summary>
public sealed record MeasuredCase(SearchCase Case, double Error, double Floor)
{
    public double Excess => Error - Floor;
}
