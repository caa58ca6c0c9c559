namespace SymmetryProofs.Optimisation;

/// <summary>
/// When full-batch L-BFGS stops: the largest gradient entry falls below <see cref="GradientTolerance"/>
/// (a stationary point), or the loss fell by less than <see cref="PlateauTolerance"/> (relative) over
/// the last <see cref="PlateauWindow"/> iterations (a plateau), or <see cref="MaxEvaluations"/>
/// loss-and-gradient evaluations (full passes over the training set) are spent. With
/// <see cref="NewtonSteps"/> &gt; 0, a run L-BFGS did not stop on the gradient rule goes on with the one
/// second-order finish (<see cref="NewtonFinish"/>, exact Hessian of <see cref="Objectives.MlpObjective"/>) to
/// the same max |g_i| tolerance, or until the loss falls by less than <see cref="NewtonPlateauTolerance"/>
/// (relative) over <see cref="NewtonPlateauWindow"/> Newton steps, or no step length lowers the loss, or
/// <see cref="NewtonSteps"/> Newton steps are spent (then the run stopped on the budget). With
/// <see cref="Penalty"/> lambda &gt; 0 both phases minimise the mean cross-entropy plus (lambda/2) |theta|^2
/// (<see cref="Objectives.L2Penalty"/>), and every rule (gradient, plateau) speaks of that penalised loss. With
/// <see cref="Patience"/> &gt; 0 and a validation set, L-BFGS also stops when the validation loss has not improved for that
/// many iterations, and the trained net is the one of the lowest validation loss (early stopping).
/// </summary>
public sealed record TrainingOptions(
    int MaxEvaluations = 3000,
    double GradientTolerance = 1e-6,
    double PlateauTolerance = 1e-7,
    int PlateauWindow = 50,
    int History = 20,
    int NewtonSteps = 0,
    double NewtonPlateauTolerance = 1e-12,
    int NewtonPlateauWindow = 3,
    double Penalty = 0,
    int Patience = 0)
{
    /// <summary>Whether training stops early on a validation set: when its loss has not improved for <see cref="Patience"/> L-BFGS iterations (the best point is kept).</summary>
    public bool StopsEarly => Patience > 0;

    /// <summary>Whether a second-order finish follows L-BFGS.</summary>
    public bool Finishes => NewtonSteps > 0;

    /// <summary>The finish's options for the one <see cref="NewtonFinish"/>: the trainer's max |g_i| test and tolerance, Armijo on the loss, plateau on.</summary>
    public NewtonOptions ToNewton() => new(
        MaxSteps: NewtonSteps, GradientTolerance: GradientTolerance, Norm: GradientNorm.MaxAbs,
        PlateauWindow: NewtonPlateauWindow, PlateauTolerance: NewtonPlateauTolerance, AcceptGradientDecrease: false, AdaptiveDamping: true);

    /// <summary>These options for the one <see cref="Lbfgs"/>: max-abs gradient test, evaluation budget, plateau on, capped first step.</summary>
    public LbfgsOptions ToLbfgs() => new(
        History: History, GradientTolerance: GradientTolerance, Norm: GradientNorm.MaxAbs, MaxEvaluations: MaxEvaluations,
        PlateauWindow: PlateauWindow, PlateauTolerance: PlateauTolerance, CapFirstStep: true, MaxBacktracks: 40, RestartOnFailedLineSearch: true);

    /// <summary>The options in words, for reports.</summary>
    public string Describe() =>
        (Penalty > 0 ? $"loss = mean cross-entropy + ({Penalty:G3}/2) |theta|^2 over every parameter; " : "loss = mean cross-entropy, no penalty; ") +
        $"full-batch L-BFGS (history {History}, backtracking Armijo line search, c1 = 1e-4, step halving); " +
        $"stop when max |dL/dtheta| <= {GradientTolerance:G3}, or the loss falls by less than {PlateauTolerance:G3} (relative) " +
        $"over {PlateauWindow} iterations, or after {MaxEvaluations} loss-and-gradient evaluations" +
        (StopsEarly ? $", or when the validation loss has not improved for {Patience} iterations (early stopping; the net of the lowest validation loss is kept)" : "") +
        (Finishes
            ? $"; then, unless the gradient rule stopped it, Newton steps with the exact Hessian (saddle-free |lambda|, near-null eigenvalues skipped, " +
              $"Levenberg-Marquardt damping set by the ratio of the actual to the predicted decrease, a step accepted on Armijo's decrease) to the same max |dL/dtheta| <= {GradientTolerance:G3}, " +
              $"or until the loss falls by less than {NewtonPlateauTolerance:G3} (relative) over {NewtonPlateauWindow} Newton steps, or no step lowers the loss (line search), " +
              $"or after {NewtonSteps} Newton steps (budget)"
            : "; no second-order finish");
}

/// <summary>Why training stopped: the gradient rule, a plateau of the loss, the budget, a failed line search, or early stopping on validation loss.</summary>
public enum StopReason { Gradient, Plateau, Budget, LineSearch, Validation }
