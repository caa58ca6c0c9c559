using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Checking;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Representations;
using SymmetryProofs.Symmetry;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Representations;

/// <summary>
/// The laws of the one representation algebra: every construction (trivial, defining, regular, determinant,
/// sums, tensor products, copies, changes of basis, restriction to a subgroup) is a homomorphism of its group,
/// its data (generator images) agree with its evaluation rho(g), the dimension of the solved equivariant basis
/// equals the character inner product, and a declared map that is not a homomorphism is measured and refused.
/// </summary>
public sealed class RepresentationAlgebraTests(ITestOutputHelper output)
{
    /// <summary>
    /// Character averages over at most 24 elements (or a 9^d grid) of traces of size <= 12: each term carries a few ulps of
    /// its O(10) size, so the average is an integer within 1e-9 when the theory holds.
    /// </summary>
    private const double CharacterTolerance = 1e-9;

    /// <summary>Constructions up to 30 dimensions for the homomorphism law (a finite group: |G| x generators products of 30x30 matrices).</summary>
    private const int LawDimension = 30;

    /// <summary>The dense solver's n^2 unknowns stay under 144 (see <see cref="RepresentationCase.MaxDimension"/>).</summary>
    private const int SolveDimension = 12;

    /// <summary>Grid points per generator for a torus' character average: exact above every weight difference, at most 4 here.</summary>
    private const int TorusResolution = 9;

