using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using SymmetryProofs.Data;
using SymmetryProofs.Symmetry;
using SymmetryProofs.Objectives;
using SymmetryProofs.Networks;
using SymmetryProofs.IO;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Objectives;

/// <summary>
/// Claim 8 (Bergman Eqs. 15-16): the augmented utility Omega(theta) = sum_i sum_g L(y_i, f(U(g) x_i))
/// satisfies Omega(W U(h), rest) = Omega(W, rest) for every h in G, for every group of
/// <see cref="GroupCatalog.TestGroups"/> on 2x2, 2x3 and 3x3 images.
/// Every case draws h by its seed; the identity (Omega(W I) = Omega(W) proves nothing) must never be the tested element.
/// </summary>
public sealed class AugmentedUtilityTests(ITestOutputHelper output)
{
    /// <summary>
    /// Omega at W U(h) adds the same n|G| losses in another order, and each first-layer sum adds
    /// the same products in another order: rounding of about (M + n|G|) ulps relative to Omega,
    /// M &lt;= 9 and n|G| &lt;= 36 here, so below 1e-14; 1e-12 relative is the bound. (This relies
    /// on <see cref="CrossEntropy.Of(ReadOnlySpan{double}, int)"/> keeping the relative precision
    /// of tiny losses; logsumexp(s) - s_y would not.)
    /// </summary>
    public const double OmegaTolerance = 1e-12;

    /// <summary>
    /// Entries of grad Omega are sums of n|G| per-sample terms, each of size at most about
    /// 1 + max |grad| here; reordering them costs about n|G| ulps of that, &lt; 1e-14; 1e-11 is the bound.
    /// </summary>
    public const double GradientTolerance = 1e-11;

    /// <summary>Omega(W U(h), rest) = Omega(W, rest) (Eq. 16), for h picked from each test group.</summary>
    [Fact]
    [ClaimProperty(8)]
    public void Augmented_utility_is_invariant_under_the_first_layer_action() => CheckCovered(c => ForEachGroup(c, (group, h, net, moved, set) =>
        {
            double before = AugmentedUtility.Of(net, set, group);
            double after = AugmentedUtility.Of(moved, set, group);
            return (Math.Abs(after - before) <= OmegaTolerance * Math.Abs(before),
                $"Omega(W) = {Format.Number(before)}, Omega(W U(h)) = {Format.Number(after)}");
        }));

    /// <summary>
    /// grad_W Omega at W U(h) = (grad_W Omega at W) U(h), and every other block is unchanged.
    /// From Omega(V U(h)) = Omega(V) for all V: differentiating at V = W gives
    /// G(W) = G(W U(h)) U(h)^T, and U(h) is orthogonal.
    /// </summary>
    [Fact]
    [ClaimProperty(8)]
    public void Gradient_of_augmented_utility_transforms_covariantly() => CheckCovered(c => ForEachGroup(c, (group, h, net, moved, set) =>
        {
            var (_, g) = AugmentedUtility.WithGradient(net, set, group);
            var (_, gMoved) = AugmentedUtility.WithGradient(moved, set, group);
            int rows = net.Weights[0].RowCount, cols = net.InputDim;
            var gW = Matrix<double>.Build.Dense(rows, cols, (i, j) => g[i * cols + j]);
            var expected = (gW * group.Elements[h]).ToRowMajorArray().Concat(g.Skip(rows * cols)).ToArray();
            double scale = 1 + g.Select(Math.Abs).Max();
            double worst = expected.Zip(gMoved, (a, b) => Math.Abs(a - b)).Max();
            return (worst <= GradientTolerance * scale,
                $"max |grad at W U(h) - (grad at W) U(h)| = {Format.Number(worst)} > {Format.Number(GradientTolerance)} x {Format.Number(scale)}");
        }));

    /// <summary>
    /// Negative control: the plain loss sum_i L(y_i, f(x_i)) is not invariant under W -> W U(h);
    /// FsCheck finds a case and shrinks it (shape asserted from a fixed replay seed).
    /// </summary>
    [Fact]
    [ClaimControl(8)]
    public void Plain_loss_is_not_invariant_and_FsCheck_shrinks_the_counterexample()
    {
        var found = NegativeControl.Require(Arbs.ImageLossCases(), c => ForEachGroup(c, (group, h, net, moved, set) =>
        {
            double before = CrossEntropy.Total(net, set);
            double after = CrossEntropy.Total(moved, set);
            return (Math.Abs(after - before) <= OmegaTolerance * Math.Abs(before),
                $"plain loss at W = {Format.Number(before)}, at W U(h) = {Format.Number(after)}");
        }).ToProperty(), output, replay: ControlSeeds.PlainLoss);
        var shrunk = found.ShrunkAs<ImageLossCase>();
        Assert.True(shrunk.Data.Count == 1 && shrunk.Net.Depth <= 2,
            $"Expected one sample and at most two layers after shrinking; got {shrunk.Data.Count} samples, depth {shrunk.Net.Depth}.");
    }

    /// <summary>
    /// Runs <paramref name="check"/> for every test group of the case's image shape, with the
    /// element h chosen by the case's seed, the net and the net with first layer W U(h).
    /// </summary>
    private static (bool, string) ForEachGroup(ImageLossCase c, Func<FiniteGroup, int, Mlp, Mlp, LabelledSet, (bool Holds, string Label)> check)
    {
        var net = c.Net.ToMlp();
        var set = c.Data.ToLabelledSet();
        foreach (var group in GroupCatalog.TestGroups(c.Height, c.Width))
        {
            int h = c.Element(group.Order);
            var moved = net.WithFirstLayer(group.ActOnFirstLayer(net.Weights[0], h));
            var (holds, label) = check(group, h, net, moved, set);
            if (!holds) return (false, $"group {group.Name}, element {h}: {label}");
        }
        return (true, "invariant for every test group");
    }

    /// <summary>
    /// Labels the case (image shape, biases, depth, and whether any group's tested element h is
    /// the identity, which makes that group's check vacuous) and states the requirement: never.
    /// </summary>
    private void CheckCovered(Func<ImageLossCase, (bool, string)> check)
    {
        var coverage = new Coverage(output).AtMost(0, "identity tested", "Omega(W I) = Omega(W) proves nothing");
        coverage.Check(Prop.ForAll(Arbs.ImageLossCases(), c => Covered(coverage, c, check(c))));
    }

    private static Property Covered(Coverage coverage, ImageLossCase c, (bool, string) verdict)
    {
        var groups = GroupCatalog.TestGroups(c.Height, c.Width);
        var identityIn = groups.Where(g => IsIdentity(g.Elements[c.Element(g.Order)])).Select(g => g.Name).ToList();
        return coverage.Case(verdict, ("image", $"{c.Height}x{c.Width}"), ("depth", c.Net.Depth), ("biases", c.Net.HasBiases),
            ("samples", c.Data.Count), ("identity tested", identityIn.Count > 0),
            ("groups with h = identity", identityIn.Count == 0 ? "none" : string.Join(" + ", identityIn)));
    }

    private static bool IsIdentity(Matrix<double> u) =>
        Enumerable.Range(0, u.RowCount).All(i => Enumerable.Range(0, u.ColumnCount).All(j => u[i, j] == (i == j ? 1 : 0)));
}
