using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Checking;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Representations;
using SymmetryProofs.Symmetry;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Symmetry;

/// <summary>
/// S_N on the rows of N x k beyond the listed sizes (N &gt; 7): sampled elements permute whole rows, reach every row
/// position about equally often, the generators are those of the listed S_N, the default input action is a
/// homomorphism while "negation" is refused, and the size limit is checked before a matrix is built.
/// </summary>
public sealed class SampledRowPermutationsTests(ITestOutputHelper output)
{
    [Fact]
    public void Samples_permute_whole_rows_and_send_row_0_everywhere_about_equally()
    {
        var group = (SampledRowPermutations)GroupCatalog.Build("sets", new Shape(8, 2));
        Assert.Null(((IGroupAction)group).Order);
        var rng = new Random(3);
        var x = Vector<double>.Build.Dense(16, i => 10 * (i / 2) + i % 2);
        var where = new int[8];
        const int draws = 4000;
        for (int s = 0; s < draws; s++)
        {
            var y = group.Sample(rng).Act(x);
            var rows = Enumerable.Range(0, 8).Select(r => y.SubVector(2 * r, 2)).ToArray();
            Assert.All(rows, r => Assert.Contains(Enumerable.Range(0, 8), k => x.SubVector(2 * k, 2).Equals(r)));
            where[Array.FindIndex(rows, r => r.Equals(x.SubVector(0, 2)))]++;
        }
        output.WriteLine($"row 0 sent to rows 0..7: {string.Join(", ", where)} of {draws}");
        // Uniform: 500 each, binomial standard deviation sqrt(4000 (1/8)(7/8)) = 20.9; 5 deviations (105) fail with probability below 1e-5 per row.
        Assert.All(where, c => Assert.InRange(c, 500 - 105, 500 + 105));
    }

    [Fact]
    public void The_generators_are_those_of_the_listed_group_and_the_declarations_are_checked()
    {
        var listed = GroupCatalog.RowPermutations(7, 3);
        var sampled = new SampledRowPermutations(7, 3);
        Assert.Equal(listed.Generators, sampled.GeneratorElements.Select(g => g.Matrix));
        var input = InputDeclaration.For("sets", new Shape(9, 3));
        Assert.Equal([9, 3], input.Axes);
        Assert.True(input.Representation.HomomorphismDefect().Defect <= Representation.HomomorphismTolerance);
        output.Rejects<ArgumentException>(() => OutputDeclaration.Parse("negation").Validate(input.Representation), "not a representation");
        output.Rejects<ArgumentException>(() => GroupCatalog.Build("sets", new Shape(SampledRowPermutations.MaxRows + 1, 1)), "does not act on");
    }
}
