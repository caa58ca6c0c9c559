using System.CommandLine;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.LearningCurves;

namespace SymmetryProofs.Cli.Commands;

/// <summary>`learning-curves`: options in, <see cref="LearningCurvesExperiment.Run"/> out.</summary>
internal static class LearningCurvesCommand
{
    public static Command Create()
    {
        var common = new CommonOptions("results/learning-curves", 5, 2,
            $"2 seeds, fractions {string.Join(",", LearningCurvesSettings.QuickFractions.Select(LearningCurvesSettings.Label))} and every protocol capped at {LearningCurvesSettings.QuickBudget} evaluations per run (a smoke run).");
        var training = new Option<string>("--training")
        {
            Description = $"penalised: mean cross-entropy + (lambda/2)|theta|^2, lambda = {TrainingProtocols.DefaultPenalty:G3}, L-BFGS to the gradient or plateau rule (default); early-stopping: no penalty, stop on a validation split of the training originals; budget: no penalty, a fixed budget of {LearningCurvesSettings.Budget} evaluations (the paper-like protocol).",
            DefaultValueFactory = _ => "penalised",
        };
        var penalty = new Option<double?>("--penalty") { Description = "Override lambda of the penalty (lambda/2)|theta|^2 (0 = none)." };
        var lossTargets = new Option<string?>("--loss-targets") { Description = $"Mean training cross-entropies whose time (seconds, evaluations) to reach is compared (default {string.Join(",", LearningCurvesSettings.DefaultLossTargets)})." };
        var fractions = new Option<string?>("--fractions") { Description = "Fractions of the training originals, comma-separated (default 1/32,1/16,1/8,1/4,1/2,1)." };
        var targets = new Option<string>("--targets") { Description = "Symmetric accuracies (R + R-bar)/2 whose sample counts and data gains are reported.", DefaultValueFactory = _ => "0.7,0.8" };
        var ratio = new Option<double>("--train-ratio") { Description = "Fraction of each class's originals in the training side of the split (stratified).", DefaultValueFactory = _ => 0.8 };
        var maxEvals = new Option<int?>("--max-evals") { Description = "Override the budget (the penalised protocol's guard) of loss-and-gradient evaluations per run." };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap replicates for the intervals of sample counts and data gains.", DefaultValueFactory = _ => 2000 };
        var command = new Command("learning-curves", "Accuracy, over-fitting and training time against training size on the digits: augmentation vs invariant features vs the plain net (Bergman's abstract).");
        common.AddTo(command, withData: true);
        foreach (var o in new Option[] { fractions, targets, training, penalty, lossTargets, ratio, maxEvals, bootstrap }) command.Options.Add(o);
        command.SetAction(parse => Program.Guarded("learning-curves", () =>
        {
            var settings = LearningCurvesSettings.Create(parse.GetValue(ratio), parse.GetValue(common.Quick), parse.GetValue(maxEvals),
                parse.GetValue(fractions), parse.GetValue(targets)!, parse.GetValue(bootstrap),
                TrainingProtocols.Names.Parse(parse.GetValue(training)!), parse.GetValue(penalty), parse.GetValue(lossTargets));
            return LearningCurvesExperiment.Run(settings, common.Read(parse), DataDirectory.Resolve(parse.GetValue(common.Data)), ConsoleRunLog.Create());
        }));
        return command;
    }
}
