using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Testing;
using SymmetryProofs.IO;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Representations;
using SymmetryProofs.Symmetry;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Representations;

/// <summary>Every solved equivariant map passes the shared equivariance checker with the output action rho_out; a basis solved for a subgroup does not.</summary>
public sealed class EquivariantMapsTests(ITestOutputHelper output)
{
    /// <summary>
    /// W U(g) x against U(g) W x: products of O(1) matrices of size at most 24 round to about 2 n gamma_n ~ 1e-13;
    /// a Lie element's entries are within 1e-12 of exact (CatalogAxiomTests), at most 24e-12 in norm; the bases'
    /// constraint residuals are asserted below 1e-11. Their sum is under 1e-10.
    /// </summary>
    private static readonly Tolerance MapTolerance = Tolerance.Within("equivariant-map rounding", 1e-10,
        "rounding of products of size <= 24 (1e-13), Lie elements' entries (24e-12), basis residuals (1e-11)");

    /// <summary>Inputs in [-10, 10] give outputs of norm about 1 and more; a floor of 1e-3 keeps a near-zero output from inflating rounding into a large relative error.</summary>
    private const double OutputFloor = 1e-3;

    private static Gen<double[]> Inputs(int n) => Gen.ArrayOf(Gen.Choose(-1000, 1000).Select(k => k / 100.0), n);

    public static TheoryData<int> Groups() => new(Enumerable.Range(0, Arbs.SmallGroupShapes.Length));

    [Theory]
    [MemberData(nameof(Groups))]
    public void Every_basis_map_and_a_random_combination_of_them_is_equivariant(int index)
    {
        var (name, h, w) = Arbs.SmallGroupShapes[index];
        var rep = Representation.Defining(GroupCatalog.Build(name, new Shape(h, w)));
        // Into the action from the action plus a trivial line: a Hom space with distinct input and output representations.
        var input = Representation.DirectSum(rep, Representation.Trivial(1, rep));
        foreach (var basis in new[] { EquivariantMaps.Commutant(rep), EquivariantMaps.Solve(input, rep) })
        {
            Assert.True(basis.MaxResidual() < 1e-11, $"{basis}: residual {basis.MaxResidual():G3}");
            var rng = new Random(index);
            var maps = basis.Maps.Take(12).Select((m, i) => (m, $"basis map {i}"))
                .Append((basis.Combine(basis.Maps.Select(_ => 2 * rng.NextDouble() - 1).ToArray()), "random combination")).ToArray();
            foreach (var (map, label) in maps)
            {
                var checker = basis.Check(map, $"{label} of {basis}", MapTolerance, OutputFloor);
                var stats = new ErrorStatistics();
                Assert.Null(NegativeControl.Find(checker.Property(Inputs(checker.Group.SpaceDimension), stats), label == "random combination" ? Suite.Cases / 2 : 10));
                Assert.True(stats.Evaluations > 0);
            }
            output.WriteLine($"{basis}: {maps.Length} maps pass");
        }
    }

    /// <summary>One solved map, one input and one element: shrinks the input pixel by pixel, the element to a generator and the map to an earlier one.</summary>
    public sealed record MapCase(int Map, double[] X, int Element)
    {
        public override string ToString() => $"map {Map}, x = {Format.Vector(X)}, element {Element}";
    }

    [Fact]
    public void Control_a_basis_solved_for_a_subgroup_fails_for_the_whole_group_at_one_element_and_one_map()
    {
        var group = (FiniteGroup)GroupCatalog.Build("d4", new Shape(3, 3));
        var rep = Representation.Defining(group);
        // The quarter turn alone generates C4: its commutant is larger than D4's.
        var basis = EquivariantMaps.Commutant(CharacterTheoryTests.FirstGenerator(rep)) with { Input = rep, Output = rep };
        var elements = group.Representatives(0);
        var generators = Enumerable.Range(0, elements.Count).Where(i => elements[i].Label is "g0" or "g1").ToArray();
        var arb = Arb.From(
            from k in Gen.Choose(0, basis.Dimension - 1) from x in Inputs(9) from g in Gen.Choose(1, elements.Count - 1) select new MapCase(k, x, g),
            c => Simpler.Arrays(c.X, perEntryUpTo: 9).Select(x => c with { X = x })
                .Concat(generators.Contains(c.Element) ? [] : generators.Select(g => c with { Element = g }))
                .Concat(Enumerable.Range(0, c.Map).Select(k => c with { Map = k })));
        var property = Prop.ForAll(arb, c =>
        {
            // The basis claims input and output rep, so its check runs over the whole of D4.
            var r = basis.Check(basis.Maps[c.Map], $"C4 map {c.Map}", MapTolerance, OutputFloor).Evaluate(Vector<double>.Build.DenseOfArray(c.X), elements[c.Element]);
            return Prop.Label(r.Holds, r.ToString());
        });
        var found = NegativeControl.Require(property, output);
        var shrunk = found.ShrunkAs<MapCase>();
        output.WriteLine($"C4 commutant {basis.Dimension}, D4 commutant {EquivariantMaps.Commutant(rep).Dimension}");
        Assert.Contains(elements[shrunk.Element].Label, new[] { "g0", "g1" });
        Assert.True(shrunk.X.Count(v => v != 0) <= 3, $"expected at most three non-zero pixels, got {shrunk}");
    }
}
