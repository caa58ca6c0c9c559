using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Representations;

/// <summary>
/// The real type of a real irreducible representation: its commutant End_G(V) is R, C or H
/// (Frobenius), of dimension 1, 2 or 4 (the value of each member).
/// </summary>
public enum RealType
{
    Real = 1,
    Complex = 2,
    Quaternionic = 4,
}

/// <summary>
/// One isomorphism class of irreducible representations met in a decomposition: its dimension, real
/// type, how many copies the representation holds (its multiplicity) and whether it is trivial.
/// </summary>
public sealed record IrreducibleType(int Index, int Dimension, RealType Kind, int Multiplicity, bool IsTrivial)
{
    /// <summary>"trivial", else "rho3"; with dimension, type and multiplicity: "rho3 (dim 2, complex) x2".</summary>
    public string Label => IsTrivial ? "trivial" : $"rho{Index}";

    public override string ToString() => $"{Label} (dim {Dimension}, {Kind.ToString().ToLowerInvariant()}) x{Multiplicity}";
}

/// <summary>An irreducible invariant subspace: orthonormal columns (n x dim), the index of its type and which copy of that type it is.</summary>
public sealed record IrreducibleSubspace(Matrix<double> Basis, int Type, int Copy)
{
    public int Dimension => Basis.ColumnCount;
}
