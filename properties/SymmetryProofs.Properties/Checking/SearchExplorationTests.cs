using SymmetryProofs.Checking;
using SymmetryProofs.Runtime;
using SymmetryProofs.Symmetry;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace SymmetryProofs.Properties.Checking;

/// <summary>
/// The search explores where the error is exactly 0: an odd map plus an even bump confined to |x| &lt; 0.1
/// (error exactly 0 at every Gaussian trial, no gradient anywhere they land) is found at the default
/// budget in every seed tried, the same map with an odd bump passes in every seed, and the search
/// evaluates new inputs instead of the same points again.
/// </summary>
public sealed class SearchExplorationTests(ITestOutputHelper output)
{
    private const int N = 8;
    private const double Width = 0.1;
    private static readonly int[] Seeds = Enumerable.Range(1, 10).ToArray();

    /// <summary>exp(1 - 1 / (1 - |x|^2 / w^2)) for |x| &lt; w, exactly 0 beyond (exp(-999) underflows); shape [B, 1], even in x.</summary>
    private static Tensor Bump(Tensor x)
    {
        using var inverseWidth2 = Scalars.Of(1 / (Width * Width));
        using var one = Scalars.Of(1.0);
        using var lowest = Scalars.Of(1e-3);
        var s = x.pow(Scalars.Two).sum(1, keepdim: true).mul(inverseWidth2).neg().add(one).clamp_min(lowest);
        return s.reciprocal().neg().add(one).exp();
    }

    private static Tensor OddBump(Tensor x)
    {
        using var one = Scalars.Of(1.0);
        return x * Bump(x).add(one);
    }

    private static CheckReport Check(string name, Func<Tensor, Tensor> f, int seed)
    {
        TorchSetup.Initialise();
        var model = CheckedModel.FromTensorFunction(name, N, ScalarType.Float64, f);
        return SymmetryChecker.Run(model, GroupCatalog.Build("inversion", Shape.Vector(N)), OutputDeclaration.Parse("negation"), new CheckOptions(Seed: seed, ShrinkBudget: 200));
    }

    [Fact]
    public void An_even_bump_confined_to_a_small_ball_breaks_oddness_and_is_found_in_every_seed()
    {
        var reports = Seeds.Select(s => Check("x + even bump (|x| < 0.1)", x => x + Bump(x), s)).ToArray();
        foreach (var r in reports) output.WriteLine($"seed {r.Seed}: {(r.Passed ? "missed" : "found")}, worst {r.Worst.Case.Compact()} error {r.Worst.Error:G3}; {r.Evaluations} evaluations, {r.DistinctInputs} distinct inputs");
        output.WriteLine($"found in {reports.Count(r => !r.Passed)} of {reports.Length} seeds at budget {new CheckOptions().Budget}");
        Assert.All(reports, r => Assert.False(r.Passed, $"seed {r.Seed}: {r.Summary}"));
        // The violation lives in the ball only: the worst case found is inside it.
        Assert.All(reports, r => Assert.True(Math.Sqrt(r.Worst.Case.X.Sum(v => v * v)) < Width, $"seed {r.Seed}: worst case outside the ball"));
    }

    [Fact]
    public void The_same_map_with_an_odd_bump_passes_in_every_seed_and_the_search_evaluates_distinct_inputs()
    {
        var reports = Seeds.Select(s => Check("x (1 + even bump)", OddBump, s)).ToArray();
        foreach (var r in reports) output.WriteLine($"seed {r.Seed}: {r.Summary}; {r.DistinctInputs} distinct inputs");
        Assert.All(reports, r => Assert.True(r.Passed, r.Summary));
        // Exactly 0 everywhere outside the ball (x - (-(-x)) in IEEE arithmetic), so every evaluation after the trials is exploration:
        // at most a few repeats (the origin, an axis point) among the inputs x and g x of the whole search.
        Assert.All(reports, r => Assert.True(r.DistinctInputs >= r.Evaluations / 2 * 9 / 10,
            $"seed {r.Seed}: {r.DistinctInputs} distinct inputs of {r.Evaluations} evaluations (about half are forward passes)"));
    }
}
