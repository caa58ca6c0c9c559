using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Representations;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Properties;

/// <summary>
/// Generators for representations: a catalogue group on a small shape and a direct sum of parts drawn
/// from it (the group's own action, the same in a random orthonormal basis, trivial lines), all plain
/// data (names, sizes, seeds); the representation is built inside the property.
/// </summary>
public static partial class Arbs
{
    /// <summary>The catalogue groups with the small shapes the representation properties use (every entry appears).</summary>
    public static readonly (string Group, int Height, int Width)[] SmallGroupShapes =
    [
        ("inversion", 1, 3), ("inversion", 2, 2), ("sign-flips", 1, 3), ("permutations", 1, 3), ("permutations", 1, 4),
        ("translations", 2, 3), ("translations", 3, 3), ("mirror", 2, 3), ("rotations", 2, 2), ("rotations", 3, 3),
        ("d4", 2, 2), ("d4", 3, 3), ("random-cycles", 2, 3), ("so2", 1, 2), ("torus-translations", 2, 3), ("torus-translations", 3, 3),
    ];

    public static Gen<RepresentationCase> RepresentationCaseGen =>
        from g in Gen.Choose(0, SmallGroupShapes.Length - 1)
        from parts in Gen.ArrayOf(Gen.Choose(0, 3), 3)
        from count in Gen.Choose(1, 3)
        from seed in Gen.Choose(0, 10_000)
        select new RepresentationCase(g, parts.Take(count).ToArray(), seed);

    /// <summary>Fewer parts, then the plain action instead of a rotated one or a trivial pair, then an earlier group of the list, then seed 0.</summary>
    public static IEnumerable<RepresentationCase> ShrinkRepresentationCase(RepresentationCase c)
    {
        for (int i = 0; i < c.Parts.Length && c.Parts.Length > 1; i++) yield return c with { Parts = c.Parts.Where((_, j) => j != i).ToArray() };
        for (int i = 0; i < c.Parts.Length; i++)
            if (c.Parts[i] != 0) { var p = (int[])c.Parts.Clone(); p[i] = 0; yield return c with { Parts = p }; }
        if (c.GroupIndex > 0) yield return c with { GroupIndex = 0 };
        if (c.Seed != 0) yield return c with { Seed = 0 };
    }

    public static Arbitrary<RepresentationCase> RepresentationCases() => Arb.From(RepresentationCaseGen.Where(c => c.Build().Dimension <= RepresentationCase.MaxDimension), ShrinkRepresentationCase);

    /// <summary>An input of <paramref name="n"/> coordinates and the index of one irreducible subspace (taken modulo their count), shrinking to small integers and subspace 0.</summary>
    public static Arbitrary<ComponentFlip> ComponentFlips(int n) => Arb.From(
        from x in Gen.ArrayOf(Gen.Choose(-30, 30).Select(k => k / 10.0), n) from k in Gen.Choose(0, 1000) select new ComponentFlip(x, k),
        f => Simpler.Arrays(f.X, perEntryUpTo: 16).Select(x => f with { X = x }).Concat(f.Component > 0 ? [f with { Component = 0 }] : []));
}

/// <summary>
/// A representation drawn from a catalogue group: the direct sum of parts, each 0 = the group's action,
/// 1 = the same in a random orthonormal basis drawn from the seed, 2 = a trivial line, 3 = the action twice
/// (so that types occur with multiplicity).
/// </summary>
public sealed record RepresentationCase(int GroupIndex, int[] Parts, int Seed)
{
    /// <summary>Rotated parts take the dense route (n^2 unknowns); 12 keeps its eigenproblem (144 unknowns) to milliseconds.</summary>
    public const int MaxDimension = 12;

    public (string Group, int Height, int Width) Choice => Arbs.SmallGroupShapes[GroupIndex];
    public IGroupAction Group => GroupCatalog.Build(Choice.Group, new Shape(Choice.Height, Choice.Width));

    public Representation Build()
    {
        var plain = Representation.Defining(Group);
        var rng = new Random(Seed);
        var parts = Parts.SelectMany(p => p switch
        {
            0 => new[] { plain },
            1 => new[] { plain.ChangeBasis(RandomOrthogonal(plain.Dimension, rng), $"rotated {plain.Name}") },
            2 => new[] { Representation.Trivial(1, plain) },
            _ => new[] { plain, plain },
        }).ToArray();
        return parts.Length == 1 && ReferenceEquals(parts[0], plain) ? plain : Representation.DirectSum(parts);
    }

    public static Matrix<double> RandomOrthogonal(int n, Random rng) =>
        Matrix<double>.Build.Dense(n, n, (_, _) => MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1)).QR().Q;

    public override string ToString() =>
        $"{Choice.Group} on {new Shape(Choice.Height, Choice.Width)}, parts [{string.Join(", ", Parts.Select(p => p switch { 0 => "action", 1 => "rotated action", 2 => "trivial line", _ => "action twice" }))}], seed {Seed}";
}

/// <summary>An input x and one irreducible subspace k: y = x - 2 P_k x flips that component and keeps every irreducible norm.</summary>
public sealed record ComponentFlip(double[] X, int Component)
{
    public override string ToString() => $"x = {SymmetryProofs.IO.Format.Vector(X)}, flip component {Component}";
}
