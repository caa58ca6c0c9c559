using System.CommandLine;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Tables;

namespace SymmetryProofs.Cli.Commands;

/// <summary>`tables`: options in, <see cref="TablesExperiment.Run"/> out.</summary>
internal static class TablesCommand
{
    public static Command Create()
    {
        var common = new CommonOptions("results/tables", 10, 2, $"2 seeds and every protocol capped at {TablesSettings.QuickBudget} evaluations per run (a smoke run: most runs end on that budget).");
        var training = new Option<string>("--training")
        {
            Description = $"penalised: mean cross-entropy + (lambda/2)|theta|^2, lambda = {TrainingProtocols.DefaultPenalty:G3} for every configuration, L-BFGS to the gradient or plateau rule (default); early-stopping: no penalty, stop on a validation split of the training originals; budget: no penalty, L-BFGS on a fixed budget of {TablesSettings.Budget} evaluations (the paper-like protocol).",
            DefaultValueFactory = _ => "penalised",
        };
        var penalty = new Option<double?>("--penalty") { Description = "Override lambda of the penalty (lambda/2)|theta|^2 (0 = none)." };
        var protocol = new Option<string>("--protocol")
        {
            Description = "split-first: split the 1797 digits, then enlarge each side (default); paper: enlarge, then split.",
            DefaultValueFactory = _ => "split-first",
        };
        var ratio = new Option<double>("--train-ratio") { Description = "Fraction of each class used for training (stratified).", DefaultValueFactory = _ => 0.8 };
        var maxEvals = new Option<int?>("--max-evals") { Description = "Override the L-BFGS budget (the penalised protocol's guard) of loss-and-gradient evaluations per run." };
        var finish = new Option<string>("--finish")
        {
            Description = $"none: L-BFGS alone on its evaluation budget (default); newton: then Newton steps with the exact Hessian until the gradient or plateau rule, or the Newton budget (--newton-steps, default {TablesSettings.DefaultNewtonSteps}).",
            DefaultValueFactory = _ => "none",
        };
        var baseline = new Option<string?>("--baseline") { Description = "A tables.csv (or its folder) of another run with the same seeds, e.g. a --finish none run: tables.md compares this run's accuracies with it, seed by seed." };
        var newtonSteps = new Option<int?>("--newton-steps") { Description = "Override the budget of Newton steps per run (with --finish newton)." };
        var command = new Command("tables", "Reproduce Bergman's Tables 1 and 2 on the UCI digits, mean +- std over seeds.");
        common.AddTo(command, withData: true);
        foreach (var o in new Option[] { protocol, training, penalty, ratio, maxEvals, finish, newtonSteps, baseline }) command.Options.Add(o);
        command.SetAction(parse => Program.Guarded("tables", () =>
        {
            var settings = TablesSettings.Create(BergmanNames.Protocol.Parse(parse.GetValue(protocol)!), parse.GetValue(ratio),
                FinishNames.Names.Parse(parse.GetValue(finish)!), parse.GetValue(common.Quick), parse.GetValue(maxEvals), parse.GetValue(newtonSteps),
                TrainingProtocols.Names.Parse(parse.GetValue(training)!), parse.GetValue(penalty));
            return TablesExperiment.Run(settings, common.Read(parse), DataDirectory.Resolve(parse.GetValue(common.Data)), ConsoleRunLog.Create(), parse.GetValue(baseline));
        }));
        return command;
    }
}
