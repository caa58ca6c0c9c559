using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>
/// summary.json: one object per configuration (config, samples_to_reach: target -> count or null when never reached,
/// data_gain_vs_augmentation, data_gain_vs_reference, seconds_to_converge, the curves), then the verdicts. Numbers
/// that are not finite (an interval end at "never reached") are written as null.
/// </summary>
internal static class LearningCurvesJson
{
    public static string Write(LearningCurvesResults results, LearningCurvesSettings settings)
    {
        var root = new JsonObject
        {
            ["settings"] = new JsonObject
            {
                ["protocol"] = settings.Units.Protocol.Name(),
                ["train_ratio"] = settings.Units.TrainRatio,
                ["max_evaluations"] = settings.Units.Training.MaxEvaluations,
                ["fractions"] = new JsonArray(settings.Fractions.Select(f => (JsonNode?)f).ToArray()),
                ["seeds"] = results.Seeds,
                ["bootstrap_replicates"] = settings.BootstrapReplicates,
                ["samples_counted"] = "training originals, before the five-fold shift enlargement and before -X is added",
            },
            ["configurations"] = new JsonArray(results.Configs.Select(Config).ToArray<JsonNode?>()),
            ["verdicts"] = new JsonArray(results.Verdicts.Select(v => (JsonNode?)new JsonObject
            {
                ["part"] = v.Part, ["config"] = v.Config, ["baseline"] = v.Baseline, ["finding"] = Verdict.Word(v.Finding), ["detail"] = v.Detail,
            }).ToArray()),
            ["parts"] = new JsonObject(results.Parts.Select(p => KeyValuePair.Create(p.Part, (JsonNode?)Verdict.Word(p.Finding)))),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject Config(ConfigResults c) => new()
    {
        ["config"] = c.Config,
        ["description"] = c.Description,
        ["samples_to_reach"] = new JsonObject(c.VsAugmentation.Select(g => KeyValuePair.Create(Key(g.Target), Num(g.Config.Samples)))),
        ["samples_to_reach_detail"] = new JsonObject(c.VsAugmentation.Select(g => KeyValuePair.Create(Key(g.Target), (JsonNode?)new JsonObject
        {
            ["samples"] = Num(g.Config.Samples),
            ["at_or_below_smallest_size"] = g.Config.AtSmallest,
            ["bootstrap_low95"] = Num(g.ConfigLow),
            ["bootstrap_high95"] = Num(g.ConfigHigh),
        }))),
        ["seconds_to_reach"] = new JsonObject(c.VsAugmentation.Select((g, i) => KeyValuePair.Create(Key(g.Target), Num(c.SecondsToReach[i])))),
        ["data_gain_vs_augmentation"] = Gains(c.VsAugmentation),
        ["data_gain_vs_reference"] = Gains(c.VsReference),
        ["seconds_to_converge"] = new JsonObject
        {
            ["samples"] = c.Seconds[^1].N,
            ["mean"] = Num(c.SecondsAtLargest.Mean),
            ["low95"] = Num(c.SecondsAtLargest.Low95),
            ["high95"] = Num(c.SecondsAtLargest.High95),
            ["evaluations_mean"] = Num(c.Evaluations[^1].Stats.Mean),
            ["runs_converged"] = c.Convergence[^1].Converged,
            ["runs"] = c.Convergence[^1].Runs,
        },
        ["curve"] = new JsonArray(c.Symmetric.Select((s, i) => (JsonNode?)new JsonObject
        {
            ["samples"] = s.N,
            ["symmetric_accuracy"] = Stats(s.Stats),
            ["r"] = Stats(c.R[i].Stats),
            ["overfitting_gap"] = Stats(c.Gap[i].Stats),
            ["seconds"] = Stats(c.Seconds[i].Stats),
            ["evaluations"] = Stats(c.Evaluations[i].Stats),
            ["runs_converged"] = c.Convergence[i].Converged,
        }).ToArray()),
    };

    private static JsonObject Gains(IReadOnlyList<GainEstimate> gains) => new(gains.Select(g => KeyValuePair.Create(Key(g.Target), (JsonNode?)new JsonObject
    {
        ["gain"] = Num(g.Value),
        ["kind"] = g.Kind switch { GainKind.Measured => "measured", GainKind.AtLeast => "at least", GainKind.AtMost => "at most", _ => "undefined" },
        ["bootstrap_low95"] = Num(g.Low),
        ["bootstrap_high95"] = Num(g.High),
        ["replicates_defined"] = g.Defined,
        ["replicates"] = g.Replicates,
    })));

    private static JsonObject Stats(SeedStatistics s) => new() { ["mean"] = Num(s.Mean), ["sd"] = Num(s.Sd), ["low95"] = Num(s.Low95), ["high95"] = Num(s.High95) };

    private static string Key(double target) => target.ToString("R", CultureInfo.InvariantCulture);

    private static JsonNode? Num(double? v) => v is double d && double.IsFinite(d) ? JsonValue.Create(d) : null;
}
