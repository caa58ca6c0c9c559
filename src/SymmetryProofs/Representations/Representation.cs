using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Representations;

/// <summary>
/// A real orthogonal representation rho of a compact group G, in the manner of emlp's <c>Rep</c>: typed by
/// its <see cref="Group"/> (sums and tensor products only combine representations of one group), evaluated at
/// any element (<see cref="Rho"/>), and given as data by the images of the group's discrete generators
/// (finite groups) or of its Lie-algebra generators with their periods (tori), so that equivariance between
/// two representations is a set of linear constraints, one per generator. The pieces: <see cref="Trivial(IGroupAction, int)"/>,
/// <see cref="Defining"/>, <see cref="Regular"/>, <see cref="Determinant"/>, declared characters and
/// representations (<see cref="Character"/>, <see cref="FromElements"/>, <see cref="FromGenerators"/>,
/// refused unless they are homomorphisms), <see cref="DirectSum"/>, <see cref="TensorProduct"/>,
/// <see cref="Restrict(IGroupAction, string?)"/> to a subgroup and <see cref="Restrict(Matrix{double}, string?)"/> to an invariant subspace.
/// Built from homomorphisms, the composites are homomorphisms by construction (the properties test it);
/// declared ones are checked when declared.
/// </summary>
public sealed class Representation
{
    /// <summary>
    /// Largest |rho(g) rho(h) - rho(gh)|_F / sqrt(dimension) a declared representation may show: elements of the
    /// catalogue groups are products of matrices built from cosines and sines, each entry off by a few ulps.
    /// </summary>
    public const double HomomorphismTolerance = 1e-9;

    private readonly Func<GroupElement, Matrix<double>> rho;
    private IGroupAction? action;

    /// <summary>A name a person reads: "D4 3x3 + trivial R^1".</summary>
    public string Name { get; }

    public int Dimension { get; }

    /// <summary>G: the group represented (its defining action identifies its elements).</summary>
    public IGroupAction Group { get; }

    /// <summary>rho(g_a) for the group's discrete generators g_a (all of a finite group's generators; empty for a torus).</summary>
    public IReadOnlyList<Matrix<double>> Generators { get; }

    /// <summary>rho(A_a) for the Lie-algebra generators A_a (empty for a finite group).</summary>
    public IReadOnlyList<Matrix<double>> LieGenerators { get; }

    /// <summary>T_a with exp(T_a A_a) = I, one per Lie generator.</summary>
    public IReadOnlyList<double> Periods { get; }

    public bool IsFinite => LieGenerators.Count == 0;

    /// <summary>Whether rho(g) = I for every g (invariance).</summary>
    public bool IsTrivial { get; }

    /// <summary>Whether rho(g) = U(g), the group's own action.</summary>
    public bool IsDefining { get; }

    /// <summary>chi when rho(g) = chi(g) I for every g (the trivial representation and copies of a character); otherwise null.</summary>
    internal Func<GroupElement, double>? Scalar { get; }

