using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Objectives;
using SymmetryProofs.Spectra;

namespace SymmetryProofs.Optimisation;

/// <summary>Outcome of <see cref="NewtonFinish.Run"/>: the last accepted point, its loss and gradient, the steps and evaluations spent, and why it stopped.</summary>
public sealed record NewtonResult(double[] X, double Loss, double[] Gradient, double GradientNorm, int Steps, int Evaluations, int Hessians, StopReason Reason);

/// <summary>Called after each Newton step with the accepted-step count, the gradient norm and the loss.</summary>
public delegate void NewtonProgress(int step, double gradientNorm, double loss);

/// <summary>
/// The project's one second-order finish, shared by <see cref="CriticalPointSolver"/> and the full-batch trainer:
/// from a point L-BFGS left, Newton steps with the exact Hessian. Each step diagonalises the Hessian
/// (<see cref="SymmetricSpectrum"/>) and divides the gradient's components by |lambda_i| + mu max|lambda|
/// (saddle-free: a negative eigenvalue sends the step downhill, not towards the saddle), skipping the
/// near-null eigenvalues, whose directions are the flat ones this project studies and carry no gradient at
/// a critical point. Two ways to pick mu, one per caller (<see cref="NewtonOptions.AdaptiveDamping"/>): the
/// critical-point search tries the undamped step (mu = 0) with step halving, then mu = 1e-8 ... 1e-2; the
/// minimiser carries a Levenberg-Marquardt mu from step to step, set by the ratio of actual to predicted
/// decrease. When no trial is accepted the finish stops with <see cref="StopReason.LineSearch"/>; it stops with
/// <see cref="StopReason.Gradient"/>, <see cref="StopReason.Plateau"/> or <see cref="StopReason.Budget"/> by
/// <see cref="NewtonOptions"/>. A trial step d lands at x + d, or where <see cref="NewtonOptions.Retraction"/> takes it.
/// </summary>
public static class NewtonFinish
{
    private static readonly double[] Damping = [0, 1e-8, 1e-6, 1e-4, 1e-2];
    private const double ArmijoC1 = 1e-4;

    /// <summary>Newton from <paramref name="x0"/>, where the loss is <paramref name="f0"/> and the gradient <paramref name="g0"/> (as L-BFGS left them).</summary>
    public static NewtonResult Run(ITwiceDifferentiable objective, double[] x0, double f0, double[] g0, NewtonOptions options, NewtonProgress? progress = null)
    {
        if (options.HessianFree && options.AdaptiveDamping)
            throw new ArgumentException("The Hessian-free finish takes the halving step only: the adaptive damping's model decrease needs the spectrum.", nameof(options));
        var x = Vector<double>.Build.DenseOfArray(x0);
        var g = Vector<double>.Build.DenseOfArray(g0);
        double f = f0;
        int steps = 0, evaluations = 0, hessians = 0;
        var losses = new List<double> { f };
        double mu = options.InitialDamping;
        while (true)
        {
            if (Norm(g, options.Norm) <= options.GradientTolerance) return Done(StopReason.Gradient);
            if (steps >= options.MaxSteps) return Done(StopReason.Budget);
            double gNorm = g.L2Norm();
            bool accepted;
            if (options.HessianFree)
                accepted = HalvingStep(objective, NewtonCg.Direction(objective, x, g, options.MaxCgIterations), options, gNorm, ref x, ref f, ref g, ref evaluations);
            else
            {
                var (h, _) = TorchObjective.Symmetrised(objective.Hessian(x.ToArray()));
                hessians++;
                var spec = SymmetricSpectrum.Of(h);
                var coeff = spec.Vectors.TransposeThisAndMultiply(g);
                accepted = options.AdaptiveDamping
                    ? TrustRegionStep(objective, spec, coeff, options, ref x, ref f, ref g, ref mu, ref evaluations)
                    : HalvingStep(objective, mu => Direction(spec, coeff, mu, options.EigenFloor), options, gNorm, ref x, ref f, ref g, ref evaluations);
            }
            if (!accepted) return Done(StopReason.LineSearch);
            steps++;
            losses.Add(f);
            progress?.Invoke(steps, Norm(g, options.Norm), f);
            if (Norm(g, options.Norm) > options.GradientTolerance && options.PlateauWindow > 0 && steps >= options.PlateauWindow)
            {
                double past = losses[steps - options.PlateauWindow];
                if (past - f <= options.PlateauTolerance * Math.Abs(past)) return Done(StopReason.Plateau);
            }
        }

        NewtonResult Done(StopReason reason) => new(x.ToArray(), f, g.ToArray(), Norm(g, options.Norm), steps, evaluations, hessians, reason);
    }

