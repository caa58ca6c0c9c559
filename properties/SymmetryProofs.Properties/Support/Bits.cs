using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.IO;

namespace SymmetryProofs.Properties;

/// <summary>Exact comparisons of doubles: bit patterns, not a tolerance.</summary>
public static class Bits
{
    /// <summary>True when both vectors have the same length and every coordinate has the same bit pattern.</summary>
    public static bool Identical(IReadOnlyList<double> a, IReadOnlyList<double> b) =>
        a.Count == b.Count && Enumerable.Range(0, a.Count).All(i => BitConverter.DoubleToInt64Bits(a[i]) == BitConverter.DoubleToInt64Bits(b[i]));

    public static bool Identical(Vector<double> a, Vector<double> b) => Identical(a.ToArray(), b.ToArray());

    /// <summary>"a = [..] but b = [..]" for failure labels, round-trip exact.</summary>
    public static string Describe(string what, Vector<double> a, Vector<double> b) =>
        $"{what}: {Format.Vector(a)} vs {Format.Vector(b)}";
}
