using System.Text.Json.Serialization;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Optimisation;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>
/// The settings that determine a tables run's numbers, and so its fingerprint (never --seeds, --jobs, --out or --shard).
/// Version tables/5: the checkpointed rows hold typed keys and their diagnostics small records (checkpoints of earlier
/// versions are refused).
/// </summary>
public sealed record TablesSettings([property: JsonConverter(typeof(BergmanNames.ProtocolJson))] SplitProtocol Protocol, double TrainRatio, TrainingOptions Training, string Version = TablesSettings.CurrentVersion)
{
    public const string CurrentVersion = "tables/5";

    /// <summary>
    /// The main protocol (`--finish none`): L-BFGS alone on a budget of 1500 evaluations. The Newton finish is not the
    /// default: measured on this machine (docs/tables.md), 100 Newton steps after 300 L-BFGS evaluations left the
    /// raw-input nets still descending (loss falling about 1% per 10 steps), at minutes per run.
    /// </summary>
    public static readonly TrainingOptions Default = new(MaxEvaluations: 1500);
    /// <summary>The CI's short protocol: L-BFGS alone, 300 evaluations.</summary>
    public static readonly TrainingOptions Quick = new(MaxEvaluations: 300);
    /// <summary>Newton steps of `--finish newton` unless `--newton-steps` says otherwise.</summary>
    public const int DefaultNewtonSteps = 100;

    /// <summary>
    /// The settings of the options, each checked here and nowhere else: `--max-evals` at least 2, `--newton-steps` at
    /// least 1 and only with `--finish newton`. The train ratio is checked against the data (<see cref="SplitRatio"/>).
    /// </summary>
    public static TablesSettings Create(SplitProtocol protocol, double trainRatio, Finish finish, bool quick, int? maxEvaluations = null, int? newtonSteps = null)
    {
        var training = quick ? Quick : Default;
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
