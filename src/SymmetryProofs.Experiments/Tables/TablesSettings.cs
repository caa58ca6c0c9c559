using System.Text.Json.Serialization;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Optimisation;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>
/// The settings that determine a tables run's numbers, and so its fingerprint (never --seeds, --jobs, --out or --shard).
/// Version tables/7: training has a protocol (penalised, the default, or budget), the options carry the penalty, and
/// the loss and gradient come from the fused managed pass (<see cref="Objectives.FusedCrossEntropy"/>), whose last bits
/// differ from autograd's (checkpoints of earlier versions are refused).
/// </summary>
public sealed record TablesSettings([property: JsonConverter(typeof(BergmanNames.ProtocolJson))] SplitProtocol Protocol, double TrainRatio, TrainingOptions Training, string Version = TablesSettings.CurrentVersion)
{
    public const string CurrentVersion = "tables/7";

    /// <summary>The budget protocol's fixed budget (the paper-like training, `--training budget`).</summary>
    public const int Budget = 1500;
    /// <summary>The budget protocol's budget with --quick.</summary>
    public const int QuickBudget = 300;

    /// <summary>The main protocol: penalised, to the gradient or plateau rule.</summary>
    public static readonly TrainingOptions Default = TrainingProtocols.Options(TrainingProtocol.Penalised, Budget);
    /// <summary>Newton steps of `--finish newton` unless `--newton-steps` says otherwise.</summary>
    public const int DefaultNewtonSteps = 100;

    /// <summary>
    /// The settings of the options, each checked here and nowhere else: `--max-evals` at least 2, `--penalty` finite and at
    /// least 0, `--newton-steps` at least 1 and only with `--finish newton`. The train ratio is checked against the data (<see cref="SplitRatio"/>).
    /// `--quick` (the CI's smoke run) caps every protocol at <see cref="QuickBudget"/> evaluations.
    /// </summary>
    public static TablesSettings Create(SplitProtocol protocol, double trainRatio, Finish finish, bool quick, int? maxEvaluations = null, int? newtonSteps = null,
        TrainingProtocol trainingProtocol = TrainingProtocol.Penalised, double? penalty = null)
    {
        if (penalty is double p && (p < 0 || !double.IsFinite(p))) throw new InputException($"--penalty: got {p}; expected a finite number at least 0.");
        var training = TrainingProtocols.Options(trainingProtocol, quick ? QuickBudget : Budget, penalty, quick);
        if (maxEvaluations is int budget)
        {
            if (budget < 2) throw new InputException($"--max-evals: got {budget}; expected at least 2.");
            training = training with { MaxEvaluations = budget };
        }
        if (newtonSteps is int steps)
        {
            if (finish != Finish.Newton) throw new InputException("--newton-steps: given with --finish none; Newton steps need --finish newton.");
            if (steps < 1) throw new InputException($"--newton-steps: got {steps}; expected at least 1.");
        }
        if (finish == Finish.Newton) training = training with { NewtonSteps = newtonSteps ?? DefaultNewtonSteps };
        return new TablesSettings(protocol, trainRatio, training);
    }
}
