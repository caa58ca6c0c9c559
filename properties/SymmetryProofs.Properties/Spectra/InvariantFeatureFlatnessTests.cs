using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Data;
using SymmetryProofs.IO;
using SymmetryProofs.Networks;
using SymmetryProofs.Objectives;
using SymmetryProofs.Optimisation;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Runtime;
using SymmetryProofs.Spectra;
using SymmetryProofs.Symmetry;
using TorchSharp;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Spectra;

/// <summary>
/// Claim 9, second half (Sec. 4.1): with invariant features, U(g) = 1 on the features, so no flat
/// direction is forced. Small tanh nets on the SO(2)-invariant feature r^2 = |x|^2 of ring data,
/// driven to a critical point of cross-entropy + (penalty/2)|theta|^2, have no near-null Hessian
/// eigenvalue outside the softmax gauge. Control: the same nets on the raw inputs x in R^2 with
/// the data augmented over a fine grid of SO(2): the orbit tangent W A is flat and FsCheck finds it.
/// </summary>
public class InvariantFeatureFlatnessTests(ITestOutputHelper output)
{
    /// <summary>The L2 penalty: it gives the loss minima (ring data are separable) and is SO(2)-invariant, so it forces no flat direction and hides none.</summary>
    public const double Penalty = 1e-2;

    /// <summary>
    /// Critical points are polished to |grad| &lt;= 1e-11: differentiating &lt;grad, W A&gt; = 0 gives
    /// |H vec(W A)| &lt;= |A| |grad|, so a forced flat direction then has curvature ~1e-11 |A| / |W A|
    /// plus rounding (the control measures ~1e-14 relative).
    /// </summary>
    public const double GradientTolerance = 1e-11;

    /// <summary>
    /// Near-null: |lambda| &lt; 1e-9 max |lambda|, a thousand times above a forced mode's curvature
    /// at <see cref="GradientTolerance"/>. Not the experiment's 1e-6: with invariant features an
    /// eigenvalue of 6.4e-7 relative occurred once in ~250 cases (hidden width 3, 3 classes, data
    /// seed 379, start seed 333): small by accident, not forced. No flat direction is forced, but
    /// curvature can still be small, so the threshold must separate "null" from "small".
    /// </summary>
    public const double NearNull = 1e-9;

    /// <summary>Orbit points per sample in the control: a K-point grid integrates the analytic loss along the orbit with an error that falls exponentially in K.</summary>
    public const int GridPoints = 64;

    [Fact]
    [ClaimProperty(9)]
    public void Invariant_features_force_no_flat_direction_at_a_critical_point()
    {
        var coverage = new Coverage(output).AtLeast(0.9, "critical point reached", "a case whose solver did not converge is skipped");
        double closest = double.PositiveInfinity;
        coverage.Check(Prop.ForAll(Arbs.FlatnessCases(), c =>
        {
            var r = Flatness(c, invariantFeatures: true);
            if (r.Converged) closest = Math.Min(closest, r.SmallestRelative);
            return coverage.Case((r.Holds, r.Label), ("critical point reached", r.Converged), ("net", $"hidden {c.Hidden}, {c.Classes} classes"));
        }));
        output.WriteLine($"Smallest non-gauge |lambda| / max |lambda| over the cases: {Format.Number(closest)} (near-null below {Format.Number(NearNull)}).");
    }

    /// <summary>
    /// Negative control: raw inputs under SO(2) augmentation, and the tangent W A is a near-null
    /// direction. At most 6 ring samples (384 augmented points) keep each solve, hence the shrinking, cheap.
    /// </summary>
    [Fact]
    [ClaimControl(9)]
    public void Raw_inputs_under_a_continuous_group_have_a_flat_direction_and_FsCheck_shrinks_the_counterexample()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.FlatnessCases(), c =>
        {
            var r = Flatness(Few(c), invariantFeatures: false);
            return Prop.Label(r.Holds, r.Label);
        }), output, maxTest: 10);
        var shrunk = Few(found.ShrunkAs<FlatnessCase>());
        var replay = Flatness(shrunk, invariantFeatures: false);
        Assert.False(replay.Holds, "The shrunk case must falsify the property by returning false.");
        // Whatever the shrink path, the flat direction found must be the one the group forces.
        Assert.True(Math.Abs(replay.TangentCurvature) < NearNull, $"Expected the orbit tangent W A to be the flat direction; its relative curvature is {Format.Number(replay.TangentCurvature)}.");
    }

    private static FlatnessCase Few(FlatnessCase c) => c with { Samples = Math.Min(c.Samples, 6) };

    private sealed record Outcome(bool Holds, string Label, bool Converged, double SmallestRelative = double.NaN, double TangentCurvature = double.NaN);

    /// <summary>Solves for a critical point and looks for near-null eigenvalues of the Hessian restricted to the complement of the gauge.</summary>
    private static Outcome Flatness(FlatnessCase c, bool invariantFeatures)
    {
        TorchSetup.Initialise();
        using var scope = torch.NewDisposeScope();
        var rings = So2Rings.Generate(c.Samples, c.Classes, new Random(c.DataSeed));
        var set = invariantFeatures ? rings.Select(So2Action.RadiusSquared) : LieAugmentation.Grid(rings, new So2Action(), GridPoints);
        var widths = new[] { set.Dimension, c.Hidden, c.Classes };
        var inputs = Tensors.Float64(set.Inputs.ToRowMajorArray(), [set.Count, set.Dimension]);
        var labels = Tensors.Int64(set.Labels.Select(l => (long)l).ToArray());
        var objective = new MlpObjective(new TorchMlp(widths, true), inputs, labels, Penalty);
        var start = Mlp.Random(widths, true, new Random(c.StartSeed)).Flatten();
        var point = new CriticalPointSolver { Tolerance = GradientTolerance }.Solve(objective, start);
        if (!point.Converged) return new Outcome(true, $"not converged: |g| = {Format.Number(point.GradientNorm)}", false);
        var (h, _) = TorchObjective.Symmetrised(objective.Hessian(point.Theta));
        var complement = FlatDirections.ProjectOut(Matrix<double>.Build.DenseIdentity(h.RowCount), FlatDirections.Gauge(widths, true));
        var spectrum = SymmetricSpectrum.Of(complement.TransposeThisAndMultiply(h * complement));
        var flat = spectrum.NearNull(NearNull);
        double smallest = spectrum.Values.Select(Math.Abs).Min();
        double tangent = invariantFeatures ? double.NaN
            : FlatDirections.RayleighQuotient(h, FlatDirections.Tangents(widths, true, point.Theta, new So2Action()).Column(0)) / spectrum.MaxAbs;
        return new Outcome(flat.Length == 0,
            $"{flat.Length} near-null eigenvalue(s) outside the gauge at |g| = {Format.Number(point.GradientNorm)}: smallest |lambda| = {Format.Number(smallest)}, max |lambda| = {Format.Number(spectrum.MaxAbs)}" +
            (invariantFeatures ? "" : $"; curvature along W A / max |lambda| = {Format.Number(tangent)}"),
            true, smallest / spectrum.MaxAbs, tangent);
    }
}
