using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SymmetryProofs.Symmetry;
using SymmetryProofs.Data;
using SymmetryProofs.Objectives;
using SymmetryProofs.Networks;
using SymmetryProofs.IO;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Objectives;

/// <summary>
/// The cross-entropy and the augmented utility of Eq. 15 with their analytic gradients, checked
/// three ways: backpropagation (MathNet), central finite differences, TorchSharp autograd.
/// </summary>
[Properties(Arbitrary = new[] { typeof(Arbs) }, MaxTest = Suite.Cases, MaxRejected = Suite.MaxRejected)]
public class LossGradientTests(ITestOutputHelper output)
{
    /// <summary>
    /// |analytic - finite difference| allowed per entry, relative to 1 + max |gradient|. With
    /// h = 1e-5 the central difference errs by h^2 |f'''| / 6 + u |f| / h, about 1e-9 for these
    /// nets (|f| &lt; 50, |f'''| &lt; 100); 1e-6 leaves room for steeper cases yet catches any error
    /// above a millionth of the gradient's scale (see the negative control).
    /// </summary>
    public const double FiniteDifferenceTolerance = 1e-6;

    /// <summary>
    /// Backpropagation and autograd compute the same formula in different summation orders
    /// (torch's matrix products block their sums): they differ by rounding, a few ulps of the
    /// terms summed, far below 1e-11 of 1 + the largest entry for nets this small.
    /// </summary>
    public const double AutogradTolerance = 1e-11;

    /// <summary>L(y, s) = -log softmax(s)_y, evaluated stably, equals -log of <see cref="Softmax.Of"/> (relative 1e-12: one log and a few exp/sum roundings).</summary>
    [Property]
    public Property Cross_entropy_is_minus_log_softmax(LossCase c)
    {
        var net = c.Net.ToMlp();
        var set = c.Data.ToLabelledSet();
        double worst = 0;
        for (int i = 0; i < set.Count; i++)
        {
            var s = net.Logits(set.Input(i));
            double direct = -Math.Log(Softmax.Of(s)[set.Labels[i]]);
            double stable = CrossEntropy.Of(s, set.Labels[i]);
            worst = Math.Max(worst, Math.Abs(direct - stable) / (1 + Math.Abs(direct)));
        }
        return Prop.Label(worst <= 1e-12, $"largest relative difference {Format.Number(worst)}");
    }

    /// <summary>grad L by backpropagation equals central finite differences of L, every parameter in ParameterLayout order.</summary>
    [Property]
    public Property Analytic_gradient_matches_central_differences(LossCase c) => GradientMatchesFiniteDifferences(c, perturbation: 0);

    /// <summary>The same for Omega of Eq. 15, on the orbit of every sample under one test group.</summary>
    [Property]
    public Property Augmented_gradient_matches_central_differences(ImageLossCase c)
    {
        var groups = GroupCatalog.TestGroups(c.Height, c.Width);
        var group = groups[c.ElementSeed % groups.Count];
        var set = c.Data.ToLabelledSet();
        var net = c.Net.ToMlp();
        var (_, analytic) = AugmentedUtility.WithGradient(net, set, group);
        var numeric = FiniteDifferences.Gradient(t => AugmentedUtility.Of(Mlp.FromFlat(net.Widths, net.HasBiases, t), set, group), net.Flatten());
        return Compare(analytic, numeric, FiniteDifferenceTolerance, $"group {group.Name}");
    }

    /// <summary>
    /// Negative control: the finite-difference check is sharp enough to see a gradient whose
    /// largest entry is off by one part in ten thousand; FsCheck finds and shrinks such a case.
    /// </summary>
    [Fact]
    public void Central_differences_catch_a_gradient_off_by_one_in_ten_thousand()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.LossCases(), c => GradientMatchesFiniteDifferences(c, perturbation: 1e-4)), output);
        var shrunk = found.ShrunkAs<LossCase>();
        int parameters = shrunk.Net.ToMlp().ParameterCount;
        Assert.True(shrunk.Data.Count == 1 && shrunk.Net.Depth == 1 && shrunk.Net.InputDim == 1 && parameters <= 4,
            $"Expected one sample of a 1-2 net after shrinking; got {shrunk.Data.Count} samples, depth {shrunk.Net.Depth}, {parameters} parameters.");
    }

    /// <summary>
    /// The TorchSharp twin (TorchMlp + torch cross_entropy, summed) gives the same loss and, by
    /// autograd, the same gradient as the MathNet network and its backpropagation.
    /// </summary>
    [Property]
    public Property Analytic_gradient_equals_TorchSharp_autograd(LossCase c)
    {
        var net = c.Net.ToMlp();
        var set = c.Data.ToLabelledSet();
        var (value, analytic) = LossGradient.Of(net, set);
        var (torchValue, autograd, _) = TorchLoss.Of(net, set);
        bool sameValue = Math.Abs(value - torchValue) <= AutogradTolerance * (1 + Math.Abs(value));
        return Prop.Label(sameValue, $"loss: backprop {Format.Number(value)}, torch {Format.Number(torchValue)}")
            .And(Compare(analytic, autograd, AutogradTolerance, "torch autograd"));
    }

    private static Property GradientMatchesFiniteDifferences(LossCase c, double perturbation)
    {
        var net = c.Net.ToMlp();
        var set = c.Data.ToLabelledSet();
        var (value, analytic) = LossGradient.Of(net, set);
        bool sameValue = Math.Abs(value - CrossEntropy.Total(net, set)) <= 1e-12 * (1 + Math.Abs(value));
        if (perturbation != 0)
        {
            int largest = Enumerable.Range(0, analytic.Length).MaxBy(j => Math.Abs(analytic[j]));
            analytic[largest] *= 1 + perturbation;
        }
        var numeric = FiniteDifferences.Gradient(t => CrossEntropy.Total(Mlp.FromFlat(net.Widths, net.HasBiases, t), set), net.Flatten());
        return Prop.Label(sameValue, "loss of backprop = CrossEntropy.Total")
            .And(Compare(analytic, numeric, FiniteDifferenceTolerance, "central differences"));
    }

    /// <summary>max_j |a_j - b_j| &lt;= tolerance (1 + max_j |a_j|), labelled with the worst entry.</summary>
    internal static Property Compare(double[] a, double[] b, double tolerance, string what)
    {
        double scale = 1 + a.Select(Math.Abs).DefaultIfEmpty(0).Max();
        int worst = Enumerable.Range(0, a.Length).MaxBy(j => Math.Abs(a[j] - b[j]));
        double error = Math.Abs(a[worst] - b[worst]);
        return Prop.Label(error <= tolerance * scale,
            $"{what}: parameter {worst}: {Format.Number(a[worst])} vs {Format.Number(b[worst])}, |difference| = {Format.Number(error)} > {Format.Number(tolerance)} x {Format.Number(scale)}");
    }
}
