using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Representations;

/// <summary>
/// Whether the irreducible norms |P_k x|^2 separate the orbits, decided from the decomposition's structure.
/// The norms fix each component P_k x up to the orthogonal group of its subspace (a product of spheres);
/// they are complete exactly when the group moves every component over its whole sphere at once:
/// <list type="bullet">
/// <item>finite group: every irreducible subspace is a line (a sphere S^0 = {+-1}) and the group's sign
/// patterns on the r lines are all 2^r of them (a subspace of dimension &gt;= 2 has a continuum of equal
/// norms against a finite orbit);</item>
/// <item>torus: every irreducible subspace is a plane (a line of a connected group is trivial, and -c is
/// not reachable from c) and the r weight vectors, the rates at which the generators turn the planes,
/// are linearly independent, so that t -> (angles) maps the torus onto T^r.</item>
/// </list>
/// </summary>
internal static class NormCompleteness
{
    /// <summary>A sign of a line's 1x1 block is read as +-1 when within this of it: blocks of signed permutations on computed bases carry rounding only.</summary>
    private const double SignTolerance = 1e-8;

    public static bool Decide(Decomposition d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var rep = d.Representation;
        if (rep.IsFinite)
        {
            if (d.Subspaces.Any(s => s.Dimension > 1)) return false;
            int r = d.Subspaces.Count;
            if (r > 30) return false;
            var elements = rep.Action.Representatives(0);
            if (elements.Count < 1 << r) return false;
            var patterns = new HashSet<string>();
            foreach (var g in elements)
                patterns.Add(string.Concat(d.Subspaces.Select(s =>
                {
                    double v = s.Basis.Column(0).DotProduct(g.Matrix * s.Basis.Column(0));
                    if (Math.Abs(Math.Abs(v) - 1) > SignTolerance) throw new InvalidOperationException($"{rep.Name}: element {g.Label} acts on a line by {v}, not +-1.");
                    return v > 0 ? '+' : '-';
                })));
            return patterns.Count == 1 << r;
        }
        if (d.Subspaces.Any(s => s.Dimension != 2)) return false;
        var weights = Matrix<double>.Build.Dense(d.Subspaces.Count, rep.LieGenerators.Count,
            (k, a) => (d.Subspaces[k].Basis.TransposeThisAndMultiply(rep.LieGenerators[a] * d.Subspaces[k].Basis))[1, 0]);
        if (weights.RowCount > weights.ColumnCount) return false;
        var s = weights.Svd(false).S;
        return s.Count(v => v > 1e-8 * Math.Max(1, s.Maximum())) == weights.RowCount;
    }
}
