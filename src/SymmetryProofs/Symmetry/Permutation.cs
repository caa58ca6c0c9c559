using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Symmetry;

/// <summary>
/// A permutation p of 0..n-1 acting on vectors by (p x)_i = x_{p(i)}: coordinate i of the result
/// is read from coordinate p(i). Composition follows the matrices: (p * q) x = p (q x).
/// </summary>
public sealed class Permutation : IEquatable<Permutation>
{
    private readonly int[] images;

    public Permutation(IReadOnlyList<int> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var seen = new bool[images.Count];
        for (int i = 0; i < images.Count; i++)
        {
            int p = images[i];
            if (p < 0 || p >= images.Count)
                throw new ArgumentException($"p({i}) = {p} lies outside 0..{images.Count - 1}; not a permutation.", nameof(images));
            if (seen[p]) throw new ArgumentException($"Two indices map to {p}; not a permutation of 0..{images.Count - 1}.", nameof(images));
            seen[p] = true;
        }
        this.images = images.ToArray();
    }

    public int Size => images.Length;
    public int this[int i] => images[i];
    public IReadOnlyList<int> Images => images;

    public static Permutation Identity(int n) => new(Enumerable.Range(0, n).ToArray());

    public Vector<double> Apply(Vector<double> x)
    {
        if (x.Count != Size) throw new ArgumentException($"Permutation of {Size} points applied to a vector of length {x.Count}.", nameof(x));
        return Vector<double>.Build.Dense(Size, i => x[images[i]]);
    }

    /// <summary>(this * other) x = this (other x), i.e. i -> other(this(i)).</summary>
    public Permutation Compose(Permutation other)
    {
        if (other.Size != Size) throw new ArgumentException($"Cannot compose permutations of {Size} and {other.Size} points.", nameof(other));
        return new Permutation(Enumerable.Range(0, Size).Select(i => other.images[images[i]]).ToArray());
    }

    public Permutation Inverse()
    {
        var inv = new int[Size];
        for (int i = 0; i < Size; i++) inv[images[i]] = i;
        return new Permutation(inv);
    }

    /// <summary>The matrix U with U x = Apply(x): row i has its single 1 in column p(i).</summary>
    public Matrix<double> ToMatrix() => Matrix<double>.Build.Dense(Size, Size, (i, j) => images[i] == j ? 1.0 : 0.0);

    /// <summary>The cycles of length at least 2, each starting from its smallest element.</summary>
    public IReadOnlyList<int[]> Cycles()
    {
        var seen = new bool[Size];
        var cycles = new List<int[]>();
        for (int start = 0; start < Size; start++)
        {
            if (seen[start]) continue;
            var cycle = new List<int>();
            for (int i = start; !seen[i]; i = images[i]) { seen[i] = true; cycle.Add(i); }
            if (cycle.Count > 1) cycles.Add(cycle.ToArray());
        }
        return cycles;
    }

    public bool Equals(Permutation? other) => other is not null && images.AsSpan().SequenceEqual(other.images);
    public override bool Equals(object? obj) => Equals(obj as Permutation);
    public override int GetHashCode() => images.Aggregate(17, (h, v) => h * 31 + v);
    public override string ToString() => "(" + string.Join(" ", images) + ")";
}
