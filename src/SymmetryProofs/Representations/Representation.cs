using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Representations;

/// <summary>
/// A real orthogonal representation of a compact group as data: the images of the group's
/// discrete generators (orthogonal matrices, for a finite group) and of its Lie-algebra generators
/// (skew matrices with their periods, for a torus). Two representations of the same group list
/// their generators in the same order, so that equivariance between them is a set of linear
/// constraints, one per generator; direct sums, tensor products, restrictions to invariant
/// subspaces and changes of basis are built generator by generator.
/// </summary>
public sealed class Representation
{
    private IGroupAction? action;

    public string Name { get; }
    public int Dimension { get; }

    /// <summary>rho(g_a) for the discrete generators g_a (all of a finite group's generators; empty for a torus).</summary>
    public IReadOnlyList<Matrix<double>> Generators { get; }

    /// <summary>rho(A_a) for the Lie-algebra generators A_a (empty for a finite group).</summary>
    public IReadOnlyList<Matrix<double>> LieGenerators { get; }

    /// <summary>T_a with exp(T_a A_a) = I, one per Lie generator.</summary>
    public IReadOnlyList<double> Periods { get; }

    public bool IsFinite => LieGenerators.Count == 0;

    public Representation(string name, int dimension, IReadOnlyList<Matrix<double>> generators, IReadOnlyList<Matrix<double>> lieGenerators, IReadOnlyList<double> periods, IGroupAction? action = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "A representation needs at least one dimension.");
        if (generators.Count + lieGenerators.Count == 0) throw new ArgumentException($"Representation '{name}' has no generator.", nameof(generators));
        if (lieGenerators.Count > 0 && generators.Count > 0)
            throw new ArgumentException($"Representation '{name}': groups with both discrete and Lie generators are not modelled (the catalogue's Lie groups are tori).", nameof(generators));
        if (periods.Count != lieGenerators.Count) throw new ArgumentException($"Representation '{name}' has {lieGenerators.Count} Lie generators but {periods.Count} periods.", nameof(periods));
        foreach (var m in generators.Concat(lieGenerators))
            if (m.RowCount != dimension || m.ColumnCount != dimension)
                throw new ArgumentException($"Representation '{name}' acts on R^{dimension}; a generator is {m.RowCount}x{m.ColumnCount}.", nameof(generators));
        Name = name;
        Dimension = dimension;
        Generators = generators.ToArray();
        LieGenerators = lieGenerators.ToArray();
        Periods = periods.ToArray();
        this.action = action;
    }

    /// <summary>The representation by which <paramref name="group"/> acts on its inputs (finite groups by generators, tori by Lie generators).</summary>
    public static Representation Of(IGroupAction group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.Order is int) return new(group.Name, group.SpaceDimension, group.GeneratorElements.Select(g => g.Matrix).ToArray(), [], [], group);
        if (group is not LieGroupAction lie) throw new ArgumentException($"{group.Name}: a Lie group is read through LieGroupAction (generators and periods).", nameof(group));
        return new(group.Name, group.SpaceDimension, [], lie.Generators, lie.Periods, group);
    }

    /// <summary>The group acting through this representation: the closure of the generators (finite) or the torus they generate; the original group when built by <see cref="Of"/>.</summary>
    public IGroupAction Action => action ??= IsFinite ? new FiniteGroup(Name, Generators) : new LieGroupAction(Name, LieGenerators, Periods);

    /// <summary>The trivial representation on R^<paramref name="dimension"/> of the same group as <paramref name="like"/>.</summary>
    public static Representation Trivial(int dimension, Representation like) =>
        new($"trivial R^{dimension}", dimension,
            like.Generators.Select(_ => Matrix<double>.Build.DenseIdentity(dimension)).ToArray(),
            like.LieGenerators.Select(_ => Matrix<double>.Build.Dense(dimension, dimension)).ToArray(), like.Periods);

    /// <summary>The direct sum: block-diagonal generators, the parts in the order given.</summary>
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
        return new(string.Join(" + ", parts.Select(p => p.Name)), n,
            Enumerable.Range(0, parts[0].Generators.Count).Select(a => Block(p => p.Generators[a])).ToArray(),
            Enumerable.Range(0, parts[0].LieGenerators.Count).Select(a => Block(p => p.LieGenerators[a])).ToArray(), parts[0].Periods);
    }

    /// <summary>The tensor product: rho(g) = rho_a(g) (x) rho_b(g) on generators, A (x) I + I (x) B on the Lie algebra.</summary>
    public static Representation TensorProduct(Representation a, Representation b)
    {
        CheckSameGroup(a, b);
        var ia = Matrix<double>.Build.DenseIdentity(a.Dimension);
        var ib = Matrix<double>.Build.DenseIdentity(b.Dimension);
        return new($"({a.Name}) (x) ({b.Name})", a.Dimension * b.Dimension,
            a.Generators.Zip(b.Generators, (x, y) => x.KroneckerProduct(y)).ToArray(),
            a.LieGenerators.Zip(b.LieGenerators, (x, y) => x.KroneckerProduct(ib) + ia.KroneckerProduct(y)).ToArray(), a.Periods);
    }

    /// <summary>The k-th tensor power (k &gt;= 1).</summary>
    public Representation TensorPower(int k)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "Expected a power of at least 1.");
        var r = this;
        for (int i = 1; i < k; i++) r = TensorProduct(r, this);
        return new($"({Name})^(x){k}", r.Dimension, r.Generators, r.LieGenerators, r.Periods);
    }

    /// <summary>Q rho Q^T: the same representation in another orthonormal basis (Q orthogonal).</summary>
    public Representation ChangeBasis(Matrix<double> q, string? name = null)
    {
        if (q.RowCount != Dimension || q.ColumnCount != Dimension) throw new ArgumentException($"Change of basis must be {Dimension}x{Dimension}.", nameof(q));
        return new(name ?? $"Q ({Name}) Q^T", Dimension, Generators.Select(g => q * g * q.Transpose()).ToArray(),
            LieGenerators.Select(g => q * g * q.Transpose()).ToArray(), Periods);
    }

    /// <summary>B^T rho B on the span of the orthonormal columns of <paramref name="basis"/>: a representation when that span is invariant.</summary>
    public Representation Restrict(Matrix<double> basis, string? name = null)
    {
        if (basis.RowCount != Dimension) throw new ArgumentException($"A basis of a subspace of R^{Dimension} needs {Dimension} rows; got {basis.RowCount}.", nameof(basis));
        return new(name ?? $"{Name} restricted to {basis.ColumnCount} dimensions", basis.ColumnCount,
            Generators.Select(g => basis.TransposeThisAndMultiply(g * basis)).ToArray(),
            LieGenerators.Select(g => basis.TransposeThisAndMultiply(g * basis)).ToArray(), Periods);
    }

    /// <summary>Every constraint operator X -> rho_out(c) X - X rho_in(c) (one per generator) applied to X.</summary>
    internal static IEnumerable<Matrix<double>> Constraints(Representation input, Representation output, Matrix<double> x)
    {
        for (int a = 0; a < input.Generators.Count; a++) yield return output.Generators[a] * x - x * input.Generators[a];
        for (int a = 0; a < input.LieGenerators.Count; a++) yield return output.LieGenerators[a] * x - x * input.LieGenerators[a];
    }

    internal static void CheckSameGroup(Representation a, Representation b)
    {
        if (a.Generators.Count != b.Generators.Count || a.LieGenerators.Count != b.LieGenerators.Count || !a.Periods.SequenceEqual(b.Periods))
            throw new ArgumentException($"'{a.Name}' and '{b.Name}' are not representations of one group given by the same generators " +
                $"({a.Generators.Count}+{a.LieGenerators.Count} against {b.Generators.Count}+{b.LieGenerators.Count} generators).");
    }

    public override string ToString() => $"{Name} (dimension {Dimension})";
}
