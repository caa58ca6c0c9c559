using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Symmetry;

/// <summary>Which axes of an input tensor a catalogue group acts on, and so how it acts on the whole input.</summary>
public enum ActionAxes
{
    /// <summary>Every coordinate of the input at once (inversion, sign flips, coordinate permutations).</summary>
    Whole,
    /// <summary>The h, w axes of an image or of every channel of a C x h x w stack (the channels are copies).</summary>
    Image,
    /// <summary>The rows of an N x k table are permuted (a set of N elements of R^k).</summary>
    RowsPermuted,
    /// <summary>Every row of an N x k table is moved alike (a point cloud of N points of R^3).</summary>
    EachRow,
}

/// <summary>
/// One named group of the catalogue: how to build it for a shape (acting on every coordinate), the shapes it
/// applies to, whether the kernel experiment (signed permutations of R^d) uses it, which axes it acts on and the
/// group on those axes alone (<see cref="Base"/>: the image plane, R^N of a set's rows, R^3 of one point), from which
/// the representation algebra builds its action on the whole tensor and on outputs.
/// </summary>
public sealed record CatalogEntry(string Name, string Title, string Description, Func<Shape, bool> AppliesTo, Func<Shape, IGroupAction> Build, bool Kernels = false)
{
    /// <summary>The axes the group acts on.</summary>
    public ActionAxes Axes { get; init; } = ActionAxes.Whole;

    /// <summary>The group on its own axes for a shape it applies to; null: <see cref="Build"/> (it acts on every coordinate).</summary>
    public Func<Shape, IGroupAction>? Base { get; init; }

    /// <summary>The exact invariance properties loop over this group (<see cref="GroupCatalog.TestGroups"/>): finite and enumerable on any image.</summary>
    public bool ExactlyTested { get; init; }

    /// <summary>The group drawn from a seed, for a group that is random; null: <see cref="Build"/> (the group has no seed).</summary>
    public Func<Shape, int, IGroupAction>? Seeded { get; init; }

