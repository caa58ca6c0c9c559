using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Networks;
using SymmetryProofs.Objectives;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Runtime;
using SymmetryProofs.Spectra;
using SymmetryProofs.Symmetry;
using TorchSharp;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Spectra;

/// <summary>
/// The tangent path (HVPs, Lanczos) against the full-spectrum path (LAPACK, then the threshold
/// rule of <see cref="FlatDirections.FlatCounts"/>) on problems small enough for both: the same
/// n_flat and n_flat_gauge, and tangent curvatures within the rounding of one HVP.
/// </summary>
public class TangentFlatnessTests(ITestOutputHelper output)
{
    private const double U = 1.1102230246251565e-16;

    /// <summary>
    /// |t'Ht|/|t|^2 and |Ht|/|t| for a tangent in H's exact null space: H is Q diag(d) Q^T formed
    /// in floating point, which moves its null space by ~ n u |H|, and one product H t rounds at
    /// ~ n u |H| |t|; 10 n u |H| covers both with room, and sits nine orders below the curvature
    /// (1e-3..1) of the stiff directions a tilted tangent picks up.
    /// </summary>
    private static double NullTolerance(int n, double norm) => 10 * n * U * norm;

    private static readonly TangentFlatness Path = new();

    /// <summary>Cases of the real-Hessian comparison: each costs a full Hessian plus about n + 50 R-operator HVPs, so fewer than the suite's default.</summary>
    private const int RealCases = 25;

    private static Func<double[], double[]> Operator(Matrix<double> h) => v => (h * Vector<double>.Build.DenseOfArray(v)).ToArray();

    /// <summary>Both paths on one planted case, as a property with what differs in its labels.</summary>
    private static Property BothPaths(Coverage coverage, PlantedFlatCase c)
    {
        var (h, tangents, gauge) = Planted.Hessian(c);
        var report = Path.Analyse(Operator(h), c.Size, tangents, gauge, 1.0);
        var spectrum = SymmetricSpectrum.Of(h);
        var (nFlat, nGauge) = FlatDirections.FlatCounts(spectrum, gauge, TangentFlatness.DefaultFlatThreshold);
        double tol = NullTolerance(c.Size, spectrum.MaxAbs);
        double worst = report.Tangents.Max(t => Math.Max(Math.Abs(t.Curvature), t.Residual));
        return coverage.Case(Prop.Label(report.NFlat == nFlat, $"n_flat: tangent path {report.NFlat} ({report.NFlatTangent} in the tangent span + {report.NFlatOutside} outside), full spectrum {nFlat}")
            .And(Prop.Label(report.NFlatGauge == nGauge, $"n_flat_gauge: tangent path {report.NFlatGauge}, full spectrum {nGauge}"))
            .And(Prop.Label(report.NFlatOutside == c.Outside, $"flat outside the tangent span: {report.NFlatOutside}, planted {c.Outside}"))
            .And(Prop.Label(worst <= tol, $"largest tangent |curvature| or residual {worst:G3}, tolerance 10 n u |H| = {tol:G3}"))
            .And(Prop.Label(Math.Abs(report.LambdaMax - spectrum.MaxAbs) <= tol, $"lambda_max: Lanczos {report.LambdaMax:R}, LAPACK {spectrum.MaxAbs:R}"))
            .And(Prop.Label(report.Decisive && report.ComplementComplete, $"margin {report.Margin:G3}, complement {report.ComplementSteps} of {report.ComplementDimension} steps")),
            ("flat directions outside the tangent span", c.Outside > 0), ("flat gauge", c.Gauge > 0 && c.GaugeFlat), ("indefinite", c.Indefinite), ("repeated stiff eigenvalue", c.Rest > 2));
    }

