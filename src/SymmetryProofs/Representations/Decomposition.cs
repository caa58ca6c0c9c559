using System.Diagnostics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Representations;

/// <summary>
/// A real orthogonal representation split into irreducible invariant subspaces, grouped into isotypic
/// components (Sec. 4.2). The route is numerical and its result is checked (<see cref="Verify"/>):
/// <list type="number">
/// <item>Blocks: when every generator is a signed permutation, the coordinates split into the orbits of
/// the group (each spans an invariant subspace, exactly); otherwise the whole space is one block.</item>
/// <item>Each block: the commutant End_G of the restricted representation (<see cref="EquivariantMaps"/>),
/// a random symmetric element S of it; S commutes with the group, so its eigenspaces are invariant.
/// A block on which S is a multiple of I is irreducible (an invariant subspace would give a
/// symmetric commutant element, its orthogonal projector, that is not); otherwise each eigenspace is
/// split again the same way.</item>
/// <item>Types: the commutant dimension of a piece is 1, 2 or 4 (real, complex, quaternionic); two pieces
/// are copies of one type when Hom_G between them is non-zero.</item>
/// </list>
/// <para>
/// The split is not unique where a type occurs more than once (any orthogonal mixing of aligned copies
/// is another split). This one is the orbit split refined by the eigenspaces of S drawn from the
/// seed: for a permutation representation such as D4 on pixels, every irreducible subspace lies in one
/// pixel orbit; for inversion every pixel is its own orbit and the subspaces are the pixel axes (the
/// norms are then x_i^2 exactly). <see cref="Resplit"/> draws other splits.
/// </para>
/// </summary>
public sealed class Decomposition
{
    /// <summary>Eigenvalues of the random symmetric commutant element within this (relative to the largest) are one eigenspace; distinct ones are O(1) apart for a generic element.</summary>
    public const double EigenClusterTolerance = 1e-9;

    public Representation Representation { get; }
    public IReadOnlyList<IrreducibleSubspace> Subspaces { get; }
    public IReadOnlyList<IrreducibleType> Types { get; }

    /// <summary>How the split into copies was chosen, as a sentence.</summary>
    public string Split { get; }

    public TimeSpan Elapsed { get; }

    private Decomposition(Representation rep, IReadOnlyList<IrreducibleSubspace> subspaces, IReadOnlyList<IrreducibleType> types, string split, TimeSpan elapsed)
    {
        Representation = rep;
        Subspaces = subspaces;
        Types = types;
        Split = split;
        Elapsed = elapsed;
    }

    /// <summary>Decomposes <paramref name="rep"/>; <paramref name="seed"/> draws the symmetric commutant elements that choose the split into copies.</summary>
    public static Decomposition Of(Representation rep, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(rep);
        var clock = Stopwatch.StartNew();
        var rng = new Random(seed);
        int n = rep.Dimension;
        var signed = rep.IsFinite ? SignedPermutationAction.TryFrom(rep) : null;
        var blocks = signed is null
            ? new[] { Matrix<double>.Build.DenseIdentity(n) }
            : signed.Orbits(n).Select(o => Matrix<double>.Build.Dense(n, o.Length, (i, j) => i == o[j] ? 1.0 : 0.0)).ToArray();
        var pieces = new List<(Matrix<double> Basis, int Kind)>();
        foreach (var block in blocks) SplitBlock(rep, block, rng, pieces);
        var (subspaces, types) = Classify(rep, pieces);
        string split = signed is null
            ? $"eigenspaces of random symmetric commutant elements (seed {seed})"
            : $"orbits of the coordinates ({blocks.Length}), then eigenspaces of random symmetric commutant elements (seed {seed})";
        return new Decomposition(rep, subspaces, types, split, clock.Elapsed);
    }

    private static void SplitBlock(Representation rep, Matrix<double> block, Random rng, List<(Matrix<double>, int)> pieces)
    {
        if (block.ColumnCount == 1) { pieces.Add((block, 1)); return; }
        var commutant = EquivariantMaps.Commutant(rep.Restrict(block));
        int d = block.ColumnCount;
        var s = Matrix<double>.Build.Dense(d, d);
        foreach (var c in commutant.Maps) s += Normal.Sample(rng, 0, 1) * (c + c.Transpose());
        double trace = s.Trace() / d;
        if ((s - trace * Matrix<double>.Build.DenseIdentity(d)).FrobeniusNorm() <= EigenClusterTolerance * s.FrobeniusNorm())
        {
            pieces.Add((block, commutant.Dimension));
            return;
        }
        var evd = s.Evd(Symmetricity.Symmetric);
        var lambda = evd.EigenValues.Select(z => z.Real).ToArray();
        double scale = lambda.Max(Math.Abs);
        for (int start = 0; start < d;)
        {
            int end = start + 1;
            while (end < d && lambda[end] - lambda[start] <= EigenClusterTolerance * scale) end++;
            SplitBlock(rep, block * evd.EigenVectors.SubMatrix(0, d, start, end - start), rng, pieces);
            start = end;
        }
    }

