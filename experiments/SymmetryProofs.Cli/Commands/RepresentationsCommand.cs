using System.CommandLine;
using SymmetryProofs.Experiments.Representations;

namespace SymmetryProofs.Cli.Commands;

/// <summary>`representations`: options in, <see cref="RepresentationsExperiment.Run"/> out.</summary>
internal static class RepresentationsCommand
{
    public static Command Create()
    {
        var group = new Option<string[]>("--group") { Description = "A catalogue group to decompose (repeat for several; `check --list` lists them). Without it: every catalogue group on 8x8 images and the small vector groups.", AllowMultipleArgumentsPerToken = true };
        var shape = new Option<string?>("--shape") { Description = "Input shape the groups act on: HxW (image, row-major) or D (R^D). Default 8x8 (R^2 for so2)." };
        var power = new Option<int>("--power") { Description = "Decompose the k-th tensor power of the action (dimension at most 512).", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Directory for representations.md, .csv and .json.", DefaultValueFactory = _ => Path.Combine("results", "representations") };
        var command = new Command("representations", "Decompose group actions into irreducibles, solve the equivariant maps End_G, and check both against characters. Exit 0 all checks hold, 1 one fails, 2 bad input.");
        foreach (var o in new Option[] { group, shape, power, output }) command.Options.Add(o);
        command.SetAction(parse => Program.Guarded("representations", () => RepresentationsExperiment.Run(
            new RepresentationsRequest(parse.GetValue(group) ?? [], parse.GetValue(shape), parse.GetValue(power), parse.GetValue(output)!) { CommandLine = Program.CommandLine }, ConsoleRunLog.Create())));
        return command;
    }
}
