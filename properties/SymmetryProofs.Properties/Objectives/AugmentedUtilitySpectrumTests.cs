using FsCheck;
using FsCheck.Fluent;
using SymmetryProofs.Data;
using SymmetryProofs.IO;
using SymmetryProofs.Networks;
using SymmetryProofs.Objectives;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Runtime;
using SymmetryProofs.Spectra;
using SymmetryProofs.Symmetry;
using TorchSharp;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Objectives;

/// <summary>
/// Claim 8 (Bergman Eq. 16), second order: the Hessian of the augmented utility has the same
/// spectrum at W and at W U(h), since Omega(V U(h)) = Omega(V) for all V makes the two Hessians
/// conjugate by the orthogonal map W -> W U(h). Exact Hessians (<see cref="MlpObjective"/>: the
/// R-operator's block-structured Hessian of the mean cross-entropy over the orbit-augmented set,
/// i.e. Omega / (n |G|)) replace central differences, so the tolerance is set by rounding alone.
/// </summary>
public class AugmentedUtilitySpectrumTests(ITestOutputHelper output)
{
    /// <summary>
    /// Sorted eigenvalues at W and W U(h), relative to 1 + the spectral radius. The two Hessians
    /// are the same sums of n|G| &lt;= 36 per-sample terms, each a product of a few factors of size
    /// &lt;= 4 (weights and inputs in [-1, 1], widths &lt;= 4, tanh' and softmax terms &lt;= 1), with
    /// the first-layer products W U(h) U(g) x and W U(hg) x rounded differently: each entry differs
    /// by at most ~(n|G| + M + 2 depth) u x 4^3 ~ 4e-13 (u = 1.1e-16), and the P &lt;= 90 parameter
    /// matrix by at most 90 times that in 2-norm (~4e-11 worst case); Weyl's inequality moves each
    /// sorted eigenvalue by at most the 2-norm of the difference, and the symmetric eigensolver
    /// adds ~P u |H|. So 1e-10 bounds it; the worst seen is ~1e-15 (see docs/claims-9-11.md).
    /// </summary>
    public const double SpectrumTolerance = 1e-10;

    /// <summary>The relative perturbation of the action in the negative control, 1000 times the tolerance.</summary>
    public const double ActionPerturbation = 1e-7;

    /// <summary>Same sorted Hessian spectrum at W and W U(h) for a non-identity h of every test group.</summary>
    [Fact]
    [ClaimProperty(8)]
    public void Exact_Hessian_spectrum_of_augmented_utility_is_invariant()
    {
        var coverage = new Coverage(output).AtLeast(0.5, "Hessian at W U(h) differs from H(W) for every group", "where H is unchanged the spectra agree trivially");
        double worst = 0;
        coverage.Check(Prop.ForAll(Arbs.ImageLossCases(), c =>
        {
            var (holds, label, ratio, moved) = Compare(c, 1.0, GroupCatalog.TestGroups(c.Height, c.Width));
            worst = Math.Max(worst, ratio);
            return coverage.Case((holds, label),
                ("Hessian at W U(h) differs from H(W) for every group", moved), ("biases", c.Net.HasBiases), ("depth", c.Net.Depth));
        }));
        output.WriteLine($"Largest eigenvalue difference / (1 + spectral radius): {Format.Number(worst)} (tolerance {Format.Number(SpectrumTolerance)}).");
    }

    /// <summary>
    /// Negative control: the action off by a factor 1 + 1e-7 (W -> W (1 + 1e-7) U(h)) is a small but
    /// real violation, and the exact spectra see it: FsCheck finds a case and shrinks it. The
    /// inversion group alone (U(h) = -I, orbits of 2) keeps the shrinking cheap.
    /// </summary>
    [Fact]
    [ClaimControl(8)]
    public void Action_perturbed_by_1e_7_changes_the_spectrum_and_FsCheck_shrinks_the_counterexample()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.ImageLossCases(), c =>
        {
            var (holds, label, _, _) = Compare(c, 1 + ActionPerturbation, InversionOnly(c));
            return Prop.Label(holds, label);
        }), output);
        var shrunk = found.ShrunkAs<ImageLossCase>();
        Assert.False(Compare(shrunk, 1 + ActionPerturbation, InversionOnly(shrunk)).Holds, "The shrunk case must falsify the property by returning false.");
        Assert.True(shrunk.Data.Count == 1 && shrunk.Net.Depth <= 2,
            $"Expected one sample and at most two layers after shrinking; got {shrunk.Data.Count} samples, depth {shrunk.Net.Depth}.");
    }

    private static FiniteGroup[] InversionOnly(ImageLossCase c) => [GroupCatalog.Inversion(c.Height * c.Width)];

    /// <summary>For every group of <paramref name="groups"/>: spectra at W and at W (scale U(h)); the worst ratio to the tolerance scale and whether every H moved.</summary>
    private static (bool Holds, string Label, double Ratio, bool Moved) Compare(ImageLossCase c, double scale, IEnumerable<FiniteGroup> groups)
    {
        var net = c.Net.ToMlp();
        var set = c.Data.ToLabelledSet();
        double worstRatio = 0;
        bool everyMoved = true;
        foreach (var group in groups)
        {
            int h = c.NonIdentityElement(group.Order);
            var moved = net.WithFirstLayer(scale * group.ActOnFirstLayer(net.Weights[0], h));
            var augmented = AugmentedUtility.Augment(set, group);
            var (hBefore, before) = Spectrum(net, augmented);
            var (hAfter, after) = Spectrum(moved, augmented);
            everyMoved &= !hBefore.Equals(hAfter);
            double radius = Math.Max(Math.Abs(before[0]), Math.Abs(before[^1]));
            double gap = before.Zip(after, (a, b) => Math.Abs(a - b)).Max();
            double ratio = gap / (1 + radius);
            worstRatio = Math.Max(worstRatio, ratio);
            if (ratio > SpectrumTolerance)
                return (false, $"group {group.Name}, element {h}: largest eigenvalue difference {Format.Number(gap)} > {Format.Number(SpectrumTolerance)} x (1 + {Format.Number(radius)}); spectrum at W {Format.Vector(before)}, at W U(h) {Format.Vector(after)}", worstRatio, everyMoved);
        }
        return (true, "", worstRatio, everyMoved);
    }

    /// <summary>The symmetrised exact Hessian of the mean cross-entropy (no penalty) and its sorted eigenvalues.</summary>
    private static (MathNet.Numerics.LinearAlgebra.Matrix<double> H, double[] Values) Spectrum(Mlp net, LabelledSet set)
    {
        TorchSetup.Initialise();
        using var scope = torch.NewDisposeScope();
        var inputs = Tensors.Float64(set.Inputs.ToRowMajorArray(), [set.Count, set.Dimension]);
        var labels = Tensors.Int64(set.Labels.Select(l => (long)l).ToArray());
        var objective = new MlpObjective(TorchMlp.Like(net), inputs, labels);
        var (h, _) = TorchObjective.Symmetrised(objective.Hessian(net.Flatten()));
        return (h, SymmetricSpectrum.Of(h).Values);
    }
}
