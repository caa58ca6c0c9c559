using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Features;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Representations;

/// <summary>
/// Bergman's Sec. 4.2 invariants: phi(x) = (|P_1 x|^2, ..., |P_r x|^2), one squared norm per irreducible
/// subspace of a <see cref="Decomposition"/> (or, with <c>isotypic: true</c>, one per isotypic component,
/// the sum over its copies). Invariant for every group: P_k commutes with U(g) and U(g) is orthogonal.
/// The isotypic norms are canonical; the irreducible ones depend on the split into copies where a type
/// occurs more than once (see <see cref="Decomposition"/> for the split chosen).
/// <para>
/// Lives in Representations, not Features, because it is built from a decomposition: Features stays free
/// of the decomposition machinery and Representations depends on Features, not the reverse.
/// </para>
/// </summary>
public sealed class IrreducibleNorms : FeatureMap
{
    private readonly (int Index, double Value)[][][] columns;
    private readonly int[][] groups;

    public Decomposition Decomposition { get; }
    public bool IsIsotypic { get; }

    public IrreducibleNorms(Decomposition decomposition, bool isotypic = false) : base(decomposition.Representation.Dimension)
    {
        Decomposition = decomposition;
        IsIsotypic = isotypic;
        // Only the non-zero entries take part: a pixel-axis basis vector then reads x_i exactly, so the norm is x_i^2 bit for bit.
        columns = decomposition.Subspaces.Select(s => s.Basis.EnumerateColumns()
            .Select(c => c.EnumerateIndexed().Where(e => e.Item2 != 0).Select(e => (e.Item1, e.Item2)).ToArray()).ToArray()).ToArray();
        groups = isotypic
            ? decomposition.Types.Select(t => Enumerable.Range(0, columns.Length).Where(k => decomposition.Subspaces[k].Type == t.Index).ToArray()).ToArray()
            : Enumerable.Range(0, columns.Length).Select(k => new[] { k }).ToArray();
    }

    /// <summary>The irreducible norms of the representation by which <paramref name="group"/> acts on its inputs (for example D4 on the 64 pixels of an 8x8 digit).</summary>
    public static IrreducibleNorms For(IGroupAction group, int seed = 0) => new(Decomposition.Of(Representation.Defining(group), seed));

    /// <summary>The canonical isotypic norms of <paramref name="group"/>'s action on its inputs.</summary>
    public static IrreducibleNorms Isotypic(IGroupAction group) => new(Decomposition.Of(Representation.Defining(group)), isotypic: true);

    public override string Name => IsIsotypic ? "isotypic" : "irreps";
    public override int OutputDim => groups.Length;
    public override bool IsEven => true;

    protected override double[] Compute(Vector<double> x)
    {
        var norms = new double[columns.Length];
        for (int k = 0; k < columns.Length; k++)
        {
            double sum = 0;
            foreach (var column in columns[k])
            {
                double y = 0;
                foreach (var (i, v) in column) y += v * x[i];
                sum += y * y;
            }
            norms[k] = sum;
        }
        return groups.Select(g => g.Aggregate(0.0, (s, k) => s + norms[k])).ToArray();
    }

    /// <summary>
    /// True when every subspace is one coordinate axis and the group acts by signed permutations: then
    /// (U(g) x)_i = +-x_i on each axis and the norm is the same square bit for bit.
    /// </summary>
    public bool IsExactlyInvariant =>
        columns.All(c => c.Length == 1 && c[0].Length == 1 && Math.Abs(c[0][0].Value) == 1) &&
        Decomposition.Representation.IsFinite && SignedPermutationAction.TryFrom(Decomposition.Representation) is not null;

    /// <summary>
    /// The relative tolerance of phi(U(g) x) against phi(x) in <see cref="EquivarianceCheck"/>'s measure, derived
    /// (u = 2^-53, gamma_k = k u / (1 - k u)): each norm |B^T x|^2 is computed with an error of at most
    /// (2 sqrt(d) gamma_n + gamma_d) |x|^2 (dot products of unit columns, then d squares); the computed
    /// bases commute with the group to delta = max_k sup_g |P_k U(g) - U(g) P_k|, which moves a norm by at
    /// most 2 delta |x|^2; U(g) x itself is rounded by n gamma_n |x| unless U(g) is a signed permutation, and
    /// a Lie element's entries carry the catalogue's 1e-12 (CatalogAxiomTests), n 1e-12 in norm. Both sides
    /// err, and |phi|_2 &gt;= |x|^2 / sqrt(r) turns sqrt(r) times a per-norm error into a relative one: r E.
    /// </summary>
    public Tolerance InvarianceTolerance()
    {
        if (IsExactlyInvariant) return Tolerance.Exact;
        var rep = Decomposition.Representation;
        int n = rep.Dimension, r = columns.Length, d = Decomposition.Subspaces.Max(s => s.Dimension);
        double u = Math.Pow(2, -53);
        double Gamma(int k) => k * u / (1 - k * u);
        double rounding = 2 * Math.Sqrt(d) * Gamma(n) + Gamma(d);
        double delta = Leakage();
        double action = rep.IsFinite
            ? (SignedPermutationAction.TryFrom(rep) is null ? n * Gamma(n) : 0)
            : n * 1e-12;
        double e = 2 * rounding + 2 * delta + 2 * action;
        return Tolerance.Within("irreducible-norm rounding", r * e,
            $"norms of {r} subspaces of R^{n} (largest {d}): rounding {rounding:G2}, basis leakage {delta:G2}, action {action:G2} per |x|^2, times r");
    }

    // sup_g |P U(g) - U(g) P| <= 2 |(I - P) U(g) B| over all elements (finite), or <= 2 sum_a T_a |(I - P) A_a B| along a path from the identity (torus).
    private double Leakage()
    {
        var rep = Decomposition.Representation;
        double worst = 0;
        foreach (var s in Decomposition.Subspaces)
        {
            double Out(Matrix<double> m) { var mb = m * s.Basis; return (mb - s.Basis * s.Basis.TransposeThisAndMultiply(mb)).FrobeniusNorm(); }
            double leak = rep.IsFinite
                ? rep.Action.Representatives(0).Max(g => Out(g.Matrix))
                : rep.LieGenerators.Select((a, i) => rep.Periods[i] * Out(a)).Sum();
            worst = Math.Max(worst, 2 * leak);
        }
        return worst;
    }
}
