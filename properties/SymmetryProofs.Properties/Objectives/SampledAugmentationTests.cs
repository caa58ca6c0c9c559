using FsCheck;
using FsCheck.Fluent;
using SymmetryProofs.Data;
using SymmetryProofs.IO;
using SymmetryProofs.Networks;
using SymmetryProofs.Objectives;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Symmetry;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Objectives;

/// <summary>
/// Claim 10 (Bergman Eqs. 17-18): training on one sampled group element per sample breaks the
/// symmetry of each instance; only the expectation over the draws is invariant under W -> W U(h).
/// The expectation is computed exactly, by enumerating all |G|^n draws, for every group of
/// <see cref="GroupCatalog.TestGroups"/> on the small images of <see cref="Arbs.ImageLossCases"/>.
/// </summary>
public class SampledAugmentationTests(ITestOutputHelper output)
{
    /// <summary>
    /// Each per-sample loss at W U(h) is the loss of another orbit point at W up to the rounding of
    /// the first-layer sums (M &lt;= 9 products, a few ulps relative to the loss, as for claim 8's
    /// <see cref="AugmentedUtilityTests.OmegaTolerance"/>). The expectation adds at most
    /// 12^3 x 3 ~ 5200 positive terms, whose summation error is below 5200 u ~ 6e-13 relative,
    /// and the two sides add the same values in another order: 1e-12 relative bounds both.
    /// </summary>
    public const double ExpectationTolerance = 1e-12;

    /// <summary>E_g L_g(W U(h), rest) = E_g L_g(W, rest) for a non-identity h of every test group.</summary>
    [Fact]
    [ClaimProperty(10)]
    public void Expected_sampled_loss_is_invariant_under_the_first_layer_action()
    {
        var coverage = new Coverage(output).AtLeast(0.5, "a single instance changes under h", "where no instance moves the expectation is trivially unchanged");
        coverage.Check(Prop.ForAll(Arbs.ImageLossCases(), c =>
        {
            var (holds, label) = ForEachGroup(c, (group, net, moved, set, draws) =>
            {
                double before = SampledAugmentation.Expectation(net, set, group);
                double after = SampledAugmentation.Expectation(moved, set, group);
                return (Math.Abs(after - before) <= ExpectationTolerance * before,
                    $"E L(W) = {Format.Number(before)}, E L(W U(h)) = {Format.Number(after)}");
            });
            return coverage.Case((holds, label), ("a single instance changes under h", InstanceMoves(c)));
        }));
    }

    /// <summary>
    /// Negative control: one sampled instance L_g, with the draws held fixed, is not invariant;
    /// FsCheck finds a case and shrinks it to one sample.
    /// </summary>
    [Fact]
    [ClaimControl(10)]
    public void Single_sampled_instance_is_not_invariant_and_FsCheck_shrinks_the_counterexample()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.ImageLossCases(), c =>
        {
            var (holds, label) = InstanceInvariant(c);
            return Prop.Label(holds, label);
        }), output);
        var shrunk = found.ShrunkAs<ImageLossCase>();
        Assert.False(InstanceInvariant(shrunk).Holds, "The shrunk case must falsify the property by returning false.");
        Assert.True(shrunk.Data.Count == 1 && shrunk.Net.Depth <= 2,
            $"Expected one sample and at most two layers after shrinking; got {shrunk.Data.Count} samples, depth {shrunk.Net.Depth}.");
    }

    private static (bool Holds, string Label) InstanceInvariant(ImageLossCase c) =>
        ForEachGroup(c, (group, net, moved, set, draws) =>
        {
            double before = SampledAugmentation.Loss(net, set, group, draws);
            double after = SampledAugmentation.Loss(moved, set, group, draws);
            return (Math.Abs(after - before) <= ExpectationTolerance * before,
                $"draws {Format.Vector(draws.Select(d => (double)d))}: L(W) = {Format.Number(before)}, L(W U(h)) = {Format.Number(after)}");
        });

    private static bool InstanceMoves(ImageLossCase c) => !InstanceInvariant(c).Holds;

    /// <summary>
    /// Runs <paramref name="check"/> for every test group of the case's shape with h a non-identity
    /// element, the net, the net with first layer W U(h), the set and one draw per sample (seeded by the case).
    /// </summary>
    private static (bool Holds, string Label) ForEachGroup(ImageLossCase c, Func<FiniteGroup, Mlp, Mlp, LabelledSet, int[], (bool Holds, string Label)> check)
    {
        var net = c.Net.ToMlp();
        var set = c.Data.ToLabelledSet();
        foreach (var group in GroupCatalog.TestGroups(c.Height, c.Width))
        {
            int h = c.NonIdentityElement(group.Order);
            var moved = net.WithFirstLayer(group.ActOnFirstLayer(net.Weights[0], h));
            var draws = SampledAugmentation.Draw(set.Count, group, new Random(c.ElementSeed));
            var (holds, label) = check(group, net, moved, set, draws);
            if (!holds) return (false, $"group {group.Name}, element {h}: {label}");
        }
        return (true, "");
    }
}
