using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Objectives;
using SymmetryProofs.Optimisation;

namespace SymmetryProofs.Properties.Optimisation;

/// <summary>The one second-order finish: it converges where L-BFGS on the same budget does not, and never claims convergence where there is no minimum.</summary>
public class NewtonFinishTests
{
    /// <summary>A test objective in plain arrays: value, gradient and Hessian by closed forms.</summary>
    private sealed class Closed(int n, Func<double[], double> f, Func<double[], double[]> g, Func<double[], Matrix<double>> h) : ITwiceDifferentiable
    {
        public int Dimension => n;
        public (double Value, double[] Gradient) ValueAndGradient(double[] theta) => (f(theta), g(theta));
        public double[] HessianVectorProduct(double[] theta, double[] v) => (h(theta) * Vector<double>.Build.DenseOfArray(v)).ToArray();
        public Matrix<double> Hessian(double[] theta, Action<int>? progress = null) => h(theta);
    }

    /// <summary>The extended Rosenbrock function (pairs (x_2k, x_2k+1)): one minimum at (1, ..., 1), a curved narrow valley where L-BFGS is slow.</summary>
    private static Closed Rosenbrock(int n) => new(n,
        x => Enumerable.Range(0, n / 2).Sum(k => 100 * Math.Pow(x[2 * k + 1] - x[2 * k] * x[2 * k], 2) + Math.Pow(1 - x[2 * k], 2)),
        x =>
        {
            var g = new double[n];
            for (int k = 0; k < n / 2; k++)
            {
                double a = x[2 * k], b = x[2 * k + 1];
                g[2 * k] = -400 * a * (b - a * a) - 2 * (1 - a);
                g[2 * k + 1] = 200 * (b - a * a);
            }
            return g;
        },
        x =>
        {
            var h = Matrix<double>.Build.Dense(n, n);
            for (int k = 0; k < n / 2; k++)
            {
                double a = x[2 * k], b = x[2 * k + 1];
                h[2 * k, 2 * k] = 1200 * a * a - 400 * b + 2;
                h[2 * k, 2 * k + 1] = h[2 * k + 1, 2 * k] = -400 * a;
                h[2 * k + 1, 2 * k + 1] = 200;
            }
            return h;
        });

    private static double Objective(ITwiceDifferentiable o, ReadOnlySpan<double> x, Span<double> g)
    {
        var (v, gv) = o.ValueAndGradient(x.ToArray());
        gv.CopyTo(g);
        return v;
    }

    // 1e-9 on max |g_i|: the Rosenbrock gradient's terms near (1, ..., 1) are O(1), so float64 resolves it to ~1e-13; 1e-9 is far above that noise.
    private const double Tolerance = 1e-9;
    private static readonly NewtonOptions Minimiser = new(MaxSteps: 50, GradientTolerance: Tolerance, Norm: GradientNorm.MaxAbs, PlateauWindow: 3, PlateauTolerance: 1e-15,
        AcceptGradientDecrease: false, AdaptiveDamping: true);

    /// <summary>From a start drawn from the seed: L-BFGS alone stops on its budget of 60 evaluations; the same 60 evaluations then the finish stop by the gradient rule.</summary>
    [Property(MaxTest = 12)]
    public Property Newton_reaches_the_gradient_tolerance_where_Lbfgs_on_the_same_budget_stops_on_the_budget(int seed)
    {
        var rng = new Random(seed);
        var o = Rosenbrock(8);
        var start = Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? -1.2 - rng.NextDouble() : 1 + rng.NextDouble()).ToArray();
        var options = new LbfgsOptions(GradientTolerance: Tolerance, MaxEvaluations: 60);
        var lbfgs = Lbfgs.Minimise((x, g) => Objective(o, x, g), start, options);
        var newton = NewtonFinish.Run(o, lbfgs.X, lbfgs.Loss, lbfgs.Gradient, Minimiser);
        bool atMinimum = newton.X.All(v => Math.Abs(v - 1) < 1e-6);
        return (lbfgs.Reason == StopReason.Budget && newton.Reason == StopReason.Gradient && newton.GradientNorm <= Tolerance && atMinimum)
            .Classify(newton.Steps > 5, "more than 5 Newton steps")
            .Label($"seed {seed}: L-BFGS {lbfgs.Reason} |g| {lbfgs.GradientMaxNorm:G3}; Newton {newton.Reason} after {newton.Steps} steps, |g| {newton.GradientNorm:G3}");
    }

    /// <summary>Control: f = -|x|^2 / 2 has no minimum; the finish keeps lowering it and stops on its step budget, never by the gradient or plateau rule.</summary>
    [Fact]
    public void An_unbounded_loss_stops_on_the_budget_not_as_converged()
    {
        int n = 4;
        var o = new Closed(n, x => -x.Sum(v => v * v) / 2, x => x.Select(v => -v).ToArray(), _ => -Matrix<double>.Build.DenseIdentity(n));
        var start = new[] { 0.3, -0.1, 0.2, 0.05 };
        var r = NewtonFinish.Run(o, start, o.ValueAndGradient(start).Value, o.ValueAndGradient(start).Gradient, Minimiser with { MaxSteps = 20 });
        Assert.Equal(StopReason.Budget, r.Reason);
        Assert.True(r.Loss < -1, $"the loss went down to {r.Loss}");
    }

    /// <summary>Control: f = sum |x_i| is not smooth (its Hessian is 0 off the kinks); no Newton step exists and the finish says so by the line-search rule.</summary>
    [Fact]
    public void A_non_smooth_loss_stops_by_the_line_search_not_as_converged()
    {
        int n = 3;
        var o = new Closed(n, x => x.Sum(Math.Abs), x => x.Select(v => (double)Math.Sign(v)).ToArray(), _ => Matrix<double>.Build.Dense(n, n));
        var start = new[] { 0.5, -0.25, 1.0 };
        var r = NewtonFinish.Run(o, start, o.ValueAndGradient(start).Value, o.ValueAndGradient(start).Gradient, Minimiser);
        Assert.Equal(StopReason.LineSearch, r.Reason);
        Assert.Equal(0, r.Steps);
    }
}
