using System.CommandLine;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.LearningCurves;

namespace SymmetryProofs.Cli.Commands;

/// <summary>`learning-curves`: options in, <see cref="LearningCurvesExperiment.Run"/> out.</summary>
internal static class LearningCurvesCommand
{
    public static Command Create()
    {
        var common = new CommonOptions("results/learning-curves", 5, 2,
            $"2 seeds, fractions {string.Join(",", LearningCurvesSettings.QuickFractions.Select(LearningCurvesSettings.Label))} and a budget of {LearningCurvesSettings.Quick.MaxEvaluations} evaluations per run (instead of {LearningCurvesSettings.Default.MaxEvaluations}).");
        var fractions = new Option<string?>("--fractions") { Description = "Fractions of the training originals, comma-separated (default 1/32,1/16,1/8,1/4,1/2,1)." };
        var targets = new Option<string>("--targets") { Description = "Symmetric accuracies (R + R-bar)/2 whose sample counts and data gains are reported.", DefaultValueFactory = _ => "0.7,0.8" };
        var ratio = new Option<double>("--train-ratio") { Description = "Fraction of each class's originals in the training side of the split (stratified).", DefaultValueFactory = _ => 0.8 };
        var maxEvals = new Option<int?>("--max-evals") { Description = "Override the budget of loss-and-gradient evaluations per run." };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap replicates for the intervals of sample counts and data gains.", DefaultValueFactory = _ => 2000 };
        var command = new Command("learning-curves", "Accuracy, over-fitting and training time against training size on the digits: augmentation vs invariant features vs the plain net (Bergman's abstract).");
        common.AddTo(command, withData: true);
        foreach (var o in new Option[] { fractions, targets, ratio, maxEvals, bootstrap }) command.Options.Add(o);
        command.SetAction(parse => Program.Guarded("learning-curves", () =>
        {
            var settings = LearningCurvesSettings.Create(parse.GetValue(ratio), parse.GetValue(common.Quick), parse.GetValue(maxEvals),
                parse.GetValue(fractions), parse.GetValue(targets)!, parse.GetValue(bootstrap));
            return LearningCurvesExperiment.Run(settings, common.Read(parse), DataDirectory.Resolve(parse.GetValue(common.Data)), ConsoleRunLog.Create());
        }));
        return command;
    }
}
