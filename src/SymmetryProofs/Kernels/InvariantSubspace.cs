namespace SymmetryProofs.Kernels;

/// <summary>
/// The invariant features of a <see cref="FrequencyLattice"/> under a group: an orthonormal set
/// of columns u_o (o = orbit of feature indices) spanning the range of the averaging projection
/// P = (1/|G|) sum_g S_g, where phi(g x) = S_g phi(x). S_g is a signed permutation of features,
/// so P is an orthogonal projection whose range has a basis of disjointly supported columns, and
/// because the weights are constant on an orbit, K_G(x, y) = psi(x)^T P psi(y) = sum_o (u_o.psi(x)) (u_o.psi(y)).
/// For translations along coordinate j, P keeps the features with k_j = 0 (each its own column).
/// </summary>
public sealed class InvariantSubspace
{
    public FrequencyLattice Lattice { get; }
    public string Name { get; }
    /// <summary>Column o as (feature index, value) pairs; columns are orthonormal with disjoint supports.</summary>
    public IReadOnlyList<(int Index, double Value)[]> Columns { get; }
    public int Count => Columns.Count;
    /// <summary>Number of group elements averaged over; null for the continuous translation group.</summary>
    public int? GroupOrder { get; }

    private InvariantSubspace(FrequencyLattice lattice, string name, List<(int, double)[]> columns, int? order)
    {
        Lattice = lattice;
        Name = name;
        Columns = columns;
        GroupOrder = order;
    }

    public static InvariantSubspace ForGroup(FrequencyLattice lattice, TorusGroup group)
    {
        if (group.Dimension != lattice.Dimension) throw new ArgumentException($"Group on D = {group.Dimension}, lattice on D = {lattice.Dimension}.");
        var visited = new bool[lattice.FeatureCount];
        var columns = new List<(int, double)[]>();
        var actions = group.Elements.Select(g => Enumerable.Range(0, lattice.FeatureCount).Select(i => lattice.ActOnFeature(g, i)).ToArray()).ToList();
        for (int r = 0; r < lattice.FeatureCount; r++)
        {
            if (visited[r]) continue;
            // Row r of P (= column r, P being symmetric): (1/|G|) sum_g sign_r(g) e_(j_r(g)).
            var row = new SortedDictionary<int, double>();
            foreach (var act in actions)
            {
                var (j, sign) = act[r];
                visited[j] = true;
                row[j] = row.GetValueOrDefault(j) + sign;
            }
            var support = row.Where(e => e.Value != 0).ToList();
            if (support.Count == 0) continue;
            double norm = Math.Sqrt(support.Sum(e => e.Value * e.Value));
            columns.Add(support.Select(e => (e.Key, e.Value / norm)).ToArray());
        }
        return new InvariantSubspace(lattice, group.Name, columns, group.Order);
    }

    public static InvariantSubspace ForTranslation(FrequencyLattice lattice, int coordinate)
    {
        var columns = Enumerable.Range(0, lattice.FeatureCount)
            .Where(i => lattice.FrequencyOf(i)[coordinate] == 0)
            .Select(i => new[] { (i, 1.0) }).ToList();
        return new InvariantSubspace(lattice, $"translation of x{coordinate}", columns, null);
    }

    /// <summary>u_o . v for every column o.</summary>
    public void Project(ReadOnlySpan<double> v, Span<double> result)
    {
        for (int o = 0; o < Columns.Count; o++)
        {
            double sum = 0;
            foreach (var (i, u) in Columns[o]) sum += u * v[i];
            result[o] = sum;
        }
    }

    /// <summary>sum_o z_o u_o, back in the full feature basis.</summary>
    public double[] Lift(ReadOnlySpan<double> z)
    {
        var v = new double[Lattice.FeatureCount];
        for (int o = 0; o < Columns.Count; o++)
            foreach (var (i, u) in Columns[o]) v[i] += u * z[o];
        return v;
    }
}
