using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Objectives;
using SymmetryProofs.Optimisation;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Optimisation;

/// <summary>
/// Newton's finish with a <see cref="Retraction"/> in a curved, nearly flat valley (a ring whose floor rises by 1e-4 to 1e-6
/// of its walls' curvature, as an augmented net's loss along its approximate symmetry orbit): with the steps landing along
/// the ring it reaches |g| &lt;= 1e-9 within the hessian runner's 25 steps; straight steps leave the ring, are cut by
/// halving and run out of steps.
/// </summary>
public class RetractionTests(ITestOutputHelper output)
{
    /// <summary>The critical-point search's options as the hessian runner sets them: 25 steps to |g|_2 &lt;= 1e-9.</summary>
    private static NewtonOptions Options(Retraction? retraction) =>
        new CriticalPointSolver { Tolerance = Tolerance, MaxNewtonSteps = 25, Retraction = retraction }.NewtonOptions;

    // The floor's gradient is 10^-Softness sin theta, at least 1e-6 x 0.2: 1e-9 is far below it and far above float64's ~1e-16 rounding.
    private const double Tolerance = 1e-9;

    /// <summary>The ring objective of <see cref="RingCase"/>, value, gradient and Hessian in closed form.</summary>
    private sealed class Ring(double softness) : ITwiceDifferentiable
    {
        public int Dimension => 2;

        public (double Value, double[] Gradient) ValueAndGradient(double[] p)
        {
            double x = p[0], y = p[1], r = Math.Sqrt(x * x + y * y), r3 = r * r * r;
            // d(x/r) = (y^2, -x y) / r^3.
            return ((r - 1) * (r - 1) / 2 + softness * (1 - x / r),
                [(r - 1) * x / r - softness * y * y / r3, (r - 1) * y / r + softness * x * y / r3]);
        }

        public Matrix<double> Hessian(double[] p, Action<int>? progress = null)
        {
            double x = p[0], y = p[1], r = Math.Sqrt(x * x + y * y), r3 = r * r * r, r5 = r3 * r * r;
            var n = Vector<double>.Build.DenseOfArray([x / r, y / r]);
            // (r - 1)^2 / 2: n n^T + (r - 1) (I - n n^T) / r; x / r: second derivatives below.
            var h = n.OuterProduct(n) + (r - 1) / r * (Matrix<double>.Build.DenseIdentity(2) - n.OuterProduct(n));
            double cxx = -3 * y * y * x / r5, cxy = 2 * y / r3 - 3 * y * y * y / r5, cyy = -x / r3 + 3 * x * y * y / r5;
            return h - softness * Matrix<double>.Build.DenseOfArray(new[,] { { cxx, cxy }, { cxy, cyy } });
        }

        public double[] HessianVectorProduct(double[] p, double[] v) => (Hessian(p) * Vector<double>.Build.DenseOfArray(v)).ToArray();
    }

    /// <summary>Along the ring: the step's tangent part (the ring's tangent is (-y, x)) is a rotation, the rest is taken straight.</summary>
    private static double[] AlongRing(double[] p, double[] d)
    {
        double a = (-p[1] * d[0] + p[0] * d[1]) / (p[0] * p[0] + p[1] * p[1]);
        double qx = p[0] + d[0] + a * p[1], qy = p[1] + d[1] - a * p[0];
        return [Math.Cos(a) * qx - Math.Sin(a) * qy, Math.Sin(a) * qx + Math.Cos(a) * qy];
    }

    private static (bool Holds, string Label) Verdict(RingCase c)
    {
        var ring = new Ring(Math.Pow(10, -c.Softness));
        double angle = c.AngleTenths / 10.0;
        double[] start = [Math.Cos(angle), Math.Sin(angle)];
        var (f0, g0) = ring.ValueAndGradient(start);
        var r = NewtonFinish.Run(ring, start, f0, g0, Options(c.AlongRing ? AlongRing : null));
        // At |g| <= 1e-9 the angle is within |g| / softness <= 1e-3 of the minimum's and the radius within 1e-9 of 1.
        double theta = Math.Atan2(r.X[1], r.X[0]), radius = Math.Sqrt(r.X[0] * r.X[0] + r.X[1] * r.X[1]);
        bool holds = r.Reason == StopReason.Gradient && r.GradientNorm <= Tolerance && Math.Abs(theta) < 1e-3 && Math.Abs(radius - 1) < 1e-8;
        return (holds, $"{c}: {r.Reason} after {r.Steps} step(s), |g| {r.GradientNorm:G3}, angle {theta:G3}, radius - 1 = {radius - 1:G3}");
    }

    [Fact]
    public void Newton_steps_along_the_valley_reach_the_tolerance_within_25_steps()
    {
        var coverage = new Coverage(output).AtLeast(0.3, "start at least 0.6 rad round", "a long way round is where straight steps fail");
        coverage.Check(Prop.ForAll(Arbs.RingCases(), c => coverage.Case(Verdict(c), ("start at least 0.6 rad round", Math.Abs(c.AngleTenths) >= 6))));
    }

    /// <summary>Negative control: straight steps (no retraction) leave the ring, are cut by halving and run out of their 25 steps; FsCheck shrinks to a start close to the smallest angle that fails.</summary>
    [Fact]
    public void Straight_steps_run_out_of_steps()
    {
        var found = NegativeControl.Require(Arbs.Dropped.StraightSteps(), c => Verdict(c).Holds, output);
        var shrunk = found.ShrunkAs<RingCase>();
        Assert.True(!shrunk.AlongRing && shrunk.AngleTenths > 0, $"Expected straight steps from a positive angle (the shrink flips the side); got {shrunk}.");
    }
}
