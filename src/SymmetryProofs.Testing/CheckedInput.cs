using SymmetryProofs.IO;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Testing;

/// <summary>One input and group element as FsCheck generates and shrinks them.</summary>
public sealed record CheckedInput(double[] X, GroupElement Element)
{
    public override string ToString() => $"x = {Format.Vector(X)}, g = {Element.Label}";
}