    [Fact]
    public void Every_construction_is_a_homomorphism_whose_generators_are_its_values()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.5, "finite group", "the regular representation and restriction apply to finite groups only")
            .AtLeast(0.08, "regular", "the regular representation is the largest construction")
            .AtLeast(0.05, "restriction", "restriction changes the group")
            .AtLeast(0.08, "tensor product", "tensor products multiply rounding");
        var property = Prop.ForAll(Arbs.AlgebraCases(LawDimension), c =>
        {
            var r = c.Build(c.First)!;
            var (defect, where) = r.HomomorphismDefect();
            var generators = r.Group.Order is int ? r.Group.GeneratorElements : [];
            double mismatch = generators.Select((g, a) => (r.Rho(g) - r.Generators[a]).FrobeniusNorm()).DefaultIfEmpty(0).Max();
            bool holds = defect <= Representation.HomomorphismTolerance && mismatch == 0;
            return coverage.Case((holds, $"{c}: {r}: defect {defect:G3} ({where}), generator mismatch {mismatch:G3}"),
                ("finite group", r.IsFinite), ("regular", Arbs.Constructions[c.First].Contains("regular")),
                ("restriction", AlgebraCase.IsRestriction(c.First)), ("tensor product", Arbs.Constructions[c.First].Contains("(x)")));
        });
        coverage.Check(property);
    }

    [Fact]
    public void The_equivariant_basis_has_the_dimension_of_the_character_inner_product()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.3, "maps exist", "a zero Hom space agrees with anything that finds no map")
            .AtLeast(0.1, "distinct representations", "Hom(V, V) alone would not test the pairing of two representations")
            .AtLeast(0.05, "restriction", "restriction to a subgroup enlarges Hom spaces");
        var property = Prop.ForAll(Arbs.AlgebraCases(SolveDimension), c =>
        {
            var (a, b) = c.Pair();
            double inner = Characters.HomDimension(a, b, TorusResolution);
            int solved = EquivariantMaps.Solve(a, b).Dimension;
            bool holds = Math.Abs(inner - Math.Round(inner)) <= CharacterTolerance && solved == (int)Math.Round(inner);
            return coverage.Case((holds, $"{c}: <chi_a, chi_b> = {inner:R}, solved basis of {solved} maps"),
                ("maps exist", solved > 0), ("distinct representations", c.First != c.Second), ("restriction", AlgebraCase.IsRestriction(c.First) || AlgebraCase.IsRestriction(c.Second)));
        });
        coverage.Check(property);
    }

    [Fact]
    public void The_regular_representation_restricted_to_a_subgroup_holds_the_index_many_invariants()
    {
        foreach (var (name, h, w) in Arbs.SmallGroupShapes)
        {
            if (GroupCatalog.Build(name, new Shape(h, w)) is not FiniteGroup g || g.Order > 24) continue;
            var sub = AlgebraCase.FirstGeneratorSubgroup(g);
            var restricted = Representation.Regular(g).Restrict(sub);
            var invariants = EquivariantMaps.Solve(Representation.Trivial(sub, 1), restricted).Dimension;
            Assert.Equal(g.Order / sub.Order, invariants);
            Assert.Equal(g.Order / sub.Order, Characters.HomDimension(Representation.Trivial(sub, 1), restricted), CharacterTolerance);
            output.WriteLine($"{g.Name}: [G : <g0>] = {g.Order} / {sub.Order} = {invariants} invariants");
        }
    }

    [Fact]
    public void A_direct_product_has_the_product_order_and_the_commutant_of_its_blocks_plus_their_invariant_pairs()
    {
        var groups = Arbs.SmallGroupShapes.Select(s => GroupCatalog.Build(s.Group, new Shape(s.Height, s.Width))).OfType<FiniteGroup>()
            .Where(g => g.Dimension <= 6 && g.Order <= 24).ToArray();
        int withCrossTerms = 0;
        foreach (var a in groups)
            foreach (var b in groups.Where(b => b.Order * a.Order <= 96))
            {
                var product = FiniteGroup.DirectProduct(a, b);
                Assert.Equal(a.Order * b.Order, product.Order);
                int Invariants(FiniteGroup g) => EquivariantMaps.Solve(Representation.Trivial(g, 1), Representation.Defining(g)).Dimension;
                int End(FiniteGroup g) => EquivariantMaps.Commutant(Representation.Defining(g)).Dimension;
                // End(V_A + V_B) = End_A(V_A) + End_B(V_B) + Hom(V_A, V_B) + Hom(V_B, V_A); the cross terms meet only in the invariants.
                int cross = 2 * Invariants(a) * Invariants(b);
                Assert.Equal(End(a) + End(b) + cross, End(product));
                if (cross > 0) withCrossTerms++;
            }
        Assert.True(withCrossTerms > 0, "no pair has invariants on both sides: the cross term would go untested");
        output.WriteLine($"{groups.Length} groups, {withCrossTerms} pairs with cross terms");
    }

    /// <summary>"Negation", -1 on every element but the identity, is a character of Z2 only: declared for every finite group.</summary>
    private static (bool Holds, string Why) NegationIsACharacter(AlgebraCase c)
    {
        var r = Representation.UncheckedCharacter(c.Group, "negation", g => g.IsIdentity ? 1 : -1);
        var (defect, where) = r.HomomorphismDefect();
        return (defect <= Representation.HomomorphismTolerance, $"negation on {c.Group.Name}: {where}");
    }

    [Fact]
    public void Control_negation_is_no_representation_of_sign_flips_and_shrinks_to_the_first_such_group()
    {
        var finite = Gen.Elements(Enumerable.Range(0, Arbs.SmallGroupShapes.Length).Where(i => Arbs.SmallGroupShapes[i].Group is not ("so2" or "torus-translations")).ToArray());
        var cases = Arb.From(finite.Select(g => new AlgebraCase(g, 0, 0, 0)), c => Enumerable.Range(0, c.GroupIndex).Select(g => c with { GroupIndex = g }));
        var found = NegativeControl.Require(cases, c => { var (holds, why) = NegationIsACharacter(c); return Prop.Label(holds, why); }, output);
        var shrunk = found.ShrunkAs<AlgebraCase>();
        Assert.Equal("sign-flips", shrunk.Choice.Group);
        Assert.Contains("rho(g0) rho(g1) = 1 but rho(g1 g0) = -1", NegationIsACharacter(shrunk).Why);
        Assert.True(NegationIsACharacter(new AlgebraCase(0, 0, 0, 0)).Holds, "negation is the sign character of inversion");
    }

    [Fact]
    public void A_declared_non_homomorphism_is_refused_with_the_elements_that_break_it()
    {
        var flips = GroupCatalog.SignFlips(3);
        output.Rejects<ArgumentException>(() => Representation.Character(flips, "negation", g => g.IsIdentity ? 1 : -1), "not a representation of sign flips R^3", "rho(g0) rho(g1)");
        output.Rejects<ArgumentException>(() => Representation.Character(GroupCatalog.Build("so2", Shape.Vector(2)), "negation", g => g.IsIdentity ? 1 : -1), "not a representation of SO(2)");
        output.Rejects<ArgumentException>(() => OutputDeclaration.Negation.Validate(flips), "not a representation");
        // A generator image of order 4 for a generator of order 2 cannot extend to the group.
        var quarter = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, -1 }, { 1, 0 } });
        output.Rejects<ArgumentException>(() => Representation.FromGenerators(GroupCatalog.HorizontalMirror(2, 2), "quarter turn", [quarter]), "not a representation of mirror 2x2");
        Assert.Equal(2, Representation.FromGenerators(GroupCatalog.HorizontalMirror(2, 2), "swap", [Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 1 }, { 1, 0 } })]).Dimension);
        output.Rejects<ArgumentException>(() => Representation.DirectSum(Representation.Defining(flips), Representation.Defining(GroupCatalog.Inversion(3))), "only representations of one group combine");
        output.Rejects<ArgumentException>(() => Representation.Defining(flips).Restrict(GroupCatalog.CoordinatePermutations(3)), "not a subgroup");
    }
}
