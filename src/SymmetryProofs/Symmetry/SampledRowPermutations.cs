using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Symmetry;

/// <summary>
/// S_N permuting the rows of an N x k table (row-major) when N! is too many elements to list (N &gt; 7): a finite group
/// given by its generators, a transposition of rows 0 and 1 and the N-cycle, and sampled uniformly (a Fisher-Yates
/// shuffle) instead of enumerated, as SO(3) is sampled. Its <see cref="Order"/> is null (not listed) and it has no Lie
/// algebra; a representation of it is given by the images of its two generators, which generate S_N.
/// </summary>
public sealed class SampledRowPermutations : IGroupAction
{
    /// <summary>The most rows sampled: each element is a dense (N k) x (N k) matrix, and the check caps N k at 4096 anyway.</summary>
    public const int MaxRows = 1024;

    /// <summary>N: the number of rows permuted.</summary>
    public int Rows { get; }

    /// <summary>k: the coordinates of each row, moved together.</summary>
    public int Width { get; }

    public string Name { get; }
    public int SpaceDimension => Rows * Width;
    public int? Order => null;
    public int LieDimension => 0;
    public IReadOnlyList<Matrix<double>> LieGenerators => [];

    public SampledRowPermutations(int rows, int width)
    {
        if (rows is < 2 or > MaxRows) throw new ArgumentOutOfRangeException(nameof(rows), rows, $"Sampled row permutations need 2 to {MaxRows} rows.");
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), width, "Rows need at least one coordinate.");
        Rows = rows;
        Width = width;
        Name = width == 1 ? $"S{rows} (sampled) on R^{rows}" : $"S{rows} (sampled) on the rows of {rows}x{width}";
    }

    /// <summary>The transposition of rows 0 and 1 (g0) and the N-cycle r -> r + 1 (g1): the generators of <see cref="GroupCatalog.RowPermutations"/>.</summary>
    public IReadOnlyList<GroupElement> GeneratorElements =>
    [
        new("g0", Matrix(Enumerable.Range(0, Rows).Select(i => i == 0 ? 1 : i == 1 ? 0 : i).ToArray()), false),
        new("g1", Matrix(Enumerable.Range(0, Rows).Select(i => (i + 1) % Rows).ToArray()), false),
    ];

    /// <summary>A uniformly random permutation of the rows (Fisher-Yates), labelled by its images.</summary>
    public GroupElement Sample(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var p = Enumerable.Range(0, Rows).ToArray();
        for (int i = Rows - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        bool identity = p.Select((v, i) => v == i).All(b => b);
        return new GroupElement(identity ? "e" : Label(p), Matrix(p), identity);
    }

    /// <summary>The identity and the two generators: a few named elements, not the N! of the group.</summary>
    public IReadOnlyList<GroupElement> Representatives(int resolution) =>
        [new GroupElement("e", Matrix(Enumerable.Range(0, Rows).ToArray()), true), .. GeneratorElements];

    /// <summary>The matrix moving row r to row <paramref name="images"/>[r] (each of its k coordinates alike).</summary>
    private Matrix<double> Matrix(int[] images)
    {
        var m = Matrix<double>.Build.Dense(SpaceDimension, SpaceDimension);
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Width; c++) m[images[r] * Width + c, r * Width + c] = 1;
        return m;
    }

    // "rows -> (p0 p1 ...)": every image up to 24 rows; beyond, the first 16 and a 64-bit hash of all, so labels stay one readable line and distinct.
    private static string Label(int[] p)
    {
        if (p.Length <= 24) return $"rows -> ({string.Join(" ", p)})";
        ulong h = 14695981039346656037UL;
        foreach (var v in p) h = (h ^ (ulong)v) * 1099511628211UL;
        return $"rows -> ({string.Join(" ", p.Take(16))} ...; #{h.ToString("x16", CultureInfo.InvariantCulture)})";
    }

    public override string ToString() => $"{Name}: finite, sampled, acting on R^{SpaceDimension}";
}
