using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Checking;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Representations;
using SymmetryProofs.Runtime;
using SymmetryProofs.Symmetry;
using Xunit.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Properties.Checking;

/// <summary>
/// Declared input and output representations: each catalogue group's default action on its axes is the expression it
/// is written as (C * V, V * k, N * V) and a homomorphism; declarations that are not representations are refused;
/// and the checker, handed [B, N, k] sets, [B, N, 3] point clouds and [B, C, h, w] images, passes exactly equivariant
/// models and refutes each one's planted bug with a counterexample that shrinks to one non-zero coordinate.
/// </summary>
public sealed class InputDeclarationTests(ITestOutputHelper output)
{
    private const int Budget = 300;

    /// <summary>The planted bugs: 1e-3 relative, six orders above the checker's 1e-9 tolerance.</summary>
    private const double Bug = 1e-3;

    /// <summary>Kept alive for the class's lifetime: libtorch reads a Scalar after the call that made it returns.</summary>
    private static readonly Scalar BugScalar;

    static InputDeclarationTests()
    {
        TorchSetup.Initialise();
        BugScalar = Scalars.Of(Bug);
    }

    [Theory]
    [InlineData("rotations", "3x4x4", "3 * V", new[] { 3, 4, 4 })]
    [InlineData("d4", "2x3x3", "2 * V", new[] { 2, 3, 3 })]
    [InlineData("sets", "4x3", "V * 3", new[] { 4, 3 })]
    [InlineData("so3", "5x3", "5 * V", new[] { 5, 3 })]
    [InlineData("o3", "2x3", "2 * V", new[] { 2, 3 })]
    [InlineData("translations", "4x4", "V", new[] { 16 })]
    public void The_default_action_on_the_axes_is_its_expression_and_a_homomorphism(string group, string shape, string expression, int[] axes)
    {
        var natural = InputDeclaration.For(group, Shape.TryParse(shape)!);
        var written = InputDeclaration.For(group, Shape.TryParse(shape)!, expression);
        Assert.Equal(axes, natural.Axes);
        var (defect, where) = natural.Representation.HomomorphismDefect();
        output.WriteLine($"{group} on {shape}: {natural.Representation.Name}, defect {defect:G3} ({where})");
        Assert.True(defect <= Representation.HomomorphismTolerance, where);
        foreach (var g in natural.Group.GeneratorElements.Concat([natural.Group.Sample(new Random(3))]))
            Assert.True((natural.Representation.Rho(g) - written.Representation.Rho(g)).FrobeniusNorm() == 0, $"{expression} differs from the default at {g.Label}");
    }

    [Fact]
    public void Declarations_that_are_not_representations_or_do_not_fit_are_refused()
    {
        var cloud = InputDeclaration.For("so3", new Shape(4, 3)).Representation;
        output.Rejects<ArgumentException>(() => OutputDeclaration.Parse("negation").Validate(cloud), "not a representation of SO(3)");
        output.Rejects<ArgumentException>(() => OutputDeclaration.Parse("regular").Validate(cloud), "no regular representation");
        output.Rejects<ArgumentException>(() => OutputDeclaration.Parse("V + spin").Validate(cloud), "unknown representation 'spin'");
        output.Rejects<ArgumentException>(() => InputDeclaration.For("rotations", Shape.Stack(3, 4, 4), "regular * V"), "dimension 64", "48 coordinates");
        var o3 = InputDeclaration.For("o3", new Shape(4, 3)).Representation;
        var det = OutputDeclaration.Parse("det").Validate(o3);
        Assert.Equal(-1, det.Rho(o3.Group.GeneratorElements.Single(g => g.Label == "-I"))[0, 0]);
        Assert.Equal(4, OutputDeclaration.Parse("regular").RequiredOutputs(InputDeclaration.For("rotations", Shape.Stack(1, 4, 4)).Representation));
    }

