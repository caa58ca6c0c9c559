using System.Text.Json;
using SymmetryProofs.Experiments.SampleComplexity;

namespace SymmetryProofs.Properties.Experiments.SampleComplexity;

/// <summary>The sample-complexity pipeline on a tiny design (D = 1 only): learning curves fall and
/// summary.json carries every field docs/sample-complexity.md lists.</summary>
public class SampleComplexityOutputTests
{
    [Fact]
    public void Tiny_run_gives_falling_curves_and_the_required_summary_fields()
    {
        var design = SampleComplexityDesign.Create(quick: true, seeds: 2, maxLog2: 8) with { Sizes = [64, 256] };
        SymmetryProofs.Runtime.TorchSetup.Initialise();
        var plans = SampleComplexityTruncation.Plan(design);
        var c = SampleComplexityDesign.Cases(plans).Single(k => k.D == 1 && k.Group == "inversion");
        var points = Enumerable.Range(0, 2).SelectMany(seed => SampleComplexityCurve.Run(1, seed, design, plans.Single(p => p.D == 1))).Where(p => p.Group == c.Group).ToList();
        Assert.All(points, p => Assert.True(double.IsFinite(p.Risk) && p.Risk > 0, $"risk {p.Risk} at n = {p.N}"));
        Assert.All(points.Where(p => p.Estimator != Estimator.Symmetrised), p => Assert.True(double.IsFinite(p.RiskPredicted) && p.RiskPredicted > 0, $"predicted risk {p.RiskPredicted} at n = {p.N}"));
        foreach (var est in Enum.GetValues<Estimator>())
        {
            double Mean(int n) => points.Where(p => p.Estimator == est && p.N == n).Average(p => Math.Log(p.Risk));
            Assert.True(Mean(256) < Mean(64), $"{est}: mean log risk should fall from n = 64 to 256");
        }
        var summary = SampleComplexityAnalysis.WithPredictions(SampleComplexityAnalysis.Summarise(c, points, design.Sizes), c, points, design, plans.Single(p => p.D == 1));
        using var json = JsonDocument.Parse(SampleComplexityReport.Json([summary]));
        var row = json.RootElement[0];
        foreach (var field in new[] { "group", "D", "group_order", "d_eff", "s", "slope_plain", "slope_invariant", "slope_theory_plain", "slope_theory_invariant", "gain_measured", "gain_theory",
            "gain_predicted_chosen_ridge", "gain_predicted_optimal_ridge", "slope_predicted_local_plain", "slope_predicted_local_invariant",
            "gain_factor_finite_n", "gain_factor_ridge_selection", "gain_factor_remainder", "n_for_half_G", "n_for_0_9_G", "n_for_0_99_G" })
            Assert.True(row.TryGetProperty(field, out _), $"summary.json lacks {field}");
        Assert.Equal(2, row.GetProperty("group_order").GetInt32());
        Assert.Equal(-2.0 / 3, row.GetProperty("slope_theory_plain").GetDouble(), 12);
    }
}
