using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Objectives;
using SymmetryProofs.Optimisation;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Optimisation;

/// <summary>
/// The critical-point solver's rounds (<see cref="CriticalPointSolver.Rounds"/>): started beside a saddle, L-BFGS stops at
/// its tolerance next to it, saddle-free Newton walks off it downhill (doubling the distance each step) and runs out of its 10 steps far from a critical
/// point; the next round's L-BFGS reaches the minimum and Newton finishes there.
/// </summary>
public class CriticalPointSolverTests(ITestOutputHelper output)
{
    // The minima's curvatures are 1 and 2: |g| <= 1e-9 puts the point within 1e-9 of a minimum, far above float64 rounding.
    private const double Tolerance = 1e-9;

    /// <summary>f = x^2 / 2 + (y^2 - 1)^2 / 4 in closed form.</summary>
    private sealed class Saddle : ITwiceDifferentiable
    {
        public int Dimension => 2;
        public (double Value, double[] Gradient) ValueAndGradient(double[] p) =>
            (p[0] * p[0] / 2 + (p[1] * p[1] - 1) * (p[1] * p[1] - 1) / 4, [p[0], p[1] * p[1] * p[1] - p[1]]);
        public Matrix<double> Hessian(double[] p, Action<int>? progress = null) =>
            Matrix<double>.Build.DenseOfArray(new[,] { { 1, 0 }, { 0, 3 * p[1] * p[1] - 1 } });
        public double[] HessianVectorProduct(double[] p, double[] v) => (Hessian(p) * Vector<double>.Build.DenseOfArray(v)).ToArray();
    }

    private static (bool Holds, string Label, bool FirstRoundShort) Verdict(SaddleCase c)
    {
        var solver = new CriticalPointSolver { Tolerance = Tolerance, MaxNewtonSteps = 10, Rounds = c.Rounds };
        double[] start = [c.XTenths / 10.0, Math.Sign(c.SignedExponent) * Math.Pow(10, -Math.Abs(c.SignedExponent))];
        var cp = solver.Solve(new Saddle(), start);
        bool atMinimum = Math.Abs(cp.Theta[0]) < 1e-8 && Math.Abs(Math.Abs(cp.Theta[1]) - 1) < 1e-8;
        return (cp.Converged && cp.GradientNorm < Tolerance && atMinimum,
            $"{c}: converged {cp.Converged}, |g| {cp.GradientNorm:G3} at ({cp.Theta[0]:G3}, {cp.Theta[1]:G6}), {cp.LbfgsIterations} L-BFGS iterations, {cp.NewtonSteps} Newton steps",
            cp.NewtonSteps > solver.MaxNewtonSteps);
    }

    [Fact]
    public void Started_beside_a_saddle_three_rounds_reach_a_minimum()
    {
        var coverage = new Coverage(output).AtLeast(0.9, "first Newton phase ran out of steps", "the second round is what is tested");
        coverage.Check(Prop.ForAll(Arbs.SaddleCases(), c =>
        {
            var (holds, label, shortFirst) = Verdict(c);
            return coverage.Case((holds, label), ("first Newton phase ran out of steps", shortFirst));
        }));
    }

    /// <summary>Negative control: one round ends where Newton's 10 steps left it, walking off the saddle, not at a critical point.</summary>
    [Fact]
    public void One_round_stops_short_beside_a_saddle()
    {
        var found = NegativeControl.Require(Arbs.Dropped.OneRound(), c => Verdict(c).Holds, output);
        var shrunk = found.ShrunkAs<SaddleCase>();
        Assert.True(shrunk.Rounds == 1 && shrunk.XTenths == 5 && shrunk.SignedExponent == 7, $"Expected the smallest start (0.5, 1e-7) with one round; got {shrunk}.");
    }

    [Fact]
    public void Rounds_below_one_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CriticalPointSolver { Rounds = 0 }.Solve(new Saddle(), [1, 0]));
}