    private Representation(string name, IGroupAction group, int dimension, IReadOnlyList<Matrix<double>> generators, IReadOnlyList<Matrix<double>> lieGenerators,
        Func<GroupElement, Matrix<double>> rho, Func<GroupElement, double>? scalar = null, bool trivial = false, bool defining = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(group);
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "A representation needs at least one dimension.");
        if (generators.Count + lieGenerators.Count == 0) throw new ArgumentException($"Representation '{name}' has no generator.", nameof(generators));
        foreach (var m in generators.Concat(lieGenerators))
            if (m.RowCount != dimension || m.ColumnCount != dimension)
                throw new ArgumentException($"Representation '{name}' acts on R^{dimension}; a generator is {m.RowCount}x{m.ColumnCount}.", nameof(generators));
        Name = name;
        Group = group;
        Dimension = dimension;
        Generators = generators.ToArray();
        LieGenerators = lieGenerators.ToArray();
        Periods = group is LieGroupAction lie ? lie.Periods : [];
        this.rho = rho;
        Scalar = scalar;
        IsTrivial = trivial;
        IsDefining = defining;
    }

    /// <summary>rho(g) for an element of <see cref="Group"/>.</summary>
    public Matrix<double> Rho(GroupElement g)
    {
        ArgumentNullException.ThrowIfNull(g);
        if (g.Matrix.RowCount != Group.SpaceDimension)
            throw new ArgumentException($"'{Name}' represents {Group.Name}, which acts on R^{Group.SpaceDimension}; element {g.Label} is {g.Matrix.RowCount}x{g.Matrix.ColumnCount}.", nameof(g));
        return rho(g);
    }

    /// <summary>rho(g) v, without a matrix product for scalar representations (so invariance and odd outputs stay exact).</summary>
    public Vector<double> Apply(GroupElement g, Vector<double> v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (v.Count != Dimension) throw new ArgumentException($"'{Name}' acts on R^{Dimension}; got a vector of length {v.Count}.", nameof(v));
        if (IsTrivial) return v;
        if (Scalar is not null) return Scalar(g) == 1 ? v : Scalar(g) * v;
        return Rho(g) * v;
    }

    /// <summary>The defining representation: the group's own action U on its shape (finite groups by generators, Lie groups by Lie generators).</summary>
    public static Representation Defining(IGroupAction group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (IsDiscrete(group))
            return new(group.Name, group, group.SpaceDimension, group.GeneratorElements.Select(g => g.Matrix).ToArray(), [], g => g.Matrix, defining: true) { action = group };
        // A compact Lie group that is not a torus (SO(3), O(3)) is given by its Lie generators and evaluated element by element;
        // it has no periods, and the discrete part of a group that is not connected (-I in O(3)) is only in rho.
        return new(group.Name, group, group.SpaceDimension, [], group.LieGenerators, g => g.Matrix, defining: true) { action = group };
    }

    /// <summary>The trivial representation of <paramref name="group"/> on R^<paramref name="dimension"/>: rho(g) = I.</summary>
    public static Representation Trivial(IGroupAction group, int dimension)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "A representation needs at least one dimension.");
        var identity = Matrix<double>.Build.DenseIdentity(dimension);
        return new($"trivial R^{dimension}", group, dimension, Discrete(group, identity), Lie(group, dimension), _ => identity, _ => 1, trivial: true);
    }

    /// <summary>The trivial representation on R^<paramref name="dimension"/> of the group of <paramref name="like"/>.</summary>
    public static Representation Trivial(int dimension, Representation like) => Trivial(like.Group, dimension);

    /// <summary>
    /// The determinant character det U(g) (the sign of a permutation for a group acting by permutations):
    /// one dimension, always a homomorphism; trivial on a torus, which is connected.
    /// </summary>
    public static Representation Determinant(IGroupAction group)
    {
        ArgumentNullException.ThrowIfNull(group);
        // det of an orthogonal matrix is +-1 up to rounding: its sign is the exact value.
        double Chi(GroupElement g) => Math.Sign(g.Matrix.Determinant());
        return new($"det {group.Name}", group, 1, DiscreteImages(group, g => One(Chi(g))), Lie(group, 1), g => One(Chi(g)), Chi);
    }

    /// <summary>
    /// A declared one-dimensional character chi(g) = +-1 (for example "negation": -1 on every element but the
    /// identity, a character of Z2 only). Refused unless chi is a homomorphism; on a torus only the trivial one is.
    /// </summary>
    public static Representation Character(IGroupAction group, string name, Func<GroupElement, double> chi) => UncheckedCharacter(group, name, chi).EnsureHomomorphism();

    /// <summary>A declared character not yet checked: its <see cref="HomomorphismDefect"/> says whether it is one.</summary>
    internal static Representation UncheckedCharacter(IGroupAction group, string name, Func<GroupElement, double> chi)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(chi);
        double Checked(GroupElement g)
        {
            double v = chi(g);
            return v is 1 or -1 ? v : throw new ArgumentException($"Character '{name}' of {group.Name} has chi({g.Label}) = {v}; an orthogonal character takes the values +1 and -1.", nameof(chi));
        }
        return new Representation(name, group, 1, DiscreteImages(group, g => One(Checked(g))), Lie(group, 1), g => One(Checked(g)), Checked);
    }

    /// <summary>A declared representation of a finite group, element by element; refused unless it is an orthogonal homomorphism.</summary>
    public static Representation FromElements(FiniteGroup group, string name, int dimension, Func<GroupElement, Matrix<double>> rho)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(rho);
        return new Representation(name, group, dimension, group.GeneratorElements.Select(rho).ToArray(), [], rho).EnsureHomomorphism();
    }

    /// <summary>
    /// A declared representation of a finite group by the images of its generators (as emlp declares them),
    /// extended to every element along the group's words; refused unless the extension is consistent.
    /// </summary>
    public static Representation FromGenerators(FiniteGroup group, string name, IReadOnlyList<Matrix<double>> images)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count != group.Generators.Count)
            throw new ArgumentException($"{group.Name} has {group.Generators.Count} generators; '{name}' gives {images.Count} images.", nameof(images));
        int n = images[0].RowCount;
        var table = new Matrix<double>?[group.Order];
        table[0] = Matrix<double>.Build.DenseIdentity(n);
        var elements = group.Representatives(0);
        for (int i = 0; i < table.Length; i++)
            for (int a = 0; a < images.Count; a++)
            {
                int j = group.IndexOf(group.Generators[a] * elements[i].Matrix);
                table[j] ??= images[a] * table[i]!;
            }
        return FromElements(group, name, n, g => table[IndexIn(group, g)]!);
    }

    /// <summary>The regular representation of a finite group on R^|G|: rho(g) e_h = e_(gh), a permutation of the basis indexed like the group's elements.</summary>
    public static Representation Regular(FiniteGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var elements = group.Representatives(0);
        Matrix<double> Permutation(GroupElement g)
        {
            var p = Matrix<double>.Build.Dense(group.Order, group.Order);
            for (int h = 0; h < group.Order; h++) p[group.IndexOf(g.Matrix * elements[h].Matrix), h] = 1;
            return p;
        }
        return new($"regular {group.Name}", group, group.Order, group.GeneratorElements.Select(Permutation).ToArray(), [], Permutation);
    }

    /// <summary>The direct sum: block-diagonal rho, the parts in the order given.</summary>
    public static Representation DirectSum(params Representation[] parts)
    {
        if (parts.Length == 0) throw new ArgumentException("A direct sum needs at least one part.", nameof(parts));
        foreach (var p in parts) CheckSameGroup(parts[0], p);
        int n = parts.Sum(p => p.Dimension);
        Matrix<double> Block(Func<Representation, Matrix<double>> pick)
        {
            var m = Matrix<double>.Build.Dense(n, n);
            int offset = 0;
            foreach (var p in parts) { m.SetSubMatrix(offset, offset, pick(p)); offset += p.Dimension; }
            return m;
        }
        return new(string.Join(" + ", parts.Select(p => p.Name)), parts[0].Group, n,
            Enumerable.Range(0, parts[0].Generators.Count).Select(a => Block(p => p.Generators[a])).ToArray(),
            Enumerable.Range(0, parts[0].LieGenerators.Count).Select(a => Block(p => p.LieGenerators[a])).ToArray(),
            g => Block(p => p.rho(g)), trivial: parts.All(p => p.IsTrivial));
    }

    /// <summary>k copies of this representation, I_k (x) rho (for example the k outputs of an odd net: k copies of a sign character).</summary>
    public Representation Copies(int k)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "Expected at least one copy.");
        if (k == 1) return this;
        var r = TensorProduct(Trivial(Group, k), this);
        return new($"{k} x ({Name})", Group, r.Dimension, r.Generators, r.LieGenerators, r.rho, Scalar, IsTrivial);
    }

    /// <summary>The tensor product: rho_a(g) (x) rho_b(g), and A (x) I + I (x) B on the Lie algebra.</summary>
    public static Representation TensorProduct(Representation a, Representation b)
    {
        CheckSameGroup(a, b);
        var ia = Matrix<double>.Build.DenseIdentity(a.Dimension);
        var ib = Matrix<double>.Build.DenseIdentity(b.Dimension);
        return new($"({a.Name}) (x) ({b.Name})", a.Group, a.Dimension * b.Dimension,
            a.Generators.Zip(b.Generators, (x, y) => x.KroneckerProduct(y)).ToArray(),
            a.LieGenerators.Zip(b.LieGenerators, (x, y) => x.KroneckerProduct(ib) + ia.KroneckerProduct(y)).ToArray(),
            g => a.rho(g).KroneckerProduct(b.rho(g)), trivial: a.IsTrivial && b.IsTrivial);
    }

    /// <summary>The k-th tensor power (k &gt;= 1).</summary>
    public Representation TensorPower(int k)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "Expected a power of at least 1.");
        var r = this;
        for (int i = 1; i < k; i++) r = TensorProduct(r, this);
        return k == 1 ? this : new($"({Name})^(x){k}", Group, r.Dimension, r.Generators, r.LieGenerators, r.rho, trivial: IsTrivial);
    }

    /// <summary>Q rho Q^T: the same representation in another orthonormal basis (Q orthogonal).</summary>
    public Representation ChangeBasis(Matrix<double> q, string? name = null)
    {
        if (q.RowCount != Dimension || q.ColumnCount != Dimension) throw new ArgumentException($"Change of basis must be {Dimension}x{Dimension}.", nameof(q));
        var qt = q.Transpose();
        return new(name ?? $"Q ({Name}) Q^T", Group, Dimension, Generators.Select(g => q * g * qt).ToArray(),
            LieGenerators.Select(g => q * g * qt).ToArray(), g => q * rho(g) * qt);
    }

    /// <summary>B^T rho B on the span of the orthonormal columns of <paramref name="basis"/>: a representation when that span is invariant.</summary>
    public Representation Restrict(Matrix<double> basis, string? name = null)
    {
        if (basis.RowCount != Dimension) throw new ArgumentException($"A basis of a subspace of R^{Dimension} needs {Dimension} rows; got {basis.RowCount}.", nameof(basis));
        return new(name ?? $"{Name} restricted to {basis.ColumnCount} dimensions", Group, basis.ColumnCount,
            Generators.Select(g => basis.TransposeThisAndMultiply(g * basis)).ToArray(),
            LieGenerators.Select(g => basis.TransposeThisAndMultiply(g * basis)).ToArray(), g => basis.TransposeThisAndMultiply(rho(g) * basis));
    }

    /// <summary>
    /// The restriction to a subgroup H of a finite group (acting on the same space, every generator of H an
    /// element of G): rho on the elements of H, a representation of H given by H's generators.
    /// </summary>
    public Representation Restrict(IGroupAction subgroup, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(subgroup);
        if (Group is not FiniteGroup parent || subgroup.Order is null)
            throw new ArgumentException($"Restriction is to a subgroup of a finite group; {subgroup.Name} in {Group.Name} is not one.", nameof(subgroup));
        foreach (var h in subgroup.GeneratorElements)
            if (parent.IndexOf(h.Matrix) < 0)
                throw new ArgumentException($"{subgroup.Name} is not a subgroup of {Group.Name}: its generator {h.Label} is not an element of {Group.Name}.", nameof(subgroup));
        return new(name ?? $"{Name} restricted to {subgroup.Name}", subgroup, Dimension, subgroup.GeneratorElements.Select(rho).ToArray(), [], rho,
            Scalar, IsTrivial, IsDefining);
    }

    /// <summary>The defining representation of the group generated by raw matrices (finite) or by commuting skew generators and their periods (a torus).</summary>
    internal static Representation OfGenerated(string name, IReadOnlyList<Matrix<double>> generators, IReadOnlyList<Matrix<double>> lieGenerators, IReadOnlyList<double> periods) =>
        Defining(lieGenerators.Count == 0 ? new FiniteGroup(name, generators) : new LieGroupAction(name, lieGenerators, periods));

    /// <summary>The group acting on R^<see cref="Dimension"/> through rho: the closure of the images of the generators (finite) or the torus they generate.</summary>
    public IGroupAction Action => action ??= IsFinite ? new FiniteGroup(Name, Generators) : new LieGroupAction(Name, LieGenerators, Periods);

    /// <summary>
    /// The largest |rho(g) rho(h) - rho(gh)|_F / sqrt(dimension) (and |rho(e) - I|) over every generator g and element h
    /// of a finite group, which proves or refutes the homomorphism; for a torus over generator steps and seeded
    /// Haar samples (<paramref name="samples"/>). Returns the worst pair as a person writes it.
    /// </summary>
    public (double Defect, string Where) HomomorphismDefect(int samples = 16, int seed = 0) => Homomorphism.Defect(this, samples, seed);

    /// <summary>This representation, or an <see cref="ArgumentException"/> naming the pair of elements where it fails to be a homomorphism.</summary>
    public Representation EnsureHomomorphism()
    {
        var (defect, where) = HomomorphismDefect();
        if (!(defect <= HomomorphismTolerance))
            throw new ArgumentException($"'{Name}' is not a representation of {Group.Name}: {where} (defect {defect:G3} > {HomomorphismTolerance:G1}).");
        return this;
    }

    internal static int IndexIn(FiniteGroup group, GroupElement g)
    {
        int i = group.IndexOf(g.Matrix);
        return i >= 0 ? i : throw new ArgumentException($"{g.Label} is not an element of {group.Name}.", nameof(g));
    }

    /// <summary>Every constraint operator X -> rho_out(c) X - X rho_in(c) (one per generator) applied to X.</summary>
    internal static IEnumerable<Matrix<double>> Constraints(Representation input, Representation output, Matrix<double> x)
    {
        for (int a = 0; a < input.Generators.Count; a++) yield return output.Generators[a] * x - x * input.Generators[a];
        for (int a = 0; a < input.LieGenerators.Count; a++) yield return output.LieGenerators[a] * x - x * input.LieGenerators[a];
    }

    /// <summary>Refuses two representations of different groups.</summary>
    internal static void CheckSameGroup(Representation a, Representation b)
    {
        if (!SameGroup(a.Group, b.Group))
            throw new ArgumentException($"'{a.Name}' represents {a.Group.Name} and '{b.Name}' represents {b.Group.Name}: only representations of one group combine.");
    }

    /// <summary>One group: the same object, or one built alike (name, space, order, generator elements).</summary>
    internal static bool SameGroup(IGroupAction a, IGroupAction b) =>
        ReferenceEquals(a, b) || a.Name == b.Name && a.SpaceDimension == b.SpaceDimension && a.Order == b.Order && a.LieDimension == b.LieDimension
            && a.GeneratorElements.Count == b.GeneratorElements.Count
            && a.GeneratorElements.Zip(b.GeneratorElements).All(p => p.First.Matrix.Equals(p.Second.Matrix));

    private static Matrix<double> One(double v) => Matrix<double>.Build.Dense(1, 1, v);

    private static Matrix<double>[] Discrete(IGroupAction group, Matrix<double> image) => DiscreteImages(group, _ => image);

    /// <summary>rho of the discrete generators: a finite group's generators; none for a torus, given by its Lie algebra.</summary>
    private static Matrix<double>[] DiscreteImages(IGroupAction group, Func<GroupElement, Matrix<double>> rho) =>
        IsDiscrete(group) ? group.GeneratorElements.Select(rho).ToArray() : [];

    /// <summary>A finite group, listed (an order) or sampled (no order and no Lie algebra, as S_N for large N): given by its discrete generators.</summary>
    private static bool IsDiscrete(IGroupAction group) => group.Order is int || group.LieDimension == 0;

    private static Matrix<double>[] Lie(IGroupAction group, int dimension) =>
        group.LieGenerators.Select(_ => Matrix<double>.Build.Dense(dimension, dimension)).ToArray();

    public override string ToString() => $"{Name} (dimension {Dimension})";
}
