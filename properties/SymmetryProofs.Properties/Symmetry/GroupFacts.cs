using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Properties.Symmetry;

/// <summary>Exact matrix facts shared by the group tests (the catalogue's groups act by signed permutations, so products are exact).</summary>
internal static class GroupFacts
{
    public static bool Same(Matrix<double> a, Matrix<double> b) =>
        a.RowCount == b.RowCount && a.ColumnCount == b.ColumnCount &&
        Enumerable.Range(0, a.RowCount).All(i => Enumerable.Range(0, a.ColumnCount).All(j => a[i, j] == b[i, j]));

    public static int IndexOf(FiniteGroup group, Matrix<double> m)
    {
        for (int k = 0; k < group.Order; k++)
            if (Same(group.Elements[k], m)) return k;
        return -1;
    }

    /// <summary>The permutation p with U = its matrix (row i has its 1 in column p(i)), or null when U is not a permutation matrix.</summary>
    public static Permutation? AsPermutation(Matrix<double> u)
    {
        var images = new int[u.RowCount];
        for (int i = 0; i < u.RowCount; i++)
        {
            var ones = Enumerable.Range(0, u.ColumnCount).Where(j => u[i, j] == 1).ToArray();
            if (ones.Length != 1 || Enumerable.Range(0, u.ColumnCount).Any(j => u[i, j] != 0 && u[i, j] != 1)) return null;
            images[i] = ones[0];
        }
        try { return new Permutation(images); }
        catch (ArgumentException) { return null; }
    }

    public static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
    public static long Lcm(IEnumerable<int> values) => values.Aggregate(1L, (l, v) => l / Gcd(l, v) * v);
    public static long Factorial(int n) => Enumerable.Range(1, n).Aggregate(1L, (f, k) => f * k);
}
