using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Networks;
using SymmetryProofs.Optimisation;

namespace SymmetryProofs.Experiments.Bergman;

/// <summary>One run's row and diagnostics.</summary>
internal sealed record BergmanResult(BergmanRow Row, BergmanDiagnostics Diagnostics)
{
    /// <summary>The L-BFGS trajectory of the run (in memory only: learning-curves reads its targets off it; not checkpointed).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public TrainingTrace? Trace { get; init; }
}

/// <summary>Trains and evaluates one cell for one seed: the one training entry point of `tables` and `learning-curves`.</summary>
internal static class BergmanRun
{
    public static readonly int[] Widths = [Optdigits.Pixels, 10, 5, 10];

    /// <summary>The widths for a feature map: its number of features in, then the paper's 10 -> 5 -> 10 (D4's irreducible norms are 48, every other map 64).</summary>
    public static int[] WidthsFor(Features.IFeatureMap map) => [map.OutputDim, .. Widths[1..]];

    /// <summary>
    /// The split (and the permutation P) come from the seed, shared by all cells of that seed; the initial weights come
    /// from the same seed, so the nets with and without biases start from the same weight matrices
    /// (<see cref="Mlp.Random"/> draws the biases either way).
    /// </summary>
    public static BergmanResult Execute(BergmanCell cell, SplitProtocol protocol, ProtocolSplit split, int seed, TrainingOptions options, double splitRatio)
    {
        var map = FeatureMaps.For(cell.Features, SeedStreams.SeedOf(seed, "permutation"));
        var (fit, validation) = options.StopsEarly
            ? TrainingSubset.Validation(split, TrainingProtocols.FitShare, new Random(SeedStreams.SeedOf(seed, "validation")))
            : (split.Train, null);
        var train = cell.TrainedOnInverted ? split.Train.Concat(split.Train.Negated()) : split.Train;
        var trainFeatures = train.Select(map.Apply);
        var fitFeatures = (cell.TrainedOnInverted ? fit.Concat(fit.Negated()) : fit).Select(map.Apply);
        var validationFeatures = validation is null ? null : (cell.TrainedOnInverted ? validation.Concat(validation.Negated()) : validation).Select(map.Apply);
        var testFeatures = split.Test.Select(map.Apply);
        var invertedFeatures = split.Test.Negated().Select(map.Apply);

        var result = FullBatchTrainer.Train(fitFeatures, WidthsFor(map), cell.WithBias, SeedStreams.SeedOf(seed, "init"), options, validationFeatures);
        var net = result.Network;
        var key = new RunKey(protocol, cell, seed);
        var stop = BergmanNames.Rule(result.Reason);
        var halfNet = Mlp.FromFlat(net.Widths, net.HasBiases, result.HalfBudgetTheta!);
        var row = new BergmanRow(key, net.Accuracy(testFeatures), net.Accuracy(invertedFeatures), result.Evaluations, result.Seconds,
            stop, result.NewtonSteps, result.GradientMaxNorm, halfNet.Accuracy(testFeatures), halfNet.Accuracy(invertedFeatures));
        var end = new TrainingEnd(options.MaxEvaluations, result.Iterations, result.NewtonSteps, result.FinalLoss, result.GradientMaxNorm,
            stop, result.LbfgsReason is { } l ? BergmanNames.Rule(l) : stop);
        return new BergmanResult(row, new BergmanDiagnostics(key, splitRatio, net.Accuracy(trainFeatures), end, Logits(net, testFeatures, invertedFeatures))) { Trace = result.Trace };
    }

    private static LogitEvidence Logits(Mlp net, LabelledSet test, LabelledSet inverted)
    {
        double absLogit = 0, spread = 0;
        int ties = 0, tiesInverted = 0, same = 0;
        for (int i = 0; i < test.Count; i++)
        {
            Vector<double> s = net.Logits(test.Input(i));
            Vector<double> sBar = net.Logits(inverted.Input(i));
            absLogit += s.Enumerate().Average(Math.Abs);
            spread += s.Maximum() - s.Minimum();
            if (Prediction.HasTiedMaximum(s)) ties++;
            if (Prediction.HasTiedMaximum(sBar)) tiesInverted++;
            if (Prediction.ArgMax(s) == Prediction.ArgMax(sBar)) same++;
        }
        int n = test.Count;
        return new LogitEvidence(absLogit / n, spread / n, ties, tiesInverted, same, n);
    }
}