    private static (IReadOnlyList<IrreducibleSubspace>, IReadOnlyList<IrreducibleType>) Classify(Representation rep, List<(Matrix<double> Basis, int Kind)> pieces)
    {
        var representatives = new List<(Representation Rep, int Dimension, int Kind, bool Trivial)>();
        var assigned = new List<int>();
        foreach (var (basis, kind) in pieces)
        {
            if (kind is not (1 or 2 or 4)) throw new InvalidOperationException($"{rep.Name}: an irreducible piece has a commutant of dimension {kind}; only 1, 2 or 4 (R, C, H) are possible.");
            var restricted = rep.Restrict(basis);
            int type = representatives.FindIndex(t => t.Dimension == basis.ColumnCount && t.Kind == kind && EquivariantMaps.Solve(restricted, t.Rep).Dimension > 0);
            if (type < 0)
            {
                type = representatives.Count;
                representatives.Add((restricted, basis.ColumnCount, kind, IsTrivial(restricted)));
            }
            assigned.Add(type);
        }
        var types = representatives.Select((t, i) => new IrreducibleType(i, t.Dimension, (RealType)t.Kind, assigned.Count(a => a == i), t.Trivial)).ToArray();
        var subspaces = new List<IrreducibleSubspace>();
        for (int t = 0; t < types.Length; t++)
        {
            int copy = 0;
            for (int k = 0; k < pieces.Count; k++)
                if (assigned[k] == t) subspaces.Add(new IrreducibleSubspace(pieces[k].Basis, t, copy++));
        }
        return (subspaces, types);
    }

    private static bool IsTrivial(Representation r) =>
        r.Generators.All(g => (g - Matrix<double>.Build.DenseIdentity(r.Dimension)).FrobeniusNorm() <= 1e-9) &&
        r.LieGenerators.All(a => a.FrobeniusNorm() <= 1e-9 * Math.Max(1, a.FrobeniusNorm()));

    /// <summary>
    /// Another split of the same isotypic components: within each type of multiplicity m &gt; 1 the copies are
    /// aligned by equivariant isometries T_j: V_1 -> V_j (so that every copy carries the same matrices) and
    /// mixed by a random m x m orthogonal matrix drawn from <paramref name="rng"/>.
    /// </summary>
    public Decomposition Resplit(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var result = new List<IrreducibleSubspace>();
        foreach (var type in Types)
        {
            var copies = Subspaces.Where(s => s.Type == type.Index).ToArray();
            if (copies.Length == 1) { result.Add(copies[0]); continue; }
            var first = Representation.Restrict(copies[0].Basis);
            var aligned = copies.Select(c =>
            {
                if (c.Copy == 0) return c.Basis;
                var h = EquivariantMaps.Solve(first, Representation.Restrict(c.Basis)).Maps[0];
                double scale = Math.Sqrt(h.TransposeThisAndMultiply(h).Trace() / h.ColumnCount);
                return c.Basis * (h / scale);
            }).ToArray();
            var gaussian = Matrix<double>.Build.Dense(copies.Length, copies.Length, (_, _) => Normal.Sample(rng, 0, 1));
            var o = gaussian.QR().Q;
            for (int i = 0; i < copies.Length; i++)
            {
                var b = Matrix<double>.Build.Dense(Representation.Dimension, type.Dimension);
                for (int j = 0; j < copies.Length; j++) b += o[i, j] * aligned[j];
                result.Add(new IrreducibleSubspace(b, type.Index, i));
            }
        }
        return new Decomposition(Representation, result, Types, Split + ", copies mixed by a random orthogonal matrix", Elapsed);
    }

    /// <summary>The orthogonal projector onto the isotypic component of <paramref name="type"/> (the sum of its copies' projectors: canonical, unlike the copies).</summary>
    public Matrix<double> IsotypicProjector(int type)
    {
        var p = Matrix<double>.Build.Dense(Representation.Dimension, Representation.Dimension);
        foreach (var s in Subspaces.Where(s => s.Type == type)) p += s.Basis * s.Basis.Transpose();
        return p;
    }

    /// <summary>The checks of the result: invariance, orthogonality, completeness, irreducibility and the types (see <see cref="DecompositionReport"/>).</summary>
    public DecompositionReport Verify() => DecompositionReport.Of(this);

    /// <summary>Whether the irreducible norms separate orbits (<see cref="NormCompleteness"/>).</summary>
    public bool NormsAreComplete => NormCompleteness.Decide(this);

    public override string ToString() => $"{Representation.Name}: " + string.Join(" + ", Types.Select(t => t.ToString()));
}
