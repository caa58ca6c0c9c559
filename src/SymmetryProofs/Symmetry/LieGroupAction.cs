using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Symmetry;

/// <summary>
/// A connected compact abelian Lie group (a torus T^d) acting on R^M by orthogonal matrices,
/// given as data: skew-symmetric, mutually commuting generators A_a and the periods T_a with
/// exp(T_a A_a) = I. An element is U(t) = exp(t_1 A_1) ... exp(t_d A_d) (Sec. 4.1).
/// </summary>
public class LieGroupAction : IGroupAction
{
    /// <summary>Relative tolerance for skew-symmetry and commutators: generators are built in floating point from cosines.</summary>
    public const double StructureTolerance = 1e-12;

    public string Name { get; }
    public IReadOnlyList<Matrix<double>> Generators { get; }
    public IReadOnlyList<double> Periods { get; }
    public int Dimension => Generators.Count;
    public int SpaceDim => Generators[0].RowCount;

    int IGroupAction.SpaceDimension => SpaceDim;
    int? IGroupAction.Order => null;
    int IGroupAction.LieDimension => Dimension;
    IReadOnlyList<Matrix<double>> IGroupAction.LieGenerators => Generators;

    /// <summary>The K^d grid elements (<see cref="GridCoordinates"/>), the identity first.</summary>
    public IReadOnlyList<GroupElement> Representatives(int resolution) => GridCoordinates(resolution).Select(ElementAt).ToArray();

    /// <summary>A step of a hundredth of the period along each generator: small, but far from rounding.</summary>
    public IReadOnlyList<GroupElement> GeneratorElements =>
        Enumerable.Range(0, Dimension).Select(a => ElementAt(Enumerable.Range(0, Dimension).Select(b => b == a ? Periods[a] / 100 : 0.0).ToArray())).ToArray();

    public GroupElement Sample(Random rng) => ElementAt(RandomCoordinates(rng));

    /// <summary>U(t) as data, labelled by its coordinates: "exp(0.25 A0) exp(1.5 A1)".</summary>
    public GroupElement ElementAt(IReadOnlyList<double> t)
    {
        bool identity = t.All(v => v == 0);
        string label = identity ? "e" : string.Join(" ", Enumerable.Range(0, Dimension).Where(a => t[a] != 0)
            .Select(a => $"exp({t[a].ToString("G6", System.Globalization.CultureInfo.InvariantCulture)} A{a})"));
        return new GroupElement(label, Element(t), identity);
    }

    public LieGroupAction(string name, IReadOnlyList<Matrix<double>> generators, IReadOnlyList<double> periods)
    {
        if (generators.Count == 0) throw new ArgumentException("A Lie group action needs at least one generator.", nameof(generators));
        if (periods.Count != generators.Count) throw new ArgumentException($"Got {generators.Count} generators but {periods.Count} periods.", nameof(periods));
        int m = generators[0].RowCount;
        for (int a = 0; a < generators.Count; a++)
        {
            var g = generators[a];
            if (g.RowCount != m || g.ColumnCount != m) throw new ArgumentException($"Generator {a} is {g.RowCount}x{g.ColumnCount}; expected {m}x{m}.", nameof(generators));
            double scale = Math.Max(1, g.FrobeniusNorm());
            if ((g + g.Transpose()).FrobeniusNorm() > StructureTolerance * scale)
                throw new ArgumentException($"Generator {a} is not skew-symmetric (|A + A^T| = {(g + g.Transpose()).FrobeniusNorm():G3}); U(t) would not be orthogonal.", nameof(generators));
            if (!(periods[a] > 0) || !double.IsFinite(periods[a])) throw new ArgumentException($"Period {a} is {periods[a]}; expected a positive number.", nameof(periods));
            for (int b = 0; b < a; b++)
            {
                var c = g * generators[b] - generators[b] * g;
                if (c.FrobeniusNorm() > StructureTolerance * scale * Math.Max(1, generators[b].FrobeniusNorm()))
                    throw new ArgumentException($"Generators {b} and {a} do not commute; this class models tori only.", nameof(generators));
            }
        }
        Name = name;
        Generators = generators.ToArray();
        Periods = periods.ToArray();
    }

    /// <summary>U(t) = prod_a exp(t_a A_a); subclasses with a closed form override this.</summary>
    public virtual Matrix<double> Element(IReadOnlyList<double> t)
    {
        CheckCoordinates(t);
        var u = Matrix<double>.Build.DenseIdentity(SpaceDim);
        for (int a = 0; a < Dimension; a++)
            if (t[a] != 0) u = u * LieExponential.Exp(t[a] * Generators[a]);
        return u;
    }

    /// <summary>The K^d elements of the grid t_a = j_a T_a / K: the subgroup Z_K^d, a quadrature of the Haar average.</summary>
    public IReadOnlyList<double[]> GridCoordinates(int k)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "Expected at least one element per generator.");
        var result = new List<double[]>();
        var index = new int[Dimension];
        while (true)
        {
            result.Add(Enumerable.Range(0, Dimension).Select(a => index[a] * Periods[a] / k).ToArray());
            int d = 0;
            while (d < Dimension && ++index[d] == k) index[d++] = 0;
            if (d == Dimension) return result;
        }
    }

    /// <summary>A Haar-random element's coordinates: uniform on [0, T_1) x ... x [0, T_d).</summary>
    public double[] RandomCoordinates(Random rng) => Enumerable.Range(0, Dimension).Select(a => rng.NextDouble() * Periods[a]).ToArray();

    /// <summary>
    /// An orthonormal basis (columns) of the fixed subspace {x : A_a x = 0 for all a}, the vectors
    /// every U(t) leaves alone. A first layer whose rows lie in it is fixed by the whole group: its
    /// orbit is a point and no flat direction is forced there.
    /// </summary>
    public Matrix<double> FixedSubspace()
    {
        var stacked = Matrix<double>.Build.Dense(SpaceDim * Dimension, SpaceDim);
        for (int a = 0; a < Dimension; a++) stacked.SetSubMatrix(a * SpaceDim, 0, Generators[a]);
        var svd = stacked.Svd(true);
        double scale = Math.Max(1, svd.S.Count > 0 ? svd.S[0] : 0);
        var null_ = Enumerable.Range(0, SpaceDim).Where(i => i >= svd.S.Count || svd.S[i] < 1e-10 * scale).ToArray();
        var vt = svd.VT;
        return Matrix<double>.Build.Dense(SpaceDim, null_.Length, (r, c) => vt[null_[c], r]);
    }

    protected void CheckCoordinates(IReadOnlyList<double> t)
    {
        if (t.Count != Dimension) throw new ArgumentException($"{Name} has {Dimension} coordinates; got {t.Count}.", nameof(t));
        foreach (var v in t) if (!double.IsFinite(v)) throw new ArgumentException($"Group coordinate {v} is not finite.", nameof(t));
    }

    public override string ToString() => $"{Name}: dim {Dimension}, acting on R^{SpaceDim}";
}
