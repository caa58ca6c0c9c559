namespace SymmetryProofs.Optimisation;

/// <summary>Which norm of the gradient the stopping test of <see cref="Lbfgs"/> compares with its tolerance.</summary>
public enum GradientNorm
{
    /// <summary>max_i |g_i|: per-parameter, independent of the parameter count (the tables' training rule).</summary>
    MaxAbs,

    /// <summary>|g|_2: the norm Newton's polish in <see cref="CriticalPointSolver"/> drives down, so both phases speak of one quantity.</summary>
    L2,
}

/// <summary>
/// The knobs of the one L-BFGS (<see cref="Lbfgs"/>). Two callers set them differently, and each
/// default here is the full-batch trainer's (<see cref="TrainingOptions.ToLbfgs"/>), so the tables
/// run exactly the loop they always ran:
/// <list type="bullet">
/// <item><see cref="Norm"/>: the trainer stops on max |g_i| (per parameter); the critical-point
/// solver on |g|_2, the norm its Newton phase and its reported <c>GradientNorm</c> use.</item>
/// <item><see cref="MaxEvaluations"/> vs <see cref="MaxIterations"/>: the trainer's budget is full
/// passes over the data (evaluations, line-search trials included); the solver counts accepted
/// steps, since it runs to a tolerance and the budget is only a guard. Either left at
/// <see cref="int.MaxValue"/> is off.</item>
/// <item><see cref="PlateauWindow"/>: the trainer stops when the loss stalls over that many
/// iterations; 0 turns the test off (the solver must reach the gradient tolerance, not a stall).</item>
/// <item><see cref="CapFirstStep"/>: with no curvature pairs the direction is -g, whose length means
/// nothing; the trainer caps that step to length 1, the solver starts at t = 1.</item>
/// <item><see cref="MaxBacktracks"/> and <see cref="RestartOnFailedLineSearch"/>: the trainer halves
/// at most 40 times and, if that fails with curvature pairs, drops them and retries along -g; the
/// solver halves down to t = 2^-66 (67 trials) and on failure stops (Newton takes over).</item>
/// </list>
/// </summary>
public sealed record LbfgsOptions(
    int History = 20,
    double GradientTolerance = 1e-6,
    GradientNorm Norm = GradientNorm.MaxAbs,
    int MaxEvaluations = int.MaxValue,
    int MaxIterations = int.MaxValue,
    int PlateauWindow = 0,
    double PlateauTolerance = 0,
    bool CapFirstStep = true,
    int MaxBacktracks = 40,
    bool RestartOnFailedLineSearch = true);

/// <summary>Called by <see cref="Lbfgs"/> before each step with the accepted-step count, the gradient norm (in the chosen norm) and the loss.</summary>
public delegate void LbfgsProgress(int iteration, double gradientNorm, double loss);

/// <summary>Called by <see cref="Lbfgs"/> after each accepted step with the point, its loss and the evaluations spent so far; true ends the run.</summary>
public delegate bool LbfgsStep(double[] x, double loss, int evaluations);
