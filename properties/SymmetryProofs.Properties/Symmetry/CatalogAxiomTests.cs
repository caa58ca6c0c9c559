using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Symmetry;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Symmetry;

/// <summary>
/// The representation axioms for every entry of the one catalogue, on every shape it acts on up to
/// 4x4 and R^1..R^6: the identity is an element, every element is orthogonal, the finite groups are
/// closed under products and inverses, and a Lie group's U(t) is a homomorphism with U(period) = I.
/// </summary>
public sealed class CatalogAxiomTests(ITestOutputHelper output)
{
    /// <summary>Finite catalogue groups act by signed permutations, whose products are exact; the Lie groups' rounding is a few ulps of O(1) entries.</summary>
    private const double LieEntryTolerance = 1e-12;

    public static TheoryData<string, int, int> Cases()
    {
        var data = new TheoryData<string, int, int>();
        var shapes = (from h in Enumerable.Range(1, 4) from w in Enumerable.Range(1, 4) select new Shape(h, w))
            .Concat(Enumerable.Range(1, 6).Select(Shape.Vector)).Distinct();
        // Sign flips and permutations grow as 2^d and d!: R^1..R^6 keeps their closure checks to seconds.
        foreach (var e in GroupCatalog.Entries)
            foreach (var s in shapes.Where(s => e.AppliesTo(s) && (!e.Kernels || s.Dimension <= 6)))
                data.Add(e.Name, s.Height, s.Width);
        return data;
    }

    [Fact]
    public void Every_catalogue_entry_is_tested_on_some_shape()
    {
        var tested = Cases().Select(row => (string)row[0]).ToHashSet();
        Assert.All(GroupCatalog.Entries, e => Assert.Contains(e.Name, tested));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Catalogue_group_satisfies_the_representation_axioms(string name, int height, int width)
    {
        var group = GroupCatalog.Build(name, new Shape(height, width));
        int n = group.SpaceDimension;
        Assert.Equal(height * width, n);
        var id = Matrix<double>.Build.DenseIdentity(n);
        if (group.Order is int order)
        {
            var elements = group.Representatives(0);
            Assert.Equal(order, elements.Count);
            Assert.True(elements[0].IsIdentity && GroupFacts.Same(elements[0].Matrix, id), "the identity comes first");
            Assert.Single(elements, e => e.IsIdentity);
            // Entries of signed permutation matrices are exact, so their text is a faithful key.
            static string Key(Matrix<double> m) => string.Join(",", m.Enumerate().Select(v => v + 0.0));
            var keys = elements.Select(e => Key(e.Matrix)).ToHashSet();
            Assert.Equal(order, keys.Count);
            foreach (var g in elements)
            {
                Assert.True(GroupFacts.Same(g.Matrix.TransposeThisAndMultiply(g.Matrix), id), $"{g} is not orthogonal");
                Assert.True(keys.Contains(Key(g.Matrix.Transpose())), $"the inverse of {g} is missing");
                foreach (var h in group.GeneratorElements)
                    Assert.True(keys.Contains(Key(h.Matrix * g.Matrix)), $"{h} {g} is not an element");
            }
            output.WriteLine($"{group.Name}: order {order}, closed, orthogonal, inverses present");
            return;
        }
        Assert.Equal(group.LieDimension, group.LieGenerators.Count);
        Assert.True(group.LieDimension > 0);
        if (group is RotationGroup3 rotations)
        {
            // Not a torus: closure is that products of samples are again rotations of every row (RotationGroup3Tests checks the samples).
            var draw = new Random(7);
            for (int trial = 0; trial < 5; trial++)
            {
                var full = rotations.Sample(draw).Matrix * rotations.Sample(draw).Matrix;
                var product = full.SubMatrix(0, 3, 0, 3);
                Assert.True((rotations.OnRows(product) - full).Enumerate().Max(Math.Abs) < LieEntryTolerance, "a product does not rotate every row alike");
                Assert.True((product.TransposeThisAndMultiply(product) - Matrix<double>.Build.DenseIdentity(3)).Enumerate().Max(Math.Abs) < LieEntryTolerance, "a product of rotations is not orthogonal");
                Assert.True(Math.Abs(Math.Abs(product.Determinant()) - 1) < LieEntryTolerance);
            }
            output.WriteLine($"{group.Name}: Lie dimension 3, products orthogonal");
            return;
        }
        var lie = (LieGroupAction)group;
        var rng = new Random(7);
        for (int trial = 0; trial < 5; trial++)
        {
            var s = lie.RandomCoordinates(rng);
            var t = lie.RandomCoordinates(rng);
            var us = lie.Element(s);
            var ut = lie.Element(t);
            var ust = lie.Element(s.Zip(t, (a, b) => a + b).ToArray());
            Assert.True((us * ut - ust).Enumerate().Max(Math.Abs) < LieEntryTolerance, $"U(s) U(t) != U(s + t) at s = {string.Join(", ", s)}, t = {string.Join(", ", t)}");
            Assert.True((us.TransposeThisAndMultiply(us) - id).Enumerate().Max(Math.Abs) < LieEntryTolerance, "U(s) is not orthogonal");
        }
        for (int a = 0; a < lie.Dimension; a++)
        {
            var full = lie.Element(Enumerable.Range(0, lie.Dimension).Select(b => b == a ? lie.Periods[a] : 0.0).ToArray());
            Assert.True((full - id).Enumerate().Max(Math.Abs) < LieEntryTolerance, $"exp(T_{a} A_{a}) != I");
        }
        output.WriteLine($"{group.Name}: Lie dimension {group.LieDimension}, homomorphism, orthogonal, periodic");
    }

    [Fact]
    public void Unknown_names_and_foreign_shapes_are_refused_with_the_choices()
    {
        var e = Assert.Throws<ArgumentException>(() => GroupCatalog.Build("so4", new Shape(2, 2)));
        output.WriteLine(e.Message);
        Assert.Contains("inversion", e.Message);
        e = Assert.Throws<ArgumentException>(() => GroupCatalog.Build("d4", new Shape(2, 3)));
        output.WriteLine(e.Message);
        Assert.Contains("does not act on 2x3", e.Message);
    }
}
