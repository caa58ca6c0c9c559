using System.Text.Json;
using SymmetryProofs.Experiments.SampleComplexity;

namespace SymmetryProofs.Properties.Experiments.SampleComplexity;

/// <summary>The sample-complexity pipeline on a tiny design (D = 1 only): learning curves fall and
/// summary.json carries every field issue 5 asks for.</summary>
public class SampleComplexityOutputTests
{
    [Fact]
    public void Tiny_run_gives_falling_curves_and_the_required_summary_fields()
    {
        var design = SampleComplexityDesign.Create(quick: true, seeds: 2, maxLog2: 8) with { Sizes = [64, 256] };
        var c = SampleComplexityDesign.Cases().Single(k => k.D == 1 && k.Group == "inversion");
        var points = Enumerable.Range(0, 2).SelectMany(seed => SampleComplexityCurve.Run(c, seed, design)).ToList();
        Assert.All(points, p => Assert.True(double.IsFinite(p.Risk) && p.Risk > 0, $"risk {p.Risk} at n = {p.N}"));
        foreach (var est in new[] { "plain", "invariant" })
        {
            double Mean(int n) => points.Where(p => p.Estimator == est && p.N == n).Average(p => Math.Log(p.Risk));
            Assert.True(Mean(256) < Mean(64), $"{est}: mean log risk should fall from n = 64 to 256");
        }
        var summary = SampleComplexityAnalysis.Summarise(c, points, design.Sizes);
        using var json = JsonDocument.Parse(SampleComplexityReport.Json([summary]));
        var row = json.RootElement[0];
        foreach (var field in new[] { "group", "D", "group_order", "d_eff", "s", "slope_plain", "slope_invariant", "slope_theory_plain", "slope_theory_invariant", "gain_measured", "gain_theory" })
            Assert.True(row.TryGetProperty(field, out _), $"summary.json lacks {field}");
        Assert.Equal(2, row.GetProperty("group_order").GetInt32());
        Assert.Equal(-2.0 / 3, row.GetProperty("slope_theory_plain").GetDouble(), 12);
    }
}
