using System.CommandLine;
using SymmetryProofs.Experiments.Publishing;

namespace SymmetryProofs.Cli.Commands;

/// <summary>`readme`: options in, <see cref="ReadmeResults.Run"/> out.</summary>
internal static class ReadmeCommand
{
    public static Command Create()
    {
        var root = new Option<string>("--root") { Description = "The repository's top folder (holding README.md and docs/results).", DefaultValueFactory = _ => "." };
        var check = new Option<bool>("--check") { Description = "Only compare: exit 1 when the README's results section is stale." };
        var command = new Command("readme", "Rewrite the README's results section from the headlines of the reports under docs/results/.");
        command.Options.Add(root);
        command.Options.Add(check);
        command.SetAction(parse => Program.Guarded("readme", () => ReadmeResults.Run(parse.GetValue(root)!, parse.GetValue(check), ConsoleRunLog.Create())));
        return command;
    }
}
