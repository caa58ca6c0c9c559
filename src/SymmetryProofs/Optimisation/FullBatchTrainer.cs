using System.Diagnostics;
using SymmetryProofs.Data;
using SymmetryProofs.Networks;
using SymmetryProofs.Objectives;

namespace SymmetryProofs.Optimisation;

public sealed record TrainingResult(
    Mlp Network, double[] Theta, double FinalLoss, double GradientMaxNorm,
    int Evaluations, int Iterations, StopReason Reason, double Seconds);

/// <summary>
/// Trains the TorchSharp twin of an <see cref="Mlp"/> on a whole training set at once, from weights
/// drawn by <see cref="Mlp.Random"/> with <c>new System.Random(seed)</c>: the same seed gives the
/// same starting point, the same steps and the same final theta, bit for bit.
/// </summary>
public static class FullBatchTrainer
{
    public static TrainingResult Train(LabelledSet train, int[] widths, bool withBiases, int seed, TrainingOptions options)
    {
        var start = Mlp.Random(widths, withBiases, new Random(seed));
        return Train(train, start, options);
    }

    public static TrainingResult Train(LabelledSet train, Mlp start, TrainingOptions options)
    {
        var model = TorchMlp.Like(start);
        using var objective = new CrossEntropyObjective(model, train);
        var clock = Stopwatch.StartNew();
        var result = Lbfgs.Minimise((x, g) => objective.Evaluate(x, g), start.Flatten(), options);
        clock.Stop();
        return new TrainingResult(
            Mlp.FromFlat(model.Widths, model.WithBiases, result.X), result.X, result.Loss, result.GradientMaxNorm,
            result.Evaluations, result.Iterations, result.Reason, clock.Elapsed.TotalSeconds);
    }
}
