using System.CommandLine;
using SymmetryProofs.Experiments;

var root = new RootCommand(
    "SymmetryProofs experiments: the paper's tables, Hessian spectra of augmented training, " +
    "and sample-complexity curves. Each command writes CSV, Markdown and PNG files to --out.");
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(TablesCommand.Create());
root.Subcommands.Add(FetchDataCommand.Create());
root.Subcommands.Add(HessianCommand.Create());
root.Subcommands.Add(SampleComplexityCommand.Create());
root.Subcommands.Add(CheckCommand.Create());

return root.Parse(args).Invoke();
