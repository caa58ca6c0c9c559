using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Optimisation;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>When a run's mean training cross-entropy first fell to a target: evaluations and seconds, null when it never did.</summary>
internal sealed record TargetReach(double Target, int? Evaluations, double? Seconds);

/// <summary>
/// One finished (configuration, fraction, seed) run as checkpointed: the size it trained on, the row and diagnostics
/// of the shared <see cref="BergmanRun"/> (so every number is measured exactly as in `tables`), and when its training
/// loss reached each loss target.
/// </summary>
internal sealed record LearningCurvesUnit(string Config, double Fraction, int TrainOriginals, int TrainRows, BergmanRow Row, BergmanDiagnostics Diagnostics, IReadOnlyList<TargetReach> ToTarget)
{
    /// <summary>The checkpoint key of a unit.</summary>
    public static string Key(string config, double fraction, int seed) =>
        $"config={config};fraction={fraction.ToString("R", System.Globalization.CultureInfo.InvariantCulture)};seed={seed}";

    /// <summary>
    /// Trains one configuration on <paramref name="fraction"/> of the seed's training originals through <see cref="BergmanRun.Execute"/>
    /// (the one training entry point of the tables: map, initial weights, <see cref="FullBatchTrainer"/>); the test set is the seed's whole test side.
    /// </summary>
    public static LearningCurvesUnit Execute(LearningCurvesConfig config, SplitProtocol protocol, ProtocolSplit split, double fraction, int seed, TrainingOptions training, double trainRatio, IReadOnlyList<double> lossTargets)
    {
        var subset = TrainingSubset.Take(split, fraction, SeedStreams.For(seed, "subset"));
        var result = BergmanRun.Execute(config.Cell, protocol, subset, seed, training, trainRatio);
        int originals = subset.TrainOrigins.Distinct().Count();
        var reach = lossTargets.Select(t => result.Trace!.FirstAtOrBelow(t) is { } p ? new TargetReach(t, p.Evaluations, p.Seconds) : new TargetReach(t, null, null)).ToList();
        return new LearningCurvesUnit(config.Name, fraction, originals, subset.Train.Count * (config.Cell.TrainedOnInverted ? 2 : 1), result.Row, result.Diagnostics, reach);
    }

    /// <summary>This run as a point of the analysis.</summary>
    public CurvePoint Point() => new(Config, TrainOriginals, Row.Seed, Row.AccTest, Row.AccTestInverted,
        Diagnostics.AccTrain, Row.Cell.TrainedOnInverted, Row.TrainSeconds, Row.Epochs, Row.Stop.Converged(), ToTarget);
}
