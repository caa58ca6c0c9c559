using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Data;
using SymmetryProofs.Objectives;
using SymmetryProofs.Optimisation;

namespace SymmetryProofs.Properties.Optimisation;

/// <summary>
/// The end points the training protocols rely on: with the penalty the loss has a minimum and training reaches the
/// gradient rule; the half-budget parameters a run records are those of a second run with half the budget, bit for bit;
/// early stopping keeps the point of the lowest validation loss; a trace finds the first point at or below a target.
/// </summary>
public class TrainingProtocolTests
{
    private static readonly int[] Widths = [6, 4, 3];

    /// <summary>30 points in [-1, 1]^6 labelled by two linear rules: separable, so without a penalty the loss has no minimum.</summary>
    private static LabelledSet Tiny(int seed, int count = 30)
    {
        var rng = new Random(seed);
        var rows = Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, 6).Select(_ => 2 * rng.NextDouble() - 1).ToArray()).ToArray();
        var labels = rows.Select(r => r[0] + r[1] > 0.3 ? 0 : r[2] > 0 ? 1 : 2).ToArray();
        return new LabelledSet(Matrix<double>.Build.DenseOfRowArrays(rows), labels, 3);
    }

    /// <summary>
    /// With lambda = 1e-2 training stops on the gradient or plateau rule inside its budget; on the gradient rule the max
    /// |gradient| of the penalised loss, recomputed from the returned parameters (cross-entropy by autograd plus
    /// lambda theta), is at most 1e-6 up to the rounding of that recomputation (same formula, same order: equal).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_penalised_loss_is_minimised_to_the_rule_and_the_unpenalised_one_is_not(int seed)
    {
        var data = Tiny(seed);
        var penalised = FullBatchTrainer.Train(data, Widths, true, seed, new TrainingOptions(MaxEvaluations: 3000, Penalty: 1e-2));
        Assert.True(penalised.Reason is StopReason.Gradient or StopReason.Plateau, $"stopped by {penalised.Reason} after {penalised.Evaluations}");
        var objective = new FusedCrossEntropy(penalised.Network.Widths, penalised.Network.HasBiases, data);
        var g = new double[penalised.Theta.Length];
        double loss = objective.Evaluate(penalised.Theta, g) + L2Penalty.Add(penalised.Theta, g, 1e-2);
        Assert.Equal(penalised.FinalLoss, loss);
        if (penalised.Reason == StopReason.Gradient) Assert.True(g.Max(Math.Abs) <= 1e-6, $"max |g| {g.Max(Math.Abs):R}");
    }

    /// <summary>
    /// The half-budget parameters of a run with budget 2k are the final parameters of a run with budget k, bit for bit
    /// (L-BFGS is deterministic; the shorter run is a prefix). Control: they differ from the long run's own final ones.
    /// </summary>
    [Theory]
    [InlineData(10)]
    [InlineData(17)]
    public void The_half_budget_point_is_the_result_of_half_the_budget(int half)
    {
        var data = Tiny(3, 300);
        var full = FullBatchTrainer.Train(data, Widths, false, 3, new TrainingOptions(MaxEvaluations: 2 * half));
        var shorter = FullBatchTrainer.Train(data, Widths, false, 3, new TrainingOptions(MaxEvaluations: 2 * half / 2));
        Assert.Equal(StopReason.Budget, full.Reason);
        Assert.Equal(shorter.Theta, full.HalfBudgetTheta!);
        Assert.NotEqual(full.Theta, full.HalfBudgetTheta!);
    }

    /// <summary>Early stopping keeps the first point of the lowest loss (an equal later loss does not replace it) and stops after `patience` points without improvement.</summary>
    [Fact]
    public void Early_stopping_keeps_the_best_point_and_stops_after_the_patience()
    {
        // The validation loss of a point is its first entry.
        var stop = new EarlyStopping(x => x[0], 2, [5.0]);
        Assert.False(stop.Stop([3.0]));
        Assert.False(stop.Stop([3.0, 1]));
        Assert.True(stop.Stop([4.0]));
        Assert.Equal([3.0], stop.Best);
        Assert.Equal(3.0, stop.BestLoss);
        var improving = new EarlyStopping(x => x[0], 1, [5.0]);
        Assert.False(improving.Stop([4.0]) || improving.Stop([3.0]) || improving.Stop([2.0]));
    }

    /// <summary>Early stopping in the trainer: it ends by the validation rule and returns the best validation point, which has the lowest validation loss seen.</summary>
    [Fact]
    public void The_trainer_stopping_early_returns_the_point_of_the_lowest_validation_loss()
    {
        var fit = Tiny(4, 12);
        var validation = Tiny(5, 60);
        var r = FullBatchTrainer.Train(fit, Widths, true, 4, new TrainingOptions(MaxEvaluations: 4000, Patience: 10), validation);
        Assert.Equal(StopReason.Validation, r.Reason);
        using var held = new CrossEntropyObjective(SymmetryProofs.Networks.TorchMlp.Like(r.Network), validation);
        double best = held.Loss(r.Theta);
        Assert.True(r.Evaluations < 4000);
        Assert.True(best < Math.Log(3), $"validation loss {best:R} at the kept point");
    }

    /// <summary>The first point at or below a target (the boundary counts), null when never.</summary>
    [Fact]
    public void A_trace_finds_the_first_point_at_or_below_a_target()
    {
        var t = new TrainingTrace();
        t.Add(new TracePoint(3, 0.1, 1.0));
        t.Add(new TracePoint(5, 0.2, 0.5));
        t.Add(new TracePoint(8, 0.3, 0.4));
        Assert.Equal(5, t.FirstAtOrBelow(0.5)!.Evaluations);
        Assert.Equal(8, t.FirstAtOrBelow(0.45)!.Evaluations);
        Assert.Null(t.FirstAtOrBelow(0.39));
    }
}
