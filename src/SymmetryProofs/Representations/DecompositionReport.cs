using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Representations;

/// <summary>
/// What <see cref="Decomposition.Verify"/> measured: the subspaces' residuals (absolute, for orthonormal
/// bases and orthogonal generators; Lie generators are divided by their spectral norm) and the discrete
/// facts (irreducibility, types, multiplicities) it found violated, as sentences.
/// </summary>
public sealed record DecompositionReport(double Orthonormality, double Completeness, double Invariance, IReadOnlyList<string> Problems)
{
    /// <summary>max |Q^T Q - I| and max |Q Q^T - I| (Q = all bases side by side: the projections sum to I) and the invariance residual all within <paramref name="tolerance"/>, and no problem found.</summary>
    public bool Holds(double tolerance) => Problems.Count == 0 && Orthonormality <= tolerance && Completeness <= tolerance && Invariance <= tolerance;

    public override string ToString() =>
        $"orthonormality {Orthonormality:G3}, completeness {Completeness:G3}, invariance {Invariance:G3}" + (Problems.Count == 0 ? "" : "; " + string.Join("; ", Problems));

    internal static DecompositionReport Of(Decomposition d)
    {
        var rep = d.Representation;
        int n = rep.Dimension;
        var problems = new List<string>();
        int total = d.Subspaces.Sum(s => s.Dimension);
        if (total != n) problems.Add($"the subspaces' dimensions add up to {total}, not {n}");
        var q = Matrix<double>.Build.DenseOfColumnVectors(d.Subspaces.SelectMany(s => s.Basis.EnumerateColumns()));
        double orthonormality = MaxAbs(q.TransposeThisAndMultiply(q) - Matrix<double>.Build.DenseIdentity(q.ColumnCount));
        double completeness = q.ColumnCount == n ? MaxAbs(q.TransposeAndMultiply(q) - Matrix<double>.Build.DenseIdentity(n)) : double.PositiveInfinity;
        var generators = rep.Generators.Select(g => (g, 1.0)).Concat(rep.LieGenerators.Select(a => (a, Math.Max(1e-300, a.L2Norm())))).ToArray();
        double invariance = 0;
        foreach (var s in d.Subspaces)
            foreach (var (x, scale) in generators)
            {
                var xb = x * s.Basis;
                invariance = Math.Max(invariance, (xb - s.Basis * s.Basis.TransposeThisAndMultiply(xb)).FrobeniusNorm() / scale);
            }
        var restricted = d.Subspaces.Select(s => rep.Restrict(s.Basis)).ToArray();
        int Index(IrreducibleSubspace s) => d.Subspaces.ToList().IndexOf(s);
        foreach (var s in d.Subspaces)
        {
            var type = d.Types[s.Type];
            var commutant = EquivariantMaps.Commutant(restricted[Index(s)]);
            if (commutant.Dimension != (int)type.Kind)
                problems.Add($"{type.Label} copy {s.Copy}: commutant of dimension {commutant.Dimension}, but the type is {type.Kind} ({(int)type.Kind})");
            int symmetric = SymmetricRank(commutant.Maps);
            if (symmetric != 1) problems.Add($"{type.Label} copy {s.Copy}: {symmetric} independent symmetric commutant elements; an irreducible space has only I");
            if (s.Copy > 0)
            {
                var first = d.Subspaces.First(t => t.Type == s.Type && t.Copy == 0);
                int hom = EquivariantMaps.Solve(restricted[Index(first)], restricted[Index(s)]).Dimension;
                if (hom != (int)type.Kind) problems.Add($"{type.Label} copies 0 and {s.Copy}: Hom of dimension {hom}, expected {(int)type.Kind}");
            }
        }
        var heads = d.Types.Select(t => d.Subspaces.First(s => s.Type == t.Index && s.Copy == 0)).ToArray();
        for (int i = 0; i < heads.Length; i++)
            for (int j = 0; j < i; j++)
                if (heads[i].Dimension == heads[j].Dimension && EquivariantMaps.Solve(restricted[Index(heads[j])], restricted[Index(heads[i])]).Dimension != 0)
                    problems.Add($"types {d.Types[j].Label} and {d.Types[i].Label} are isomorphic");
        foreach (var t in d.Types)
            if (d.Subspaces.Count(s => s.Type == t.Index) != t.Multiplicity) problems.Add($"{t.Label}: multiplicity {t.Multiplicity} but {d.Subspaces.Count(s => s.Type == t.Index)} copies");
        return new DecompositionReport(orthonormality, completeness, invariance, problems);
    }

    private static double MaxAbs(Matrix<double> m) => m.Enumerate().Select(Math.Abs).DefaultIfEmpty(0).Max();

    // The dimension of the span of the symmetric parts (C + C^T) / 2: 1 (only I) exactly when the space is irreducible.
    private static int SymmetricRank(IReadOnlyList<Matrix<double>> maps)
    {
        var sym = maps.Select(c => ((c + c.Transpose()) / 2).ToColumnMajorArray()).ToArray();
        var m = Matrix<double>.Build.DenseOfColumnArrays(sym);
        var s = m.Svd(false).S;
        return s.Count(v => v > 1e-8 * Math.Max(1, s.Maximum()));
    }
}
