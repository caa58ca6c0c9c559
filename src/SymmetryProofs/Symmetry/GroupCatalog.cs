using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Symmetry;

/// <summary>
/// One named group of the catalogue: how to build it for a shape, the shapes it applies to, and
/// whether the kernel experiment (signed permutations of R^d) uses it.
/// </summary>
public sealed record CatalogEntry(string Name, string Title, string Description, Func<Shape, bool> AppliesTo, Func<Shape, IGroupAction> Build, bool Kernels = false)
{
    public override string ToString() => $"{Name}: {Description}";
}

/// <summary>
/// The one catalogue of named groups that every property and experiment draws from. Images are
/// h x w, stored row-major (pixel (r, c) at index r * w + c), as the optdigits inputs are.
/// </summary>
public static class GroupCatalog
{
    /// <summary>Closure stops here: larger finite groups (sign flips or permutations of many coordinates) are refused, not enumerated.</summary>
    public const int MaxEnumeratedOrder = 5040;

    /// <summary>Every named group, in a fixed order. <see cref="Build"/> looks a name up here.</summary>
    public static readonly IReadOnlyList<CatalogEntry> Entries =
    [
        new("inversion", "inversion", "Z2 acting by x -> -x on any shape (the paper's inversion)", _ => true, s => Inversion(s.Dimension), Kernels: true),
        new("sign-flips", "sign flips", "Z2^d: every combination of coordinate sign flips (d <= 12)", s => s.Dimension <= 12, s => SignFlips(s.Dimension), Kernels: true),
        new("permutations", "permutations", "S_d: all permutations of the coordinates (2 <= d <= 7)", s => s.Dimension is >= 2 and <= 7, s => CoordinatePermutations(s.Dimension), Kernels: true),
        new("translations", "translations", "Z_h x Z_w: cyclic pixel shifts of an h x w image", _ => true, s => Translations(s.Height, s.Width)),
        new("mirror", "mirror", "Z2: left-right reflection of an image", _ => true, s => HorizontalMirror(s.Height, s.Width)),
        new("rotations", "rotations", "C4: quarter turns of a square image", s => s.IsSquare, s => QuarterTurns(s.Height)),
        new("d4", "D4", "D4: the 8 symmetries of a square image", s => s.IsSquare, s => Dihedral4(s.Height)),
        new("random-cycles", "random cycles", "the cyclic group of one seeded random permutation with cycles of length <= 4", _ => true, s => RandomPermutations(s.Dimension, 1)),
        new("so2", "SO(2)", "SO(2) rotating R^2 (continuous)", s => s.Dimension == 2, _ => new So2Action()),
        new("torus-translations", "T^2 translations", "band-limited continuous cyclic shifts of an h x w image (T^2)", s => s.Height >= 2 && s.Width >= 2, s => new TorusTranslations(s.Height, s.Width)),
    ];

    /// <summary>The catalogue group <paramref name="name"/> acting on <paramref name="shape"/>; an unknown name or a shape it does not apply to is refused with the list of choices.</summary>
    public static IGroupAction Build(string name, Shape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var entry = Entries.FirstOrDefault(e => e.Name == name)
            ?? throw new ArgumentException($"Unknown group '{name}'; expected one of {string.Join(", ", Entries.Select(e => e.Name))}.", nameof(name));
        if (shape.Height < 1 || shape.Width < 1) throw new ArgumentException($"Shape {shape.Height}x{shape.Width} is empty.", nameof(shape));
        if (!entry.AppliesTo(shape)) throw new ArgumentException($"Group '{name}' ({entry.Description}) does not act on {shape}.", nameof(shape));
        return entry.Build(shape);
    }

    /// <summary>Every catalogue group that acts on <paramref name="shape"/>, finite or not.</summary>
    public static IReadOnlyList<IGroupAction> All(Shape shape) => Entries.Where(e => e.AppliesTo(shape)).Select(e => e.Build(shape)).ToArray();

    /// <summary>Z2 acting by U = -I: the inversion x -> -x of the paper.</summary>
    public static FiniteGroup Inversion(int dimension)
    {
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Expected a dimension of at least 1.");
        return new FiniteGroup("inversion", new[] { -Matrix<double>.Build.DenseIdentity(dimension) });
    }

    /// <summary>Z_h x Z_w: cyclic shifts of an h x w image by one row and by one column.</summary>
    public static FiniteGroup Translations(int height, int width) =>
        FiniteGroup.FromPermutations($"translations {height}x{width}",
            new[] { ImagePermutation(height, width, (r, c) => ((r + 1) % height, c)), ImagePermutation(height, width, (r, c) => (r, (c + 1) % width)) });

