using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Networks;
using SymmetryProofs.Optimisation;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>One row of tables.csv: the key of a run and what it measured.</summary>
public sealed record TablesRow(string Protocol, string Bias, string Features, string Train, int Seed,
    double AccTest, double AccTestInverted, int Epochs, double TrainSeconds, string Stop = "", int NewtonSteps = 0, double GradientMax = double.NaN)
{
    public (string, string, string, string, int) Key => (Protocol, Bias, Features, Train, Seed);
}

/// <summary>The evidence behind a row, for the discussion: how far training got and what the logits look like.</summary>
public sealed record TablesDiagnostics(string Protocol, string Bias, string Features, string Train, int Seed,
    int Budget, double SplitRatio, double FinalLoss, double GradientMax, string Stop, int Iterations, double AccTrain,
    double MeanAbsLogit, double MeanLogitSpread, int TiesTest, int TiesTestInverted, int SamePrediction, int TestCount,
    int NewtonSteps = 0, string LbfgsStop = "")
{
    public (string, string, string, string, int) Key => (Protocol, Bias, Features, Train, Seed);
}

/// <summary>Trains and evaluates one configuration for one seed.</summary>
public static class TablesRun
{
    public static readonly int[] Widths = [Optdigits.Pixels, 10, 5, 10];

    /// <summary>The widths for a feature map: its number of features in, then the paper's 10 -> 5 -> 10 (D4's irreducible norms are 48, every other map 64).</summary>
    public static int[] WidthsFor(Features.IFeatureMap map) => [map.OutputDim, .. Widths[1..]];

    /// <summary>
    /// The split (and the permutation P) come from the seed, shared by all configurations of that
    /// seed; the initial weights come from the same seed, so the nets with and without biases start
    /// from the same weight matrices (<see cref="Mlp.Random"/> draws the biases either way).
    /// </summary>
    public static (TablesRow Row, TablesDiagnostics Diagnostics) Execute(
        TablesConfig config, SplitProtocol protocol, ProtocolSplit split, int seed, TrainingOptions options, double splitRatio)
    {
        var map = config.Map(SeedStreams.SeedOf(seed, "permutation"));
        var train = config.TrainedOnInverted ? split.Train.Concat(split.Train.Negated()) : split.Train;
        var trainFeatures = train.Select(map.Apply);
        var testFeatures = split.Test.Select(map.Apply);
        var invertedFeatures = split.Test.Negated().Select(map.Apply);

        var result = FullBatchTrainer.Train(trainFeatures, WidthsFor(map), config.WithBias, SeedStreams.SeedOf(seed, "init"), options);
        var net = result.Network;
        double r = net.Accuracy(testFeatures);
        double rBar = net.Accuracy(invertedFeatures);

        double absLogit = 0, spread = 0;
        int ties = 0, tiesInverted = 0, same = 0;
        for (int i = 0; i < testFeatures.Count; i++)
        {
            Vector<double> s = net.Logits(testFeatures.Input(i));
            Vector<double> sBar = net.Logits(invertedFeatures.Input(i));
            absLogit += s.Enumerate().Average(Math.Abs);
            spread += s.Maximum() - s.Minimum();
            if (Prediction.HasTiedMaximum(s)) ties++;
            if (Prediction.HasTiedMaximum(sBar)) tiesInverted++;
            if (Prediction.ArgMax(s) == Prediction.ArgMax(sBar)) same++;
        }
        int n = testFeatures.Count;
        string stop = Stop(result.Reason);
        var row = new TablesRow(protocol.Name(), config.Bias, config.Features, config.Train, seed, r, rBar, result.Evaluations, result.Seconds,
            stop, result.NewtonSteps, result.GradientMaxNorm);
        var diagnostics = new TablesDiagnostics(protocol.Name(), config.Bias, config.Features, config.Train, seed,
            options.MaxEvaluations, splitRatio, result.FinalLoss, result.GradientMaxNorm, stop,
            result.Iterations, net.Accuracy(trainFeatures), absLogit / n, spread / n, ties, tiesInverted, same, n,
            result.NewtonSteps, result.LbfgsReason is { } l ? Stop(l) : stop);
        return (row, diagnostics);
    }

    /// <summary>A stop rule as the CSV files and the report spell it.</summary>
    public static string Stop(StopReason reason) => reason switch
    {
        StopReason.Gradient => "gradient",
        StopReason.Plateau => "plateau",
        StopReason.Budget => "budget",
        StopReason.LineSearch => "linesearch",
        _ => reason.ToString().ToLowerInvariant(),
    };
}
