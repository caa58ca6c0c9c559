using System.Text.Json;
using SymmetryProofs.Experiments.SampleComplexity;

namespace SymmetryProofs.Properties.Experiments.SampleComplexity;

/// <summary>
/// The estimator names are the ones curves.csv and the checkpoints write (plain, invariant, symmetrised): every estimator round-trips through JSON under its name, the CSV writes the same
/// name, and a name outside the table is refused.
/// </summary>
public class SampleComplexityNamesTests
{
    [Theory]
    [InlineData(Estimator.Plain, "plain")]
    [InlineData(Estimator.Invariant, "invariant")]
    [InlineData(Estimator.Symmetrised, "symmetrised")]
    public void An_estimator_is_written_and_read_under_its_checkpoint_name(Estimator estimator, string name)
    {
        var point = new CurvePoint("inversion", 1, estimator, 3, 64, 0.5, 1e-3, 0.25, 34, 0.4);
        string json = JsonSerializer.Serialize(point);
        Assert.Contains($"\"Estimator\":\"{name}\"", json, StringComparison.Ordinal);
        Assert.Equal(point, JsonSerializer.Deserialize<CurvePoint>(json));
        Assert.StartsWith($"inversion,1,{name},3,64,", SampleComplexityReport.Csv([point]).Split('\n')[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_outside_the_table_is_refused()
    {
        string json = JsonSerializer.Serialize(new CurvePoint("inversion", 1, Estimator.Plain, 0, 64, 0.5, 1e-3, 0.25, 34, 0.4)).Replace("\"plain\"", "\"Plain\"", StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CurvePoint>(json));
    }

    [Fact]
    public void Only_the_translation_case_has_no_finite_group()
    {
        var cases = SampleComplexityDesign.Cases();
        Assert.All(cases, c => Assert.Equal(c.Group == SampleComplexityNames.Translation, c.IsTranslation));
        Assert.All(cases.Where(c => !c.IsTranslation), c => Assert.Equal(c.Group, c.FiniteGroup!.Name));
        Assert.Equal(2, cases.Count(c => c.IsTranslation));
    }
}
