using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Kernels;

/// <summary>
/// The map x -> g x with (g x)_i = Signs[i] * x[Perm[i]], an orthogonal matrix with one +-1 per row.
/// Inversion, sign flips and coordinate permutations are all of this form. On frequencies it
/// acts by the transpose: k.(g x) = (g^T k).x, and g^T maps the integer lattice to itself, which
/// is why averaged kernels stay computable in Fourier space.
/// </summary>
public sealed class SignedPermutation : IEquatable<SignedPermutation>
{
    public int[] Perm { get; }
    public int[] Signs { get; }
    public int Dimension => Perm.Length;

    public SignedPermutation(int[] perm, int[] signs)
    {
        if (perm.Length != signs.Length) throw new ArgumentException($"Permutation has {perm.Length} entries but {signs.Length} signs.");
        if (perm.OrderBy(p => p).Where((p, i) => p != i).Any())
            throw new ArgumentException($"[{string.Join(", ", perm)}] is not a permutation of 0..{perm.Length - 1}.");
        if (signs.Any(s => s != 1 && s != -1)) throw new ArgumentException($"Signs must be +1 or -1; got [{string.Join(", ", signs)}].");
        Perm = perm.ToArray();
        Signs = signs.ToArray();
    }

    /// <summary>
    /// Reads an orthogonal matrix with exactly one entry +1 or -1 in every row (and zeros
    /// elsewhere) as a signed permutation; any other matrix is refused.
    /// </summary>
    public static SignedPermutation FromMatrix(Matrix<double> u)
    {
        ArgumentNullException.ThrowIfNull(u);
        if (u.RowCount != u.ColumnCount) throw new ArgumentException($"Expected a square matrix; got {u.RowCount}x{u.ColumnCount}.", nameof(u));
        var perm = new int[u.RowCount];
        var signs = new int[u.RowCount];
        for (int i = 0; i < u.RowCount; i++)
        {
            var nonzero = Enumerable.Range(0, u.ColumnCount).Where(j => u[i, j] != 0).ToArray();
            if (nonzero.Length != 1 || Math.Abs(u[i, nonzero[0]]) != 1)
                throw new ArgumentException($"Row {i} of the matrix is not a signed unit vector; not a signed permutation.", nameof(u));
            perm[i] = nonzero[0];
            signs[i] = Math.Sign(u[i, nonzero[0]]);
        }
        return new SignedPermutation(perm, signs);
    }

    public static SignedPermutation Identity(int d) => new(Enumerable.Range(0, d).ToArray(), Enumerable.Repeat(1, d).ToArray());

    /// <summary>g x, wrapped back into [-1,1) (only -(-1) = 1 needs it); exact in IEEE arithmetic.</summary>
    public double[] Act(double[] x)
    {
        if (x.Length != Dimension) throw new ArgumentException($"Point has {x.Length} coordinates; the group acts on {Dimension}.");
        var y = new double[x.Length];
        for (int i = 0; i < y.Length; i++) y[i] = Torus.Wrap(Signs[i] * x[Perm[i]]);
        return y;
    }

    /// <summary>g^T k, so that k.(g x) = (g^T k).x.</summary>
    public int[] ActOnFrequency(int[] k)
    {
        var q = new int[k.Length];
        for (int i = 0; i < k.Length; i++) q[Perm[i]] = Signs[i] * k[i];
        return q;
    }

    /// <summary>(this * h) x = this(h x).</summary>
    public SignedPermutation Compose(SignedPermutation h)
    {
        var p = new int[Dimension];
        var s = new int[Dimension];
        for (int i = 0; i < Dimension; i++)
        {
            p[i] = h.Perm[Perm[i]];
            s[i] = Signs[i] * h.Signs[Perm[i]];
        }
        return new SignedPermutation(p, s);
    }

    public bool Equals(SignedPermutation? other) =>
        other is not null && Perm.SequenceEqual(other.Perm) && Signs.SequenceEqual(other.Signs);

    public override bool Equals(object? obj) => Equals(obj as SignedPermutation);
    public override int GetHashCode() => HashCode.Combine(ToString());

    /// <summary>As a person writes it: x -> (-x1, x0) for Perm = [1, 0], Signs = [-1, 1].</summary>
    public override string ToString() =>
        "x -> (" + string.Join(", ", Perm.Select((p, i) => (Signs[i] < 0 ? "-" : "") + "x" + p)) + ")";
}