    /// <summary>The least dimension d of R^d at which the kernel experiment uses the group: below it the group is another entry again.</summary>
    public int KernelsFromDimension { get; init; } = 1;

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
        new("inversion", "inversion", "Z2 acting by x -> -x on any shape (the paper's inversion)", _ => true, s => Inversion(s.Dimension), Kernels: true) { ExactlyTested = true },
        new("sign-flips", "sign flips", "Z2^d: every combination of coordinate sign flips (d <= 12)", s => s.Dimension <= 12, s => SignFlips(s.Dimension), Kernels: true)
            { KernelsFromDimension = 2 }, // sign flips of one coordinate are the inversion
        new("permutations", "permutations", "S_d: all permutations of the coordinates (2 <= d <= 7)", s => s.Dimension is >= 2 and <= 7, s => CoordinatePermutations(s.Dimension), Kernels: true),
        OnImage(new("translations", "translations", "Z_h x Z_w: cyclic pixel shifts of an h x w image (of every channel of C x h x w)", _ => true, s => Translations(s.Height, s.Width)) { ExactlyTested = true }),
        OnImage(new("mirror", "mirror", "Z2: left-right reflection of an image (of every channel of C x h x w)", _ => true, s => HorizontalMirror(s.Height, s.Width)) { ExactlyTested = true }),
        OnImage(new("rotations", "rotations", "C4: quarter turns of a square image (of every channel of C x h x w)", s => s.IsSquare, s => QuarterTurns(s.Height)) { ExactlyTested = true }),
        OnImage(new("d4", "D4", "D4: the 8 symmetries of a square image (of every channel of C x h x w)", s => s.IsSquare, s => Dihedral4(s.Height)) { ExactlyTested = true }),
        new("random-cycles", "random cycles", "the cyclic group of one seeded random permutation with cycles of length <= 4", _ => true, s => RandomPermutations(s.Dimension, 1))
            { ExactlyTested = true, Seeded = (s, seed) => RandomPermutations(s.Dimension, seed) },
        new("so2", "SO(2)", "SO(2) rotating R^2 (continuous)", s => s.Dimension == 2, _ => new So2Action()),
        new("torus-translations", "T^2 translations", "band-limited continuous cyclic shifts of an h x w image (T^2)", s => s.Channels is null && s.Height >= 2 && s.Width >= 2, s => new TorusTranslations(s.Height, s.Width)),
        new("sets", "sets", $"S_N permuting the rows of an N x k table: a set of N elements of R^k (2 <= N <= {SampledRowPermutations.MaxRows}; listed for N <= {MaxListedRows}, sampled uniformly above)",
            s => s.Channels is null && s.Height is >= 2 and <= SampledRowPermutations.MaxRows, Sets)
            { Axes = ActionAxes.RowsPermuted, Base = s => Sets(new Shape(s.Height, 1)) },
        new("so3", "SO(3)", "SO(3) rotating every row of an N x 3 point cloud (continuous, Haar-sampled)",
            s => s.Channels is null && s.Width == 3, s => new RotationGroup3(s.Height, improper: false))
            { Axes = ActionAxes.EachRow, Base = _ => new RotationGroup3(1, improper: false) },
        new("o3", "O(3)", "O(3) = SO(3) x {I, -I} acting on every row of an N x 3 point cloud (continuous, Haar-sampled)",
            s => s.Channels is null && s.Width == 3, s => new RotationGroup3(s.Height, improper: true))
            { Axes = ActionAxes.EachRow, Base = _ => new RotationGroup3(1, improper: true) },
    ];

    /// <summary>An image group acting on the h, w axes: of one image, or of every channel of a C x h x w stack (the channels are copies).</summary>
    private static CatalogEntry OnImage(CatalogEntry plane) => plane with
    {
        AppliesTo = s => plane.AppliesTo(s.Plane),
        Build = s => s.Channels is int c ? OnChannels(plane.Build(s.Plane), c) : plane.Build(s),
        Axes = ActionAxes.Image,
        Base = s => plane.Build(s.Plane),
    };

    /// <summary>
    /// The catalogue group <paramref name="name"/> acting on every coordinate of <paramref name="shape"/>; an unknown
    /// name or a shape it does not apply to is refused with the list of choices. Names joined by '*' compose: the
    /// group generated by all of them (their direct product when they commute and meet only in the identity, as
    /// mirror*inversion does; rotations*mirror is D4), finite groups only.
    /// </summary>
    public static IGroupAction Build(string name, Shape shape) => Compose(name, shape, e => e.Build);

    /// <summary>
    /// The group <paramref name="name"/> on its own axes of <paramref name="shape"/> (<see cref="CatalogEntry.Base"/>)
    /// and which axes those are; products ('*') need factors acting on the same axes.
    /// </summary>
    public static (IGroupAction Group, ActionAxes Axes) BuildBase(string name, Shape shape)
    {
        ArgumentNullException.ThrowIfNull(name);
        var axes = name.Split('*').Select(n => Find(n.Trim()).Axes).Distinct().ToArray();
        if (axes.Length > 1) throw new ArgumentException($"Group '{name}': its factors act on different axes ({string.Join(", ", axes)}); a product needs one.", nameof(name));
        return (Compose(name, shape, e => e.Base ?? e.Build), axes[0]);
    }

    /// <summary>The entry called <paramref name="name"/>; an unknown name is refused with the choices.</summary>
    public static CatalogEntry Find(string name) =>
        Entries.FirstOrDefault(e => e.Name == name)
        ?? throw new ArgumentException($"Unknown group '{name}'; expected one of {string.Join(", ", Entries.Select(e => e.Name))}, or a product of them joined by '*'.", nameof(name));

    private static IGroupAction Compose(string name, Shape shape, Func<CatalogEntry, Func<Shape, IGroupAction>> build)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Height < 1 || shape.Width < 1 || shape.Channels < 1) throw new ArgumentException($"Shape {shape} is empty.", nameof(shape));
        var factors = name.Split('*').Select(n => n.Trim()).ToArray();
        var groups = factors.Select(n =>
        {
            var entry = Find(n);
            if (!entry.AppliesTo(shape)) throw new ArgumentException($"Group '{n}' ({entry.Description}) does not act on {shape}.", nameof(shape));
            return build(entry)(shape);
        }).ToArray();
        return groups.Length == 1 ? groups[0] : Product(groups);
    }

    /// <summary>
    /// The group generated by finite groups acting on one space: their direct product when they commute and meet only
    /// in the identity. Its generators are the factors' generators in order; closure stops at <see cref="MaxEnumeratedOrder"/>.
    /// </summary>
    public static FiniteGroup Product(params IGroupAction[] factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        if (factors.Length == 0) throw new ArgumentException("A product needs at least one factor.", nameof(factors));
        var finite = factors.Select(f => f as FiniteGroup ?? throw new ArgumentException($"{f.Name} is not finite: products are of finite groups.", nameof(factors))).ToArray();
        int n = finite[0].Dimension;
        if (finite.Any(f => f.Dimension != n))
            throw new ArgumentException($"The factors act on different spaces ({string.Join(", ", finite.Select(f => $"R^{f.Dimension}"))}); a product acts on one.", nameof(factors));
        return new FiniteGroup(string.Join(" * ", finite.Select(f => f.Name)), finite.SelectMany(f => f.Generators).ToArray(), MaxEnumeratedOrder);
    }

    /// <summary>A finite group of h x w images acting alike on every channel of a C x h x w stack: U = I_C (x) U_plane.</summary>
    public static IGroupAction OnChannels(IGroupAction plane, int channels)
    {
        ArgumentNullException.ThrowIfNull(plane);
        if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), channels, "Expected at least one channel.");
        var identity = Matrix<double>.Build.DenseIdentity(channels);
        string name = $"{plane.Name} on {channels} channels";
        return plane switch
        {
            FiniteGroup f => new FiniteGroup(name, f.Generators.Select(g => identity.KroneckerProduct(g)).ToArray()),
            LieGroupAction l => new LieGroupAction(name, l.Generators.Select(g => identity.KroneckerProduct(g)).ToArray(), l.Periods),
            _ => throw new ArgumentException($"{plane.Name}: only finite and torus groups act on channels.", nameof(plane)),
        };
    }

    /// <summary>The most rows whose permutations are listed (7! = 5040 = <see cref="MaxEnumeratedOrder"/>); more are sampled.</summary>
    public const int MaxListedRows = 7;

    /// <summary>
    /// S_N on the rows of an N x k table: every element listed (<see cref="RowPermutations"/>) for N &lt;= <see cref="MaxListedRows"/>,
    /// uniformly sampled (<see cref="SampledRowPermutations"/>, the same generators) above; N is checked before any matrix is built.
    /// </summary>
    public static IGroupAction Sets(Shape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Height is < 2 or > SampledRowPermutations.MaxRows)
            throw new ArgumentOutOfRangeException(nameof(shape), shape.Height, $"A set has 2 to {SampledRowPermutations.MaxRows} rows.");
        return shape.Height <= MaxListedRows ? RowPermutations(shape.Height, shape.Width) : new SampledRowPermutations(shape.Height, shape.Width);
    }

    /// <summary>S_N permuting the rows of an N x k table (row-major): a transposition and an N-cycle of the rows.</summary>
    public static FiniteGroup RowPermutations(int rows, int width)
    {
        if (rows < 2) throw new ArgumentOutOfRangeException(nameof(rows), rows, "Permutations need at least two rows.");
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), width, "Rows need at least one coordinate.");
        var swap = Enumerable.Range(0, rows).Select(i => i == 0 ? 1 : i == 1 ? 0 : i).ToArray();
        var cycle = Enumerable.Range(0, rows).Select(i => (i + 1) % rows).ToArray();
        return FiniteGroup.FromPermutations($"S{rows} on the rows of {rows}x{width}",
            new[] { swap, cycle }.Select(p => ImagePermutation(rows, width, (r, c) => (p[r], c))).ToArray());
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
        return Entries.Where(e => e.ExactlyTested && e.AppliesTo(shape))
            .Select(e => (FiniteGroup)(e.Seeded is { } seeded ? seeded(shape, seed) : e.Build(shape))).ToArray();
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
