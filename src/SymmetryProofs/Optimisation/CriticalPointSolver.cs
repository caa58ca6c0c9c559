using SymmetryProofs.Objectives;

namespace SymmetryProofs.Optimisation;

/// <summary>Outcome of <see cref="CriticalPointSolver"/>: the point, its loss and gradient norm, and the work done.</summary>
public sealed record CriticalPoint(double[] Theta, double Loss, double GradientNorm, int LbfgsIterations, int NewtonSteps, bool Converged);

/// <summary>
/// Drives a loss to a critical point: the project's one <see cref="Lbfgs"/> (with
/// <see cref="LbfgsOptions"/>) to a loose tolerance, then the one second-order finish
/// (<see cref="NewtonFinish"/>, with <see cref="NewtonOptions"/>) to the target gradient norm: saddle-free
/// Newton steps with the full Hessian, near-null eigenvalues skipped, Levenberg damping before giving up.
/// </summary>
public sealed class CriticalPointSolver
{
    public int Memory { get; init; } = 20;
    public int MaxLbfgsIterations { get; init; } = 5000;
    public double LbfgsTolerance { get; init; } = 1e-6;
    public int MaxNewtonSteps { get; init; } = 30;
    public double Tolerance { get; init; } = 1e-8;
    /// <summary>Eigenvalues below this fraction of max |lambda| are not inverted (their inverse would be noise).</summary>
    public double NewtonEigenFloor { get; init; } = 1e-12;

    /// <summary>
    /// Newton steps from Hessian-vector products (<see cref="NewtonCg"/>) instead of the full
    /// Hessian's eigendecomposition: for nets where n x n storage and an O(n^3) solve per step cost
    /// too much (10,000 parameters: 800 MB and minutes per step).
    /// </summary>
    public bool HessianFree { get; init; }

    /// <summary>Conjugate-gradient iterations per Hessian-free Newton step (each one HVP).</summary>
    public int MaxCgIterations { get; init; } = 250;

    /// <summary>Where a Newton trial step lands (<see cref="Optimisation.Retraction"/>); null: the straight step.</summary>
    public Retraction? Retraction { get; init; }

    /// <summary>
    /// Rounds of L-BFGS then Newton at most. A Newton phase that ends short of <see cref="Tolerance"/> (on its step budget
    /// or line search) is followed by another round from where it stopped: saddle-free Newton started next to a saddle
    /// walks off it downhill, far from the next critical point, where L-BFGS is the better method; where Newton only ran
    /// out of steps, L-BFGS (already below its tolerance) returns at once and Newton continues. 1: one round.
    /// </summary>
    public int Rounds { get; init; } = 1;

    /// <summary>
    /// The L-BFGS phase's options for the one <see cref="Lbfgs"/>: |g|_2 (the norm Newton and the result
    /// report), a budget of <see cref="MaxLbfgsIterations"/> accepted steps, no plateau stop (the point
    /// must be critical, not merely stalled), a first step of t = 1 and halving down to t = 2^-66
    /// (67 trials), after which Newton takes over instead of restarting along -g.
    /// </summary>
    public LbfgsOptions LbfgsOptions => new(
        History: Memory, GradientTolerance: LbfgsTolerance, Norm: GradientNorm.L2, MaxIterations: MaxLbfgsIterations,
        PlateauWindow: 0, CapFirstStep: false, MaxBacktracks: 67, RestartOnFailedLineSearch: false);

    /// <summary>The Newton phase's options for the one <see cref="NewtonFinish"/>: |g|_2 to <see cref="Tolerance"/>, any step that lowers the loss or |g|_2, no plateau stop.</summary>
    public NewtonOptions NewtonOptions => new(
        MaxSteps: MaxNewtonSteps, GradientTolerance: Tolerance, Norm: GradientNorm.L2, PlateauWindow: 0, AcceptGradientDecrease: true, EigenFloor: NewtonEigenFloor,
        HessianFree: HessianFree, MaxCgIterations: MaxCgIterations, Retraction: Retraction);

    /// <summary>
    /// L-BFGS from <paramref name="start"/> to <see cref="LbfgsTolerance"/>, then Newton to <see cref="Tolerance"/>, for up to
    /// <see cref="Rounds"/> rounds while Newton falls short; <paramref name="log"/> hears every 50th L-BFGS step and every Newton step.
    /// The iteration and step counts are summed over the rounds.
    /// </summary>
    public CriticalPoint Solve(ITwiceDifferentiable objective, double[] start, Action<string>? log = null)
    {
        if (Rounds < 1) throw new ArgumentOutOfRangeException(nameof(Rounds), Rounds, "at least one round");
        var x = start;
        int iterations = 0, steps = 0;
        NewtonResult newton = null!;
        for (int round = 0; round < Rounds; round++)
        {
            if (round > 0) log?.Invoke($"round {round + 1}: L-BFGS again from |g| = {newton.GradientNorm:G3}");
            var lbfgs = Lbfgs.Minimise((xs, gs) =>
            {
                var (fv, gv) = objective.ValueAndGradient(xs.ToArray());
                gv.CopyTo(gs);
                return fv;
            }, x, LbfgsOptions, (k, norm, loss) =>
            {
                if (k % 50 == 0) log?.Invoke($"L-BFGS iteration {k}: |g| = {norm:G3}, loss = {loss:G12}");
            });
            if (lbfgs.Reason == StopReason.LineSearch)
                log?.Invoke($"L-BFGS line search stalled at iteration {lbfgs.Iterations}, |g| = {lbfgs.GradientNorm:G3}");
            newton = NewtonFinish.Run(objective, lbfgs.X, lbfgs.Loss, lbfgs.Gradient, NewtonOptions,
                (k, norm, loss) => log?.Invoke($"Newton step {k}: |g| = {norm:G3}, loss = {loss:G12}"));
            if (newton.Reason == StopReason.LineSearch)
                log?.Invoke($"Newton: no step length helped after {newton.Steps} step(s), |g| = {newton.GradientNorm:G3}");
            iterations += lbfgs.Iterations;
            steps += newton.Steps;
            x = newton.X;
            if (newton.GradientNorm < Tolerance) break;
        }
        return new CriticalPoint(newton.X, newton.Loss, newton.GradientNorm, iterations, steps, newton.GradientNorm < Tolerance);
    }
}
