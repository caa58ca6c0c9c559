using SymmetryProofs.Optimisation;

namespace SymmetryProofs.Properties.Optimisation;

/// <summary>The options by which the critical-point solver's L-BFGS differs from the trainer's do what they say.</summary>
public class LbfgsOptionsTests
{
    // f = sum_i a_i (x_i - 1)^2 / 2 with a_i spread over three decades: L-BFGS needs many steps, none degenerate.
    private static double Quadratic(ReadOnlySpan<double> x, Span<double> g)
    {
        double f = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double a = Math.Pow(10, 3.0 * i / (x.Length - 1)), d = x[i] - 1;
            f += 0.5 * a * d * d;
            g[i] = a * d;
        }
        return f;
    }

    [Fact]
    public void The_L2_rule_stops_on_the_euclidean_norm_and_reports_it()
    {
        var r = Lbfgs.Minimise(Quadratic, new double[12], new LbfgsOptions(GradientTolerance: 1e-9, Norm: GradientNorm.L2, MaxIterations: 1000));
        Assert.Equal(StopReason.Gradient, r.Reason);
        double l2 = Math.Sqrt(r.Gradient.Sum(v => v * v));
        Assert.Equal(l2, r.GradientNorm);
        Assert.True(l2 <= 1e-9, $"|g| = {l2}");
        Assert.True(r.GradientMaxNorm <= l2);
    }

    [Fact]
    public void The_iteration_budget_counts_accepted_steps_and_the_progress_callback_sees_each()
    {
        var seen = new List<int>();
        var r = Lbfgs.Minimise(Quadratic, new double[12], new LbfgsOptions(GradientTolerance: 0, MaxIterations: 5), (k, _, _) => seen.Add(k));
        Assert.Equal(StopReason.Budget, r.Reason);
        Assert.Equal(5, r.Iterations);
        Assert.Equal([0, 1, 2, 3, 4], seen);
    }

    [Fact]
    public void Plateau_window_zero_is_off_and_the_trainer_mapping_keeps_it_on()
    {
        var off = Lbfgs.Minimise(Quadratic, new double[12], new LbfgsOptions(GradientTolerance: 1e-9, PlateauWindow: 0, MaxIterations: 1000));
        Assert.Equal(StopReason.Gradient, off.Reason);
        // A relative tolerance of 1 over one iteration: any step that does not drop the loss to 0 is a "plateau".
        var on = Lbfgs.Minimise(Quadratic, new double[12], new TrainingOptions(GradientTolerance: 1e-9, PlateauTolerance: 1, PlateauWindow: 1));
        Assert.Equal(StopReason.Plateau, on.Reason);
        Assert.Equal(new TrainingOptions().ToLbfgs() with { }, new LbfgsOptions(PlateauWindow: 50, PlateauTolerance: 1e-7, MaxEvaluations: 3000));
    }
}
