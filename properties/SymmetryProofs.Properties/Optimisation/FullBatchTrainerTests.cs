using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Data;
using SymmetryProofs.Networks;
using SymmetryProofs.Optimisation;
using SymmetryProofs.Objectives;

namespace SymmetryProofs.Properties.Optimisation;

/// <summary>Full-batch L-BFGS training: deterministic per seed, and it does minimise.</summary>
public class FullBatchTrainerTests
{
    private static readonly int[] Widths = [6, 4, 3];

    private static LabelledSet Tiny(int seed)
    {
        var rng = new Random(seed);
        var rows = Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, 6).Select(_ => 2 * rng.NextDouble() - 1).ToArray()).ToArray();
        var labels = rows.Select(r => r[0] + r[1] > 0.3 ? 0 : r[2] > 0 ? 1 : 2).ToArray();
        return new LabelledSet(Matrix<double>.Build.DenseOfRowArrays(rows), labels, 3);
    }

    private static bool BitEqual(double[] a, double[] b) =>
        a.Length == b.Length && a.Zip(b).All(p => BitConverter.DoubleToInt64Bits(p.First) == BitConverter.DoubleToInt64Bits(p.Second));

    [Property(MaxTest = 5)]
    public Property Same_seed_gives_the_same_parameters_bit_for_bit(int seed, bool withBiases)
    {
        var data = Tiny(seed);
        var options = new TrainingOptions(MaxEvaluations: 60);
        var a = FullBatchTrainer.Train(data, Widths, withBiases, seed, options);
        var b = FullBatchTrainer.Train(data, Widths, withBiases, seed, options);
        return (BitEqual(a.Theta, b.Theta) && BitConverter.DoubleToInt64Bits(a.FinalLoss) == BitConverter.DoubleToInt64Bits(b.FinalLoss)
                && a.Evaluations == b.Evaluations).Label($"seed {seed}: losses {a.FinalLoss:R} vs {b.FinalLoss:R}");
    }

    /// <summary>Control for the test above: the comparison can fail, since another seed starts elsewhere.</summary>
    [Fact]
    public void Different_seeds_give_different_parameters()
    {
        var data = Tiny(1);
        var options = new TrainingOptions(MaxEvaluations: 60);
        Assert.False(BitEqual(FullBatchTrainer.Train(data, Widths, false, 1, options).Theta, FullBatchTrainer.Train(data, Widths, false, 2, options).Theta));
    }

    [Property(MaxTest = 5)]
    public Property Training_lowers_the_loss_and_unpacks_to_the_same_network(int seed)
    {
        var data = Tiny(seed);
        var start = Mlp.Random(Widths, true, new Random(seed));
        var result = FullBatchTrainer.Train(data, start, new TrainingOptions(MaxEvaluations: 80));
        using var objective = new CrossEntropyObjective(TorchMlp.Like(start), data);
        double initial = objective.Evaluate(start.Flatten(), new double[start.ParameterCount]);
        bool lower = result.FinalLoss < initial;
        bool unpacked = BitEqual(result.Network.Flatten(), result.Theta);
        return (lower && unpacked).Label($"initial {initial:R}, final {result.FinalLoss:R}");
    }

    /// <summary>The objective's autograd gradient matches central differences (relative 1e-6: the O(h^2) error at h = 1e-5 plus rounding).</summary>
    [Fact]
    public void Cross_entropy_gradient_matches_finite_differences()
    {
        var data = Tiny(4);
        var net = Mlp.Random(Widths, true, new Random(4));
        using var objective = new CrossEntropyObjective(TorchMlp.Like(net), data);
        var theta = net.Flatten();
        var grad = new double[theta.Length];
        objective.Evaluate(theta, grad);
        var scratch = new double[theta.Length];
        const double h = 1e-5;
        for (int k = 0; k < theta.Length; k++)
        {
            var plus = (double[])theta.Clone(); plus[k] += h;
            var minus = (double[])theta.Clone(); minus[k] -= h;
            double fd = (objective.Evaluate(plus, scratch) - objective.Evaluate(minus, scratch)) / (2 * h);
            Assert.True(Math.Abs(fd - grad[k]) <= 1e-6 * Math.Max(1, Math.Abs(grad[k])), $"theta[{k}]: autograd {grad[k]:R}, finite differences {fd:R}");
        }
    }

    /// <summary>On a strictly convex quadratic L-BFGS reaches the gradient rule and the known minimiser.</summary>
    [Property(MaxTest = 20)]
    public Property Lbfgs_finds_the_minimum_of_a_convex_quadratic(int seed)
    {
        var rng = new Random(seed);
        int n = 2 + rng.Next(8);
        var diag = Enumerable.Range(0, n).Select(_ => 0.5 + 10 * rng.NextDouble()).ToArray();
        var centre = Enumerable.Range(0, n).Select(_ => 4 * rng.NextDouble() - 2).ToArray();
        var result = Lbfgs.Minimise((x, g) =>
        {
            double f = 0;
            for (int i = 0; i < n; i++) { double d = x[i] - centre[i]; f += 0.5 * diag[i] * d * d; g[i] = diag[i] * d; }
            return f;
        }, new double[n], new TrainingOptions(MaxEvaluations: 500, GradientTolerance: 1e-10));
        // |x - c| <= |g| / min(diag) <= 1e-10 / 0.5 for a diagonal quadratic.
        bool close = result.X.Zip(centre).All(p => Math.Abs(p.First - p.Second) <= 2e-10);
        return (result.Reason == StopReason.Gradient && close).Label($"n = {n}, stop {result.Reason}, after {result.Evaluations} evaluations");
    }

    /// <summary>
    /// With the finish the run starts where L-BFGS alone stopped and accepts only steps that do not raise the loss, so
    /// its final loss is at most L-BFGS's (up to 1e-12 relative: the finish measures the same mean cross-entropy by
    /// hand-written backpropagation, L-BFGS by autograd, two summation orders), its stop rule is the finish's,
    /// and a gradient stop means the reported max |g_i| meets the tolerance.
    /// </summary>
    [Property(MaxTest = 4)]
    public Property The_Newton_finish_continues_from_Lbfgs_and_reports_its_own_stop(int seed, bool withBiases)
    {
        var data = Tiny(seed);
        var alone = FullBatchTrainer.Train(data, Widths, withBiases, seed, new TrainingOptions(MaxEvaluations: 40));
        var finished = FullBatchTrainer.Train(data, Widths, withBiases, seed, new TrainingOptions(MaxEvaluations: 40, NewtonSteps: 15));
        bool lower = finished.FinalLoss <= alone.FinalLoss * (1 + 1e-12);
        bool reported = alone.Reason == StopReason.Gradient
            ? finished.NewtonSteps == 0
            : finished.LbfgsReason == alone.Reason && finished.Evaluations > alone.Evaluations;
        bool honest = finished.Reason != StopReason.Gradient || finished.GradientMaxNorm <= 1e-6;
        return (lower && reported && honest)
            .Classify(finished.NewtonSteps > 0, "Newton steps taken")
            .Label($"seed {seed}: L-BFGS {alone.Reason} loss {alone.FinalLoss:R}; finished {finished.Reason} after {finished.NewtonSteps} Newton steps, loss {finished.FinalLoss:R}, max |g| {finished.GradientMaxNorm:G3}");
    }
}
