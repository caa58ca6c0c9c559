using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Symmetry;
using SymmetryProofs.Data;
using SymmetryProofs.Features;

namespace SymmetryProofs.Features;

/// <summary>
/// The Reynolds operator: phi_G(x) = (1/|G|) sum_g phi(U(g) x), the average of any feature map
/// over a finite group, invariant under G by construction: phi_G(U(h) x) sums the same orbit.
/// <para>
/// Floating-point sums depend on their order, and the orbit of U(h) x lists the same terms in a
/// different order. Each output coordinate is therefore summed over its |G| terms in sorted
/// order (by halves, <see cref="PairwiseSum"/>), which makes the result a function of the multiset of terms alone. When every U(g) is a
/// signed permutation matrix (all groups of <see cref="GroupCatalog"/>), U(g) x is computed
/// exactly (each coordinate is +-x_j), the multisets of x and of U(h) x are bit-identical, and so
/// phi_G(U(h) x) = phi_G(x) bit for bit (<see cref="IsExactlyInvariant"/>). For other orthogonal
/// matrices (rotations by irrational angles) U(g) x is rounded and invariance holds only to a few
/// ulps of the largest term.
/// </para>
/// </summary>
public sealed class ReynoldsMap : FeatureMap
{
    private readonly SignedPermutation[]? exactActions;

    public IFeatureMap Inner { get; }
    public FiniteGroup Group { get; }

    /// <summary>True when every element acts by a signed permutation, so invariance is exact, not within a tolerance.</summary>
    public bool IsExactlyInvariant => exactActions is not null;

    public ReynoldsMap(IFeatureMap inner, FiniteGroup group) : base(CheckedInputDim(inner, group))
    {
        Inner = inner;
        Group = group;
        var actions = group.Elements.Select(SignedPermutation.TryFrom).ToArray();
        exactActions = actions.All(a => a is not null) ? actions.Select(a => a!).ToArray() : null;
    }

    public override string Name => $"reynolds[{Inner.Name} over {Group.Name}]";
    public override int OutputDim => Inner.OutputDim;

    /// <summary>Even when the inner map is even (U(g) is linear) or when the group contains -I (then -x lies in the orbit of x).</summary>
    public override bool IsEven => Inner.IsEven || Group.Elements.Any(IsMinusIdentity);

    protected override double[] Compute(Vector<double> x)
    {
        int order = Group.Order;
        var terms = new double[OutputDim][];
        for (int k = 0; k < OutputDim; k++) terms[k] = new double[order];
        for (int g = 0; g < order; g++)
        {
            var phi = Inner.Apply(Act(g, x));
            for (int k = 0; k < OutputDim; k++) terms[k][g] = phi[k];
        }
        var average = new double[OutputDim];
        for (int k = 0; k < OutputDim; k++)
        {
            var column = terms[k];
            Array.Sort(column, TotalOrder);
            // +0.0 turns -0 into +0: terms that differ only in the sign of a zero must not make the averages differ.
            average[k] = PairwiseSum(column) / order + 0.0;
        }
        return average;
    }

    /// <summary>
    /// Sum by halves: 2^m equal terms add up exactly (so averaging an invariant map over a group of
    /// order 2^m returns it unchanged, and +-a pairs of a sign-flip orbit cancel exactly), and the
    /// rounding error grows with log |G| instead of |G|.
    /// </summary>
    private static double PairwiseSum(ReadOnlySpan<double> terms) =>
        terms.Length == 1 ? terms[0] : PairwiseSum(terms[..(terms.Length / 2)]) + PairwiseSum(terms[(terms.Length / 2)..]);

    private Vector<double> Act(int g, Vector<double> x)
    {
        if (exactActions is not null) return exactActions[g].Apply(x);
        var u = Group.Elements[g];
        var y = new double[x.Count];
        for (int i = 0; i < y.Length; i++)
        {
            double sum = 0;
            for (int j = 0; j < x.Count; j++) sum += u[i, j] * x[j];
            y[i] = sum;
        }
        return Vector<double>.Build.DenseOfArray(y);
    }

    private static int CheckedInputDim(IFeatureMap inner, FiniteGroup group)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(group);
        if (inner.InputDim != group.Dimension)
            throw new ArgumentException(
                $"Reynolds operator: feature map '{inner.Name}' takes inputs in R^{inner.InputDim} but group '{group.Name}' acts on R^{group.Dimension}.", nameof(group));
        return inner.InputDim;
    }

    private static bool IsMinusIdentity(Matrix<double> u)
    {
        for (int i = 0; i < u.RowCount; i++)
            for (int j = 0; j < u.ColumnCount; j++)
                if (Math.Abs(u[i, j] - (i == j ? -1.0 : 0.0)) > FiniteGroup.OrthogonalityTolerance) return false;
        return true;
    }

    // A total order (value, then bit pattern) so that -0 and +0 have a fixed place in the sorted terms.
    private static readonly Comparer<double> TotalOrder = Comparer<double>.Create((a, b) =>
    {
        int c = a.CompareTo(b);
        return c != 0 ? c : BitConverter.DoubleToInt64Bits(a).CompareTo(BitConverter.DoubleToInt64Bits(b));
    });

    /// <summary>A matrix with one entry +-1 per row and zeros elsewhere, applied exactly: y_i = s_i x_{p(i)}.</summary>
    private sealed class SignedPermutation(int[] source, double[] sign)
    {
        public static SignedPermutation? TryFrom(Matrix<double> u)
        {
            var source = new int[u.RowCount];
            var sign = new double[u.RowCount];
            for (int i = 0; i < u.RowCount; i++)
            {
                source[i] = -1;
                for (int j = 0; j < u.ColumnCount; j++)
                {
                    double v = u[i, j];
                    if (v == 0) continue;
                    if ((v != 1 && v != -1) || source[i] >= 0) return null;
                    source[i] = j;
                    sign[i] = v;
                }
                if (source[i] < 0) return null;
            }
            return new SignedPermutation(source, sign);
        }

        public Vector<double> Apply(Vector<double> x) => Vector<double>.Build.Dense(source.Length, i => sign[i] * x[source[i]]);
    }
}