    /// <summary>The step of <see cref="CriticalPointSolver"/>: undamped first with step halving, then Levenberg damping mu = 1e-8 ... 1e-2, each with halving; <paramref name="direction"/> gives the step for a damping.</summary>
    private static bool HalvingStep(ITwiceDifferentiable objective, Func<double, Vector<double>> direction, NewtonOptions options, double gNorm,
        ref Vector<double> x, ref double f, ref Vector<double> g, ref int evaluations)
    {
        foreach (double mu in Damping)
        {
            var d = direction(mu);
            double gtd = g.DotProduct(d);
            double t = 1;
            for (int tries = 0; tries < options.MaxHalvings; tries++, t *= 0.5)
            {
                var xNew = Land(x, t * d, options.Retraction);
                var (fNew, gv) = objective.ValueAndGradient(xNew.ToArray());
                evaluations++;
                var gNew = Vector<double>.Build.DenseOfArray(gv);
                if (double.IsFinite(fNew) && Accept(fNew, gNew.L2Norm(), f, gNorm, t * gtd, options.AcceptGradientDecrease))
                {
                    x = xNew; f = fNew; g = gNew;
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// The minimiser's step, Levenberg-Marquardt style (a trust region in the eigenbasis): d(mu) with the damping mu
    /// carried from step to step; the ratio of the actual to the model's predicted decrease (the model with |lambda|)
    /// shrinks mu after a good step (so near the minimum the step is Newton's and converges quadratically) and grows
    /// it after a poor or rejected one (so far from it the step bends towards -g and shortens). A rejected trial costs one
    /// evaluation, not a new Hessian. Gives up after <see cref="NewtonOptions.MaxHalvings"/> rejections.
    /// </summary>
    private static bool TrustRegionStep(ITwiceDifferentiable objective, SymmetricSpectrum spec, Vector<double> coeff, NewtonOptions options,
        ref Vector<double> x, ref double f, ref Vector<double> g, ref double mu, ref int evaluations)
    {
        double gNorm = g.L2Norm();
        for (int tries = 0; tries < options.MaxHalvings; tries++)
        {
            var d = Direction(spec, coeff, mu, options.EigenFloor);
            // Model decrease -(g.d + d.|H|.d / 2) = sum_i c_i^2 (1/a_i - 1/(2 a_i^2) |lambda_i|) with a_i = |lambda_i| + mu max|lambda|.
            double predicted = 0;
            for (int i = 0; i < spec.Dimension; i++)
                if (Math.Abs(spec.Values[i]) > options.EigenFloor * spec.MaxAbs)
                {
                    double a = Math.Abs(spec.Values[i]) + mu * spec.MaxAbs;
                    predicted += coeff[i] * coeff[i] * (1 / a - Math.Abs(spec.Values[i]) / (2 * a * a));
                }
            var xNew = Land(x, d, options.Retraction);
            var (fNew, gv) = objective.ValueAndGradient(xNew.ToArray());
            evaluations++;
            var gNew = Vector<double>.Build.DenseOfArray(gv);
            double ratio = (f - fNew) / predicted;
            if (double.IsFinite(fNew) && (ratio >= ArmijoC1 || (fNew <= f && gNew.L2Norm() < gNorm)))
            {
                x = xNew; f = fNew; g = gNew;
                mu = ratio > 0.75 ? mu / 4 : ratio < 0.25 ? Math.Max(mu * 4, MinDamping) : mu;
                if (mu < MinDamping) mu = 0;
                return true;
            }
            mu = Math.Max(mu * 4, MinDamping);
        }
        return false;
    }

    /// <summary>The trial point: x + d, or where <paramref name="retraction"/> takes the step d from x.</summary>
    private static Vector<double> Land(Vector<double> x, Vector<double> d, Retraction? retraction) =>
        retraction is null ? x + d : Vector<double>.Build.DenseOfArray(retraction(x.ToArray(), d.ToArray()));

    /// <summary>Smallest nonzero damping: below it the damped step equals Newton's to float64 anyway.</summary>
    private const double MinDamping = 1e-12;

    /// <summary>d = -sum_i c_i / (|lambda_i| + mu max|lambda|) v_i over the eigenvalues above the floor.</summary>
    private static Vector<double> Direction(SymmetricSpectrum spec, Vector<double> coeff, double mu, double floor)
    {
        var d = Vector<double>.Build.Dense(spec.Dimension);
        for (int i = 0; i < spec.Dimension; i++)
            if (Math.Abs(spec.Values[i]) > floor * spec.MaxAbs)
                d -= coeff[i] / (Math.Abs(spec.Values[i]) + mu * spec.MaxAbs) * spec.Vectors.Column(i);
        return d;
    }

    /// <summary>
    /// A critical-point search accepts any step that lowers the loss or |g|_2. A minimiser asks for Armijo's
    /// sufficient decrease; once the loss is flat to float64 (the decrease Armijo asks is below its rounding),
    /// a step that keeps the loss and lowers |g|_2 is still progress towards the minimum.
    /// </summary>
    private static bool Accept(double fNew, double gNew, double f, double g, double slope, bool gradientDecrease) =>
        gradientDecrease
            ? gNew < g || fNew < f
            : fNew <= f + ArmijoC1 * slope || (fNew <= f && gNew < g);

    private static double Norm(Vector<double> g, GradientNorm norm) => norm == GradientNorm.L2 ? g.L2Norm() : g.AbsoluteMaximum();
}
