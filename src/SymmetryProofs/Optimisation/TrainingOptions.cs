namespace SymmetryProofs.Optimisation;

/// <summary>
/// When full-batch L-BFGS stops: the largest gradient entry falls below <see cref="GradientTolerance"/>
/// (a stationary point), or the loss fell by less than <see cref="PlateauTolerance"/> (relative) over
/// the last <see cref="PlateauWindow"/> iterations (a plateau), or <see cref="MaxEvaluations"/>
/// loss-and-gradient evaluations (full passes over the training set) are spent.
/// </summary>
public sealed record TrainingOptions(
    int MaxEvaluations = 3000,
    double GradientTolerance = 1e-6,
    double PlateauTolerance = 1e-7,
    int PlateauWindow = 50,
    int History = 20)
{
    /// <summary>These options for the one <see cref="Lbfgs"/>: max-abs gradient test, evaluation budget, plateau on, capped first step.</summary>
    public LbfgsOptions ToLbfgs() => new(
        History: History, GradientTolerance: GradientTolerance, Norm: GradientNorm.MaxAbs, MaxEvaluations: MaxEvaluations,
        PlateauWindow: PlateauWindow, PlateauTolerance: PlateauTolerance, CapFirstStep: true, MaxBacktracks: 40, RestartOnFailedLineSearch: true);

    /// <summary>The options in words, for reports.</summary>
    public string Describe() =>
        $"full-batch L-BFGS (history {History}, backtracking Armijo line search, c1 = 1e-4, step halving); " +
        $"stop when max |dL/dtheta| <= {GradientTolerance:G3}, or the loss falls by less than {PlateauTolerance:G3} (relative) " +
        $"over {PlateauWindow} iterations, or after {MaxEvaluations} loss-and-gradient evaluations";
}

public enum StopReason { Gradient, Plateau, Budget, LineSearch }
