using System.Diagnostics;
using SymmetryProofs.Data;
using SymmetryProofs.Networks;
using SymmetryProofs.Objectives;
using SymmetryProofs.Runtime;

namespace SymmetryProofs.Optimisation;

/// <summary>
/// A trained net and how training went: final loss and max |g_i|, loss-and-gradient evaluations (full passes,
/// L-BFGS's and the Newton line search's), L-BFGS iterations, Newton steps (each one exact Hessian), the
/// rule that stopped it (the finish's, if one ran; else L-BFGS's), the wall seconds, the L-BFGS trajectory and
/// the parameters a run with half the evaluation budget would have ended at (L-BFGS alone).
/// </summary>
public sealed record TrainingResult(
    Mlp Network, double[] Theta, double FinalLoss, double GradientMaxNorm,
    int Evaluations, int Iterations, StopReason Reason, double Seconds, int NewtonSteps = 0, StopReason? LbfgsReason = null, TrainingTrace? Trace = null, double[]? HalfBudgetTheta = null);

/// <summary>
/// Trains an <see cref="Mlp"/> on a whole training set at once (loss and gradient by <see cref="FusedCrossEntropy"/>), from weights
/// drawn by <see cref="Mlp.Random"/> with <c>new System.Random(seed)</c>: the same seed gives the
/// same starting point, the same steps and the same final theta, bit for bit. L-BFGS first; with
/// <see cref="TrainingOptions.Finishes"/>, the one <see cref="NewtonFinish"/> on the exact Hessian of
/// <see cref="MlpObjective"/> (the same mean cross-entropy) unless L-BFGS already met the gradient rule. Both phases
/// add <see cref="TrainingOptions.Penalty"/>'s (lambda/2) |theta|^2 when it is above 0.
/// </summary>
public static class FullBatchTrainer
{
    /// <summary>Trains from <see cref="Mlp.Random"/>'s start for <paramref name="seed"/>; <paramref name="validation"/> is needed when the options stop early.</summary>
    public static TrainingResult Train(LabelledSet train, int[] widths, bool withBiases, int seed, TrainingOptions options, LabelledSet? validation = null)
    {
        var start = Mlp.Random(widths, withBiases, new Random(seed));
        return Train(train, start, options, validation);
    }

    /// <summary>Trains from <paramref name="start"/>; <paramref name="validation"/> is needed when the options stop early.</summary>
    public static TrainingResult Train(LabelledSet train, Mlp start, TrainingOptions options, LabelledSet? validation = null)
    {
        if (options.StopsEarly && validation is null) throw new ArgumentException("Early stopping needs a validation set.", nameof(validation));
        if (options.StopsEarly && options.Finishes) throw new ArgumentException("Early stopping ends at the best validation point; a Newton finish after it would leave that point.", nameof(options));
        var model = TorchMlp.Like(start);
        var objective = new FusedCrossEntropy(model.Widths, model.WithBiases, train);
        var held = options.StopsEarly ? new FusedCrossEntropy(model.Widths, model.WithBiases, validation!) : null;
        var clock = Stopwatch.StartNew();
        Objective f = (x, g) => objective.Evaluate(x, g) + L2Penalty.Add(x, g, options.Penalty);
        var watch = held is null ? null : new EarlyStopping(x => held.Loss(x), options.Patience, start.Flatten());
        var trace = new TrainingTrace();
        var x0 = start.Flatten();
        // The net a run with half the evaluation budget would have returned: L-BFGS is deterministic, so that run is this
        // one's prefix, and its result is the last accepted point (the best validation point, stopping early) within half.
        double[] half = (double[])x0.Clone();
        bool Step(double[] x, double loss, int evaluations)
        {
            trace.Add(new TracePoint(evaluations, clock.Elapsed.TotalSeconds, loss - L2Penalty.Value(x, options.Penalty)));
            bool stop = watch?.Stop(x) ?? false;
            if (evaluations <= options.MaxEvaluations / 2) half = (double[])(watch?.Best ?? x).Clone();
            return stop;
        }
        var result = Lbfgs.Minimise(f, x0, options.ToLbfgs(), stop: Step);
        if (watch is not null && result.Reason != StopReason.Gradient && !watch.Best.AsSpan().SequenceEqual(result.X))
        {
            // The run goes back to the point of the lowest validation loss; its training loss and gradient cost one more evaluation.
            var g = new double[watch.Best.Length];
            double loss = f(watch.Best, g);
            result = result with { X = watch.Best, Loss = loss, Gradient = g, GradientMaxNorm = g.Max(Math.Abs), Evaluations = result.Evaluations + 1 };
        }
        if (!options.Finishes || result.Reason == StopReason.Gradient)
        {
            clock.Stop();
            return new TrainingResult(
                Mlp.FromFlat(model.Widths, model.WithBiases, result.X), result.X, result.Loss, result.GradientMaxNorm,
                result.Evaluations, result.Iterations, result.Reason, clock.Elapsed.TotalSeconds, 0, result.Reason, trace, half);
        }
        using var inputs = Tensors.Float64(train.Inputs.ToRowMajorArray(), [train.Count, train.Dimension]);
        using var labels = Tensors.Int64(train.Labels.Select(l => (long)l).ToArray());
        ITwiceDifferentiable second = options.Penalty > 0 ? new PenalisedObjective(new MlpObjective(model, inputs, labels), options.Penalty) : new MlpObjective(model, inputs, labels);
        // L-BFGS's loss and gradient came from FusedCrossEntropy; the finish starts from MlpObjective's own (equal up to rounding).
        var (f0, g0) = second.ValueAndGradient(result.X);
        var newton = NewtonFinish.Run(second, result.X, f0, g0, options.ToNewton());
        clock.Stop();
        return new TrainingResult(
            Mlp.FromFlat(model.Widths, model.WithBiases, newton.X), newton.X, newton.Loss, newton.Gradient.Max(Math.Abs),
            result.Evaluations + 1 + newton.Evaluations, result.Iterations, newton.Reason, clock.Elapsed.TotalSeconds, newton.Steps, result.Reason, trace, half);
    }
}
