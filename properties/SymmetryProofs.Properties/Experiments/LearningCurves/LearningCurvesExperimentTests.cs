using System.Text.Json.Nodes;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.LearningCurves;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Optimisation;
using SymmetryProofs.Properties.Data;

namespace SymmetryProofs.Properties.Experiments.LearningCurves;

/// <summary>The learning-curves command end to end on the real digits with a tiny budget: its four outputs, summary.json's fields, and resume.</summary>
public class LearningCurvesExperimentTests
{
    private static DataDirectory Data() => DataSamples.Shipped();

    [Fact]
    public void Learning_curves_writes_its_four_outputs_and_resumes_without_retraining()
    {
        var outDir = Directory.CreateTempSubdirectory("learning-curves-test").FullName;
        try
        {
            var settings = new LearningCurvesSettings(new LearningCurvesUnitSettings(0.8, new TrainingOptions(MaxEvaluations: 4, Penalty: 1e-3), [4.0, 0.3]), [1.0 / 32, 1.0 / 16], [0.3, 0.5], 100);
            var options = RunOptions.Create(outDir, 2, 2, null);
            Assert.Equal(ExitCodes.Ok, LearningCurvesExperiment.Run(settings, options, Data(), TextRunLog.Silent()));
            foreach (var f in new[] { "learning_curves.csv", "learning_curves.md", "learning_curves.png", "summary.json" })
                Assert.True(File.Exists(Path.Combine(outDir, f)), $"{f} missing");
            var csv = File.ReadAllText(Path.Combine(outDir, "learning_curves.csv"));
            var lines = csv.TrimEnd('\n').Split('\n');
            Assert.Equal(LearningCurvesCsv.Header, lines[0]);
            Assert.Equal(2 * 2 * LearningCurvesConfig.All.Count, lines.Length - 1);

            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")))!;
            var configs = json["configurations"]!.AsArray();
            Assert.Equal(LearningCurvesConfig.All.Select(c => c.Name), configs.Select(c => (string)c!["config"]!));
            foreach (var c in configs)
            {
                bool reference = (string)c!["config"]! == "reference";
                Assert.Equal(reference, c["samples_to_reach"] is null);
                if (!reference) Assert.Equal(["0.3", "0.5"], c["samples_to_reach"]!.AsObject().Select(kv => kv.Key));
                Assert.Equal((string)c["role"]! == "invariant", c["data_gain_vs_augmentation"] is not null);
                Assert.Equal(["4", "0.3"], c["seconds_to_target"]!.AsObject().Select(kv => kv.Key));
                Assert.Equal(["4", "0.3"], c["evaluations_to_target"]!.AsObject().Select(kv => kv.Key));
                // Four evaluations reach a mean cross-entropy of 4 (the start is near ln 10 = 2.3) but never 0.3.
                Assert.NotNull(c["evaluations_to_target"]!["4"]);
                Assert.Null(c["seconds_to_target"]!["0.3"]);
            }
            Assert.All(json["verdicts"]!.AsArray(), v => Assert.Equal("augmentation", (string)v!["baseline"]!));

            var again = TextRunLog.Silent();
            Assert.Equal(ExitCodes.Ok, LearningCurvesExperiment.Run(settings, options, Data(), again));
            Assert.Contains(again.Lines, l => l.Contains($"resume: {lines.Length - 1} finished unit(s) reused"));
            Assert.Contains(again.Lines, l => l.Contains("0 to run"));
            Assert.Equal(csv, File.ReadAllText(Path.Combine(outDir, "learning_curves.csv")));
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }
}