    /// <summary>A DeepSets net as a set network is written: phi on every row, a sum over rows, rho on the sum; the bug adds a 1e-3 positional term on row 0.</summary>
    private static CheckedModel DeepSets(bool bug, int rows = 4)
    {
        var w = Tensors.Float64([0.7, -0.3, 0.2, 0.5, 0.9, -0.4], new long[] { 2, 3 });
        return CheckedModel.FromTensorFunction(bug ? "deepsets with a positional term" : "deepsets", 3 * rows, ScalarType.Float64, x =>
        {
            var pooled = x.matmul(w.t()).tanh().sum(1);
            var y = (pooled * pooled).sum(1, keepdim: true);
            return bug ? y + x.select(1, 0).select(1, 0).unsqueeze(1).mul(BugScalar) : y;
        }).WithInputAxes([rows, 3]);
    }

    /// <summary>A point-cloud net on pairwise distances (invariant under O(3)); the bug adds a 1e-3 term in the z coordinates.</summary>
    private static CheckedModel PointCloud(bool bug) =>
        CheckedModel.FromTensorFunction(bug ? "distances with a z term" : "distances", 15, ScalarType.Float64, x =>
        {
            var d = (x.unsqueeze(1) - x.unsqueeze(2)).pow(Scalars.Two).sum(3);
            var y = d.tanh().sum(2).sum(1, keepdim: true);
            return bug ? y + x.select(2, 2).sum(1, keepdim: true).mul(BugScalar) : y;
        }).WithInputAxes([5, 3]);

    /// <summary>A lifting correlation with C4 on [B, 1, 4, 4] into the regular representation: output k is the input against the filter turned by the k-th element; the bug bends one filter entry.</summary>
    private static (CheckedModel Model, InputDeclaration Input) Lifting(bool bug)
    {
        var input = InputDeclaration.For("rotations", Shape.Stack(1, 4, 4));
        var c4 = (FiniteGroup)input.Group;
        var filter = Vector<double>.Build.Dense(16, i => Math.Sin(1.7 * i + 0.3));
        var filters = c4.Elements.Select(u => u * filter).ToArray();
        if (bug) filters[0][5] += Bug;
        var w = Tensors.Float64(filters.SelectMany(f => f.ToArray()).ToArray(), new long[] { 4, 16 });
        var model = CheckedModel.FromTensorFunction(bug ? "lifting with a bent filter" : "lifting", 16, ScalarType.Float64, x => x.reshape(x.shape[0], 16).matmul(w.t()))
            .WithInputAxes(input.Axes);
        return (model, input);
    }

    [Theory]
    [InlineData("sets")]
    [InlineData("sets-12")]
    [InlineData("so3")]
    [InlineData("o3")]
    [InlineData("c4-regular")]
    public void Correct_models_pass_and_their_planted_bugs_shrink_to_one_coordinate(string family)
    {
        (CheckedModel Model, InputDeclaration Input, string Output) Build(bool bug) => family switch
        {
            "sets" => (DeepSets(bug), InputDeclaration.For("sets", new Shape(4, 3)), "trivial"),
            // S_12 is sampled, not listed (12! elements): uniform random permutations and the two generators.
            "sets-12" => (DeepSets(bug, 12), InputDeclaration.For("sets", new Shape(12, 3)), "trivial"),
            "so3" or "o3" => (PointCloud(bug), InputDeclaration.For(family, new Shape(5, 3)), "trivial"),
            _ => (Lifting(bug).Model, Lifting(bug).Input, "regular"),
        };
        var (good, input, rep) = Build(false);
        var holds = SymmetryChecker.Run(good, input, OutputDeclaration.Parse(rep), new CheckOptions(Budget, 1));
        var (bad, _, _) = Build(true);
        var broken = SymmetryChecker.Run(bad, input, OutputDeclaration.Parse(rep), new CheckOptions(Budget, 1));
        output.WriteLine(holds.Summary);
        output.WriteLine(broken.Summary);
        output.WriteLine($"shrunk: {broken.Shrunk.Case.Compact()}");
        Assert.True(holds.Passed, holds.Summary);
        Assert.False(broken.Passed, broken.Summary);
        Assert.Equal(1, broken.Shrunk.Case.Size.NonZero);
        Assert.Contains(broken.Shrunk.Case.Element.Label, input.Group.GeneratorElements.Select(g => g.Label));
    }
}
