using System.Diagnostics;
using SymmetryProofs.Data;
using SymmetryProofs.Networks;
using SymmetryProofs.Objectives;
using SymmetryProofs.Runtime;

namespace SymmetryProofs.Optimisation;

/// <summary>
/// A trained net and how training went: final loss and max |g_i|, loss-and-gradient evaluations (full passes,
/// L-BFGS's and the Newton line search's), L-BFGS iterations, Newton steps (each one exact Hessian), the
/// rule that stopped it (the finish's, if one ran; else L-BFGS's) and the wall seconds.
/// </summary>
public sealed record TrainingResult(
    Mlp Network, double[] Theta, double FinalLoss, double GradientMaxNorm,
    int Evaluations, int Iterations, StopReason Reason, double Seconds, int NewtonSteps = 0, StopReason? LbfgsReason = null);

/// <summary>
/// Trains the TorchSharp twin of an <see cref="Mlp"/> on a whole training set at once, from weights
/// drawn by <see cref="Mlp.Random"/> with <c>new System.Random(seed)</c>: the same seed gives the
/// same starting point, the same steps and the same final theta, bit for bit. L-BFGS first; with
/// <see cref="TrainingOptions.Finishes"/>, the one <see cref="NewtonFinish"/> on the exact Hessian of
/// <see cref="MlpObjective"/> (the same mean cross-entropy) unless L-BFGS already met the gradient rule.
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
        if (!options.Finishes || result.Reason == StopReason.Gradient)
        {
            clock.Stop();
            return new TrainingResult(
                Mlp.FromFlat(model.Widths, model.WithBiases, result.X), result.X, result.Loss, result.GradientMaxNorm,
                result.Evaluations, result.Iterations, result.Reason, clock.Elapsed.TotalSeconds, 0, result.Reason);
        }
        using var inputs = Tensors.Float64(train.Inputs.ToRowMajorArray(), [train.Count, train.Dimension]);
        using var labels = Tensors.Int64(train.Labels.Select(l => (long)l).ToArray());
        var second = new MlpObjective(model, inputs, labels);
        // L-BFGS's loss and gradient came from autograd; the finish starts from MlpObjective's own (equal up to rounding).
        var (f0, g0) = second.ValueAndGradient(result.X);
        var newton = NewtonFinish.Run(second, result.X, f0, g0, options.ToNewton());
        clock.Stop();
        return new TrainingResult(
            Mlp.FromFlat(model.Widths, model.WithBiases, newton.X), newton.X, newton.Loss, newton.Gradient.Max(Math.Abs),
            result.Evaluations + 1 + newton.Evaluations, result.Iterations, newton.Reason, clock.Elapsed.TotalSeconds, newton.Steps, result.Reason);
    }
}
