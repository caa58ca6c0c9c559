namespace SymmetryProofs.Symmetry;

/// <summary>
/// How an equivariance check compares two outputs: exactly (every operation of the computation is
/// exact or keeps its order in IEEE arithmetic, so the outputs must be equal) or within a named
/// relative tolerance whose reason is stated where it is defined.
/// </summary>
public sealed record Tolerance(string Name, double Relative, string Reason)
{
    /// <summary>Equality of every coordinate (a relative error of exactly 0; -0 and +0 count as equal).</summary>
    public static readonly Tolerance Exact = new("exact", 0, "IEEE arithmetic is exact or order-preserving here, so the outputs agree bit for bit");

    public bool IsExact => Relative == 0;

    /// <summary>A named relative tolerance; <paramref name="relative"/> must be positive and finite.</summary>
    public static Tolerance Within(string name, double relative, string reason)
    {
        if (!(relative > 0) || !double.IsFinite(relative)) throw new ArgumentOutOfRangeException(nameof(relative), relative, "A relative tolerance must be positive and finite; use Tolerance.Exact for equality.");
        return new Tolerance(name, relative, reason);
    }

    /// <summary>Whether a relative error passes (NaN never does).</summary>
    public bool Accepts(double error) => IsExact ? error == 0 : error <= Relative;

    public override string ToString() => IsExact ? "exact" : $"{Name} = {Relative:G3}";
}
