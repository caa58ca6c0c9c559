using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Experiments.Hessian;
using SymmetryProofs.Properties.Spectra;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Experiments.Hessian;

/// <summary>
/// The hessian experiment's two spectrum paths (<see cref="FlatVerdicts"/>) on planted Hessians
/// small enough for both: the tangent path (HVPs, Lanczos) gives the full path's (LAPACK) counts,
/// lambda_max and tangent curvature within the tolerances <see cref="PathAgreement"/> states, and its
/// complement Ritz values expose a flat direction planted outside the tangent span.
/// </summary>
public class FlatVerdictsTests(ITestOutputHelper output)
{
    private static (FlatVerdict Full, FlatVerdict Tangent, PathAgreement Agreement) Both(PlantedFlatCase c)
    {
        var (h, tangents, gauge) = Planted.Hessian(c);
        var full = FlatVerdicts.Full(h, gauge, tangents, 1.0, 0);
        var tangent = FlatVerdicts.Tangent(v => (h * Vector<double>.Build.DenseOfArray(v)).ToArray(), c.Size, gauge, tangents, 1.0, c.Seed);
        // N = 0 samples: a planted H is one dense matrix, both products round over its n terms only.
        return (full, tangent, PathAgreement.Of(full, tangent, c.Size, 0));
    }

    /// <summary>Both paths agree (same n_flat, n_flat outside the tangents, n_flat_gauge; lambda_max and curvature within tolerance), and both find the planted outside directions.</summary>
    [Fact]
    public void Tangent_path_verdict_agrees_with_the_full_path()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.4, "flat directions outside the tangent span", "the complement check must find flat directions the tangents do not hold")
            .AtLeast(0.2, "indefinite", "lambda_max is max |lambda|: the paths must agree when the extreme eigenvalue is negative");
        coverage.Check(Prop.ForAll(Arbs.PlantedFlatCases(), c =>
        {
            var (full, tangent, agreement) = Both(c);
            return coverage.Case(Prop.Label(agreement.Decisive, $"tangent path not decisive: margin {agreement.Margin:G3}")
                .And(Prop.Label(agreement.AgreesWith(full), $"n_flat {full.NFlat} / {tangent.NFlat}, outside {full.NFlatOutside} / {tangent.NFlatOutside}, gauge {full.NFlatGauge} / {tangent.NFlatGauge}, " +
                    $"lambda_max {full.LambdaMax:R} / {tangent.LambdaMax:R} (tolerance {agreement.LambdaMaxTolerance:G3}), curvature {full.Curvature:G3} / {tangent.Curvature:G3} (tolerance {agreement.CurvatureTolerance:G3})"))
                .And(Prop.Label(full.NFlatOutside == c.Outside && tangent.NFlatOutside == c.Outside, $"outside the tangents: full {full.NFlatOutside}, tangent {tangent.NFlatOutside}, planted {c.Outside}")),
                ("flat directions outside the tangent span", c.Outside > 0), ("indefinite", c.Indefinite));
        }));
    }

    /// <summary>
    /// Negative control: drop the complement check (count only the tangent and gauge blocks, as a
    /// path that never looks outside the tangents would). With a flat direction planted outside
    /// the tangent span the count falls short of the full spectrum's; FsCheck shrinks to one such direction.
    /// </summary>
    [Fact]
    public void Without_the_complement_check_an_outside_flat_direction_is_missed()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.PlantedFlatCases(), c =>
        {
            var (full, tangent, _) = Both(c);
            int tangentOnly = tangent.NFlat - tangent.NFlatOutside;
            return Prop.Label(tangentOnly == full.NFlat, $"tangent block alone {tangentOnly}, full spectrum {full.NFlat} (complement's smallest |Ritz value| {Math.Abs(tangent.ComplementSoftest):G3})");
        }), output);
        var shrunk = found.ShrunkAs<PlantedFlatCase>();
        Assert.True(shrunk.Outside == 1 && shrunk.Rest == 1, $"Expected one flat direction outside the tangents and one stiff eigenvalue; got {shrunk}.");
    }

    /// <summary>Negative control: a tangent path whose lambda_max is off by 1e-6 relative (a Lanczos run stopped early) fails the agreement; the tolerance is not loose enough to hide it.</summary>
    [Fact]
    public void A_wrong_lambda_max_fails_the_agreement()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.PlantedFlatCases(), c =>
        {
            var (full, tangent, _) = Both(c);
            var off = tangent with { LambdaMax = tangent.LambdaMax * (1 - 1e-6) };
            return Prop.Label(PathAgreement.Of(full, off, c.Size, 0).AgreesWith(full), $"lambda_max {full.LambdaMax:R} vs {off.LambdaMax:R}");
        }), output);
        Assert.Equal(1, found.ShrunkAs<PlantedFlatCase>().Rest);
    }
}
