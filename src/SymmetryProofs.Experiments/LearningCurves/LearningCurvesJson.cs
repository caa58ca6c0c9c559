using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>summary.json's settings.</summary>
internal sealed record SummarySettings(string Protocol, string Training, double TrainRatio, int MaxEvaluations, double Penalty, double[] Fractions, double[] Targets,
    double[] LossTargets, int Seeds, int BootstrapReplicates, string SamplesCounted);

/// <summary>A mean over seeds with its sample standard deviation and 95% t interval (null where undefined).</summary>
internal sealed record SummaryStats(double? Mean, double? Sd, double? Low95, double? High95)
{
    public static SummaryStats Of(SeedStatistics s) => new(Num(s.Mean), Num(s.Sd), Num(s.Low95), Num(s.High95));
    public static double? Num(double v) => double.IsFinite(v) ? v : null;
}

/// <summary>One gain over augmentation at one accuracy target.</summary>
/// <remarks>The interval is at <c>bootstrap_level</c> = 1 - 0.05 / <c>bonferroni_comparisons</c> (accuracy targets x invariant configurations).</remarks>
internal sealed record SummaryGain(double? Gain, string Kind, double? BootstrapLow, double? BootstrapHigh, double BootstrapLevel, int BonferroniComparisons, int ReplicatesDefined, int Replicates);

/// <summary>The samples to reach one accuracy target.</summary>
internal sealed record SummaryReach(double? Samples, bool AtOrBelowSmallestSize, double? BootstrapLow95, double? BootstrapHigh95);

/// <summary>One size of a curve.</summary>
internal sealed record SummaryPoint(int Samples, SummaryStats? SymmetricAccuracy, SummaryStats R, SummaryStats OverfittingGap, SummaryStats Seconds, SummaryStats Evaluations, int RunsStoppedByRule);

/// <summary>
/// One configuration. <c>seconds_to_target</c> and <c>evaluations_to_target</c>: loss target -> mean over seeds, at the
/// largest size, of the seconds and evaluations until the mean training cross-entropy first fell to the target (null
/// when some run never did). The reference's symmetric-accuracy fields are null: trained on X alone it never sees -X.
/// </summary>
internal sealed record SummaryConfig(string Config, string Description, string Role,
    Dictionary<string, double?>? SamplesToReach, Dictionary<string, SummaryReach>? SamplesToReachDetail, Dictionary<string, SummaryGain>? DataGainVsAugmentation,
    Dictionary<string, double?> SecondsToTarget, Dictionary<string, double?> EvaluationsToTarget, IReadOnlyList<SummaryPoint> Curve);

/// <summary>One verdict.</summary>
internal sealed record SummaryVerdict(string Part, string Config, string Baseline, string Finding, string Detail);

/// <summary>The whole file.</summary>
internal sealed record Summary(SummarySettings Settings, IReadOnlyList<SummaryConfig> Configurations, IReadOnlyList<SummaryVerdict> Verdicts, Dictionary<string, string> Parts);

/// <summary>
/// summary.json, serialised from the typed records above (snake_case names): settings, one object per configuration
/// (samples_to_reach and data_gain_vs_augmentation per accuracy target, seconds_to_target and evaluations_to_target per
/// loss target, the curve), the verdicts (each against augmentation) and each part's overall finding. Numbers that are
/// not finite are null.
/// </summary>
internal static class LearningCurvesJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Write(LearningCurvesResults results, LearningCurvesSettings settings) => JsonSerializer.Serialize(Build(results, settings), Options) + "\n";

    public static Summary Build(LearningCurvesResults results, LearningCurvesSettings settings)
    {
        var u = settings.Units;
        var s = new SummarySettings(u.Protocol.Name(), TrainingName(u.Training), u.TrainRatio, u.Training.MaxEvaluations, u.Training.Penalty, settings.Fractions, settings.Targets,
            u.LossTargets, results.Seeds, settings.BootstrapReplicates, "training originals, before the five-fold shift enlargement and before -X is added");
        return new Summary(s, results.Configs.Select(c => Config(c, results.LossTargets)).ToList(),
            results.Verdicts.Select(v => new SummaryVerdict(v.Part.Name(), v.Config, v.Baseline.Name(), Verdict.Word(v.Finding), v.Detail)).ToList(),
            results.Parts.ToDictionary(p => p.Part.Name(), p => Verdict.Word(p.Finding)));
    }

    private static string TrainingName(Optimisation.TrainingOptions t) =>
        t.StopsEarly ? TrainingProtocol.EarlyStopping.Name() : t.Penalty > 0 ? TrainingProtocol.Penalised.Name() : TrainingProtocol.Budget.Name();

    private static SummaryConfig Config(ConfigResults c, IReadOnlyList<double> lossTargets)
    {
        bool symmetric = c.Role != CurveRole.Reference;
        return new SummaryConfig(c.Config, c.Description, c.Role.Name(),
            symmetric ? c.VsAugmentation.ToDictionary(g => Key(g.Target), g => g.Config.Samples) : null,
            symmetric ? c.VsAugmentation.ToDictionary(g => Key(g.Target), g => new SummaryReach(g.Config.Samples, g.Config.AtSmallest, SummaryStats.Num(g.ConfigLow), SummaryStats.Num(g.ConfigHigh))) : null,
            c.Role == CurveRole.Invariant ? c.VsAugmentation.ToDictionary(g => Key(g.Target), Gain) : null,
            lossTargets.Select((t, i) => (t, i)).ToDictionary(x => Key(x.t), x => c.SecondsToTarget[x.i]),
            lossTargets.Select((t, i) => (t, i)).ToDictionary(x => Key(x.t), x => c.EvaluationsToTarget[x.i]),
            c.Symmetric.Select((p, i) => new SummaryPoint(p.N, symmetric ? SummaryStats.Of(p.Stats) : null, SummaryStats.Of(c.R[i].Stats), SummaryStats.Of(c.Gap[i].Stats),
                SummaryStats.Of(c.Seconds[i].Stats), SummaryStats.Of(c.Evaluations[i].Stats), c.Convergence[i].Converged)).ToList());
    }

    private static SummaryGain Gain(GainEstimate g) => new(SummaryStats.Num(g.Value),
        g.Kind switch { GainKind.Measured => "measured", GainKind.AtLeast => "at least", GainKind.AtMost => "at most", _ => "undefined" },
        SummaryStats.Num(g.Low), SummaryStats.Num(g.High), g.Level, g.Comparisons, g.Defined, g.Replicates);

    private static string Key(double target) => target.ToString("R", CultureInfo.InvariantCulture);
}
