namespace SymmetryProofs.Optimisation;

/// <summary>
/// The knobs of the one second-order finish (<see cref="NewtonFinish"/>). Two callers set them differently:
/// <list type="bullet">
/// <item><see cref="CriticalPointSolver"/> seeks a critical point: |g|_2 test, a step is accepted when it
/// lowers the loss or the gradient norm (<see cref="AcceptGradientDecrease"/>), no plateau stop.</item>
/// <item>The full-batch trainer (<see cref="TrainingOptions.NewtonSteps"/>) seeks a minimum: max |g_i| test
/// (the trainer's norm), a step must satisfy Armijo's sufficient decrease of the loss, or, once the loss no
/// longer changes in float64, keep the loss and lower the gradient norm; plateau stop on.</item>
/// </list>
/// </summary>
/// <param name="MaxSteps">Accepted Newton steps at most; reaching it is <see cref="StopReason.Budget"/>.</param>
/// <param name="GradientTolerance">Stop (<see cref="StopReason.Gradient"/>) when the gradient's norm is at most this.</param>
/// <param name="Norm">Which norm of the gradient the test uses.</param>
/// <param name="PlateauWindow">Stop (<see cref="StopReason.Plateau"/>) when the loss fell by at most <see cref="PlateauTolerance"/> (relative) over this many steps; 0 = off.</param>
/// <param name="PlateauTolerance">Relative loss decrease that counts as a plateau.</param>
/// <param name="AcceptGradientDecrease">Accept a step that lowers |g|_2 even if the loss rises (critical points, not minima).</param>
/// <param name="EigenFloor">Eigenvalues below this fraction of max |lambda| are not inverted (their inverse would be noise).</param>
/// <param name="MaxHalvings">Step halvings tried per damping level before the next, larger damping; with <paramref name="AdaptiveDamping"/>, rejected trials per step.</param>
/// <param name="AdaptiveDamping">Levenberg-Marquardt damping carried from step to step and set by the model's predicted decrease (the minimiser's), instead of undamped-first halving (the critical-point search's).</param>
/// <param name="InitialDamping">The first step's damping, as a fraction of max |lambda|, with <paramref name="AdaptiveDamping"/>.</param>
/// <param name="HessianFree">Directions by conjugate gradients on Hessian-vector products (<see cref="NewtonCg"/>) instead of the full Hessian's eigendecomposition, for nets too large for n x n storage; with the halving step only.</param>
/// <param name="MaxCgIterations">Conjugate-gradient iterations (one HVP each) per Hessian-free direction.</param>
/// <param name="Retraction">Where a trial step lands (<see cref="Optimisation.Retraction"/>); null: the straight step x + d.</param>
public sealed record NewtonOptions(
    int MaxSteps = 30,
    double GradientTolerance = 1e-8,
    GradientNorm Norm = GradientNorm.L2,
    int PlateauWindow = 0,
    double PlateauTolerance = 0,
    bool AcceptGradientDecrease = true,
    double EigenFloor = 1e-12,
    int MaxHalvings = 30,
    bool AdaptiveDamping = false,
    double InitialDamping = 1e-4,
    bool HessianFree = false,
    int MaxCgIterations = 250,
    Retraction? Retraction = null);
