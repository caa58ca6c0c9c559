using SymmetryProofs.Experiments.Parsing;
using SymmetryProofs.Optimisation;

namespace SymmetryProofs.Experiments.Bergman;

/// <summary>`--training`: how `tables` and `learning-curves` train a net (names: penalised, early-stopping, budget).</summary>
public enum TrainingProtocol
{
    /// <summary>
    /// The default: mean cross-entropy plus (lambda/2) |theta|^2 with the same lambda for every configuration, L-BFGS
    /// until the gradient or plateau rule; the evaluation budget is only a guard (a run that reaches it says so).
    /// </summary>
    Penalised,
    /// <summary>
    /// Early stopping: no penalty; L-BFGS on 4/5 of the training originals (with their shifts) until the mean
    /// cross-entropy on the other 1/5 has not improved for <see cref="TrainingProtocols.Patience"/> iterations; the net of
    /// the lowest validation loss is kept.
    /// </summary>
    EarlyStopping,
    /// <summary>The paper-like protocol: no penalty, L-BFGS on a fixed budget of evaluations (most runs end on it).</summary>
    Budget,
}

/// <summary>The spelling of <see cref="TrainingProtocol"/> and the options each one trains with.</summary>
public static class TrainingProtocols
{
    /// <summary>The one spelling of `--training`.</summary>
    public static readonly OptionNames<TrainingProtocol> Names = new("--training", (TrainingProtocol.Penalised, "penalised"), (TrainingProtocol.EarlyStopping, "early-stopping"), (TrainingProtocol.Budget, "budget"));

    /// <summary>lambda of the penalised protocol, chosen on the evidence in docs/tables.md.</summary>
    public const double DefaultPenalty = 1e-2;

    /// <summary>The penalised protocol's guard on evaluations: far above what its runs need (docs/tables.md), so reaching it is a finding, not the protocol.</summary>
    public const int PenalisedGuard = 20000;

    /// <summary>Early stopping's patience in L-BFGS iterations (the plateau rule's window).</summary>
    public const int Patience = 50;

    /// <summary>Early stopping's share of the training originals to fit on (the rest validate).</summary>
    public const double FitShare = 0.8;

    /// <summary>
    /// The options of <paramref name="protocol"/>: <paramref name="budget"/> is the budget protocol's fixed budget; the other
    /// two train to their rule under <see cref="PenalisedGuard"/>, unless <paramref name="quick"/> (the CI's smoke run), where
    /// <paramref name="budget"/> caps them too and most runs end on it.
    /// </summary>
    public static TrainingOptions Options(TrainingProtocol protocol, int budget, double? penalty = null, bool quick = false) => protocol switch
    {
        TrainingProtocol.Penalised => new TrainingOptions(MaxEvaluations: quick ? budget : PenalisedGuard, Penalty: penalty ?? DefaultPenalty),
        TrainingProtocol.EarlyStopping => new TrainingOptions(MaxEvaluations: quick ? budget : PenalisedGuard, Penalty: penalty ?? 0, Patience: Patience),
        TrainingProtocol.Budget => new TrainingOptions(MaxEvaluations: budget, Penalty: penalty ?? 0),
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, null),
    };

    /// <summary>The name of <paramref name="protocol"/>.</summary>
    public static string Name(this TrainingProtocol protocol) => Names.Name(protocol);
}