    /// <summary>On planted Hessians both paths count the same flat directions, and the tangents are null to rounding.</summary>
    [Fact]
    public void Tangent_path_agrees_with_the_full_spectrum_on_planted_hessians()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.4, "flat directions outside the tangent span", "the tangent path must find flat directions it was not told about")
            .AtLeast(0.2, "flat gauge", "the gauge directions must be counted flat as well");
        // A flat gauge is a third of the generated cases: at 100 cases it falls below 20% in about 1 run in 800
        // (25 of 20,000 simulated runs of the generator), at 200 cases (about 3 s more) in about 1 in 100,000.
        coverage.Check(Prop.ForAll(Arbs.PlantedFlatCases(), c => BothPaths(coverage, c)), maxTest: 2 * Suite.Cases);
    }

    /// <summary>
    /// Negative control: "the tangents are all the flat directions" is false once a flat direction
    /// is planted outside their span; the path must report it, and FsCheck shrinks to one such direction.
    /// </summary>
    [Fact]
    public void A_flat_direction_outside_the_tangents_is_reported()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.PlantedFlatCases(), c =>
        {
            var (h, tangents, gauge) = Planted.Hessian(c);
            var report = Path.Analyse(Operator(h), c.Size, tangents, gauge, 1.0);
            return Prop.Label(report.NFlat == c.Tangents, $"n_flat {report.NFlat}, tangents {c.Tangents}, smallest outside {report.Complement.FirstOrDefault()?.Value:G3}");
        }), output);
        var shrunk = found.ShrunkAs<PlantedFlatCase>();
        Assert.True(shrunk.Outside == 1 && shrunk.Rest == 1 && shrunk.Tangents == 1, $"Expected one flat direction outside one tangent, one stiff eigenvalue; got {shrunk}.");
    }

    /// <summary>
    /// Negative control: a tangent tilted by 1e-2 or 1e-1 towards the stiffest direction is not
    /// null; its curvature and residual fail the tolerance and the tangent block no longer counts it.
    /// </summary>
    [Fact]
    public void A_tilted_tangent_does_not_count_as_flat()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.Dropped.TiltedTangents(), c =>
        {
            var (h, tangents, gauge) = Planted.Hessian(c);
            var report = Path.Analyse(Operator(h), c.Size, tangents, gauge, 1.0);
            double worst = report.Tangents.Max(t => Math.Max(Math.Abs(t.Curvature), t.Residual));
            return Prop.Label(worst <= NullTolerance(c.Size, 1) && report.NFlatTangent == c.Tangents,
                $"largest tangent |curvature| or residual {worst:G3}; {report.NFlatTangent} of {c.Tangents} tangent directions flat");
        }), output);
        var shrunk = found.ShrunkAs<PlantedFlatCase>();
        Assert.True(shrunk.Tilt > 0 && shrunk.Tangents == 1 && shrunk.Rest == 1, $"Expected one tilted tangent and one stiff eigenvalue; got {shrunk}.");
    }

    /// <summary>
    /// Real Hessians (R-operator HVPs, no penalty) of generated nets whose data have two extra input
    /// coordinates that are always zero, with the rotation of that plane as the group: W A only
    /// touches W's columns for those coordinates, which no sample reads, so H (W A) = 0 exactly at
    /// every theta. Where the verdict is decisive (by the report's margin, beyond LAPACK's own
    /// error) both paths give the same counts; the curvature is exactly zero.
    /// </summary>
    [Fact]
    public void Tangent_path_agrees_with_the_full_spectrum_on_real_hessians()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.8, "decisive", "an undecided verdict compares nothing")
            .AtLeast(0.8, "live tangent", "a dead tangent (orbit dimension 0) is trivially flat");
        coverage.Check(Prop.ForAll(Arbs.LossCases(), Arb.From(Gen.Choose(0, 100_000)), (c, seed) =>
        {
            using var scope = torch.NewDisposeScope();
            var (objective, theta, widths, group) = ZeroPlane(c, seed);
            var tangents = FlatDirections.Tangents(widths, c.Net.HasBiases, theta, group);
            var gauge = FlatDirections.Gauge(widths, c.Net.HasBiases);
            double w = ParameterLayout.Unflatten(widths, c.Net.HasBiases, theta).Weights[0].FrobeniusNorm();
            var report = Path.Analyse(v => objective.HessianVectorProduct(theta, v), theta.Length, tangents, gauge, w);
            var (h, _) = TorchObjective.Symmetrised(objective.Hessian(theta));
            var spectrum = SymmetricSpectrum.Of(h);
            var (nFlat, nGauge) = FlatDirections.FlatCounts(spectrum, gauge, TangentFlatness.DefaultFlatThreshold);
            // LAPACK's eigenvalues are within c n u |H| (LapackSpectrumTests): a verdict counts as decisive only beyond that too.
            bool decisive = report.Margin > 10 * h.RowCount * U * spectrum.MaxAbs;
            var same = Prop.Label(!decisive || (report.NFlat == nFlat && report.NFlatGauge == nGauge),
                $"n_flat {report.NFlat} vs {nFlat}, n_flat_gauge {report.NFlatGauge} vs {nGauge}, margin {report.Margin:G3}");
            return coverage.Case(same.And(Prop.Label(report.Tangents.All(t => t.Curvature == 0 && t.Residual == 0), "tangent curvature or residual not exactly 0"))
                .And(Prop.Label(Math.Abs(report.LambdaMax - spectrum.MaxAbs) <= 1e-8 * spectrum.MaxAbs, $"lambda_max: Lanczos {report.LambdaMax:R}, LAPACK {spectrum.MaxAbs:R}")),
                ("decisive", decisive), ("live tangent", report.OrbitDim == 1));
        }), maxTest: RealCases);
    }

    /// <summary>The case's net with two more inputs (weights from the seed), its data with those coordinates 0, the rotation of that plane.</summary>
    private static (MlpObjective Objective, double[] Theta, int[] Widths, LieGroupAction Group) ZeroPlane(LossCase c, int seed)
    {
        TorchSetup.Initialise();
        var rng = new Random(seed);
        int d = c.Net.InputDim;
        var widths = new[] { d + 2 }.Concat(c.Net.Widths.Skip(1)).ToArray();
        var mlp = c.Net.ToMlp();
        var weights = mlp.Weights.ToArray();
        weights[0] = weights[0].Append(Matrix<double>.Build.Dense(weights[0].RowCount, 2, (_, _) => rng.NextDouble() - 0.5));
        var theta = new Mlp(weights, mlp.Biases?.ToArray()).Flatten();
        var set = c.Data.ToLabelledSet();
        var x = set.Inputs.Append(Matrix<double>.Build.Dense(set.Count, 2));
        var objective = new MlpObjective(new TorchMlp(widths, c.Net.HasBiases), Tensors.Float64(x.ToRowMajorArray(), [set.Count, d + 2]),
            Tensors.Int64(set.Labels.Select(l => (long)l).ToArray()));
        var a = Matrix<double>.Build.Dense(d + 2, d + 2);
        a[d, d + 1] = -1;
        a[d + 1, d] = 1;
        return (objective, theta, widths, new LieGroupAction("rotation of the zero plane", new[] { a }, new[] { 2 * Math.PI }));
    }
}
