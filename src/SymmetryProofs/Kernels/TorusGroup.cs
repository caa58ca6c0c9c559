using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Kernels;

/// <summary>
/// A finite group of <see cref="GroupCatalog"/> acting on the torus [-1,1)^D. Its elements are
/// signed permutation matrices; they are read as <see cref="SignedPermutation"/>s, which act
/// exactly, wrap the image back into [-1,1) and act on the frequency lattice.
/// </summary>
public sealed class TorusGroup : IGroupAction
{
    public string Name { get; }
    public FiniteGroup Group { get; }
    public int Dimension => Group.Dimension;
    public IReadOnlyList<SignedPermutation> Generators { get; }
    public IReadOnlyList<SignedPermutation> Elements { get; }
    public int Order => Elements.Count;

    int IGroupAction.SpaceDimension => Group.Dimension;
    int? IGroupAction.Order => Order;
    int IGroupAction.LieDimension => 0;
    IReadOnlyList<MathNet.Numerics.LinearAlgebra.Matrix<double>> IGroupAction.LieGenerators => [];
    IReadOnlyList<GroupElement> IGroupAction.Representatives(int resolution) => Group.Representatives(resolution);
    IReadOnlyList<GroupElement> IGroupAction.GeneratorElements => Group.GeneratorElements;
    GroupElement IGroupAction.Sample(Random rng) => Group.Sample(rng);

    public TorusGroup(string name, FiniteGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        Name = name;
        Group = group;
        Generators = group.Generators.Select(SignedPermutation.FromMatrix).ToArray();
        Elements = group.Elements.Select(SignedPermutation.FromMatrix).ToArray();
    }

    /// <summary>x -> -x, order 2.</summary>
    public static TorusGroup Inversion(int d) => new("inversion", GroupCatalog.Inversion(d));

    /// <summary>All sign flips of coordinates, order 2^D.</summary>
    public static TorusGroup SignFlips(int d) => new("sign flips", GroupCatalog.SignFlips(d));

    /// <summary>All permutations of coordinates, order D!.</summary>
    public static TorusGroup Permutations(int d) => new("permutations", GroupCatalog.CoordinatePermutations(d));

    /// <summary>The finite groups of the experiment that are non-trivial and distinct in dimension d.</summary>
    public static IReadOnlyList<TorusGroup> TestGroups(int d) =>
        GroupCatalog.Entries.Where(e => e.Kernels && d >= e.KernelsFromDimension && e.AppliesTo(new Shape(1, d)))
            .Select(e => new TorusGroup(e.Title, (FiniteGroup)e.Build(new Shape(1, d)))).ToArray();

    public double[] Act(SignedPermutation g, double[] x) => g.Act(x);

    /// <summary>
    /// The lexicographically smallest point of the orbit of x. Every g x is exact in floats and
    /// the orbit of g x is the orbit of x as a set of bit patterns, so Canonical(g x) and
    /// Canonical(x) are the same bits: a function of Canonical(x) is exactly invariant.
    /// </summary>
    public double[] Canonical(double[] x)
    {
        double[] best = Torus.Wrap(x);
        foreach (var g in Elements)
        {
            var y = g.Act(x);
            if (LexLess(y, best)) best = y;
        }
        return best;
    }

    public static bool LexLess(double[] a, double[] b)
    {
        for (int i = 0; i < a.Length; i++)
            if (a[i] != b[i]) return a[i] < b[i];
        return false;
    }

    public override string ToString() => $"{Name} in D = {Dimension} (order {Order})";
}