    /// <summary>Z2 reflecting every row of an h x w image left to right.</summary>
    public static FiniteGroup HorizontalMirror(int height, int width) =>
        FiniteGroup.FromPermutations($"mirror {height}x{width}", new[] { ImagePermutation(height, width, (r, c) => (r, width - 1 - c)) });

    /// <summary>D4, the eight symmetries of a square n x n image: a quarter turn and a mirror.</summary>
    public static FiniteGroup Dihedral4(int n) =>
        FiniteGroup.FromPermutations($"D4 {n}x{n}",
            new[] { ImagePermutation(n, n, (r, c) => (c, n - 1 - r)), ImagePermutation(n, n, (r, c) => (r, n - 1 - c)) });

    /// <summary>C4: quarter turns of a square n x n image.</summary>
    public static FiniteGroup QuarterTurns(int n) =>
        FiniteGroup.FromPermutations($"C4 {n}x{n}", new[] { ImagePermutation(n, n, (r, c) => (c, n - 1 - r)) });

    /// <summary>Z2^d: every combination of sign flips of the coordinates (order 2^d).</summary>
    public static FiniteGroup SignFlips(int dimension)
    {
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Expected a dimension of at least 1.");
        return new($"sign flips R^{dimension}", Enumerable.Range(0, dimension)
            .Select(i => Matrix<double>.Build.DenseDiagonal(dimension, dimension, j => j == i ? -1.0 : 1.0)).ToArray());
    }

    /// <summary>S_d: all permutations of the coordinates (order d!), from a transposition and a d-cycle.</summary>
    public static FiniteGroup CoordinatePermutations(int dimension)
    {
        if (dimension < 2) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Permutations need at least two coordinates.");
        var swap = Enumerable.Range(0, dimension).Select(i => i == 0 ? 1 : i == 1 ? 0 : i).ToArray();
        var cycle = Enumerable.Range(0, dimension).Select(i => (i + 1) % dimension).ToArray();
        return FiniteGroup.FromPermutations($"permutations S{dimension}", new[] { new Permutation(swap), new Permutation(cycle) });
    }

    /// <summary>
    /// The cyclic group generated by one random permutation of 0..d-1 made of disjoint cycles of
    /// length at most <paramref name="maxCycleLength"/>: its order is the lcm of those lengths, so
    /// bounded (at most 12 for the default 4), unlike a uniformly random permutation's.
    /// </summary>
    public static FiniteGroup RandomPermutations(int dimension, int seed, int maxCycleLength = 4)
    {
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Expected a dimension of at least 1.");
        if (maxCycleLength < 1) throw new ArgumentOutOfRangeException(nameof(maxCycleLength), maxCycleLength, "Expected cycles of length at least 1.");
        var rng = new Random(seed);
        var order = Enumerable.Range(0, dimension).OrderBy(_ => rng.Next()).ToArray();
        var images = new int[dimension];
        for (int start = 0; start < dimension;)
        {
            int length = Math.Min(1 + rng.Next(maxCycleLength), dimension - start);
            for (int k = 0; k < length; k++) images[order[start + k]] = order[start + (k + 1) % length];
            start += length;
        }
        return FiniteGroup.FromPermutations($"random cycles (seed {seed})", new[] { new Permutation(images) });
    }

    /// <summary>
    /// The finite image groups of the catalogue acting on h x w images, every one enumerable
    /// (the random cycles drawn from <paramref name="seed"/>): the list the exact invariance properties loop over.
    /// </summary>
    public static IReadOnlyList<FiniteGroup> TestGroups(int height, int width, int seed = 1)
    {
        var shape = new Shape(height, width);
        return Entries.Where(e => e.Name is "inversion" or "translations" or "mirror" or "random-cycles" or "rotations" or "d4" && e.AppliesTo(shape))
            .Select(e => e.Name == "random-cycles" ? RandomPermutations(shape.Dimension, seed) : (FiniteGroup)e.Build(shape)).ToArray();
    }

    /// <summary>The permutation of pixels that moves the content at (r, c) to <paramref name="target"/>(r, c).</summary>
    public static Permutation ImagePermutation(int height, int width, Func<int, int, (int Row, int Col)> target)
    {
        if (height < 1 || width < 1) throw new ArgumentOutOfRangeException(nameof(height), $"Image must be at least 1x1; got {height}x{width}.");
        var images = new int[height * width];
        for (int r = 0; r < height; r++)
            for (int c = 0; c < width; c++)
            {
                var (tr, tc) = target(r, c);
                if (tr < 0 || tr >= height || tc < 0 || tc >= width)
                    throw new ArgumentException($"Pixel ({r}, {c}) is sent to ({tr}, {tc}), outside the {height}x{width} image.", nameof(target));
                images[tr * width + tc] = r * width + c;
            }
        return new Permutation(images);
    }
}
