using System.CommandLine;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Runtime;

namespace SymmetryProofs.Cli.Commands;

/// <summary>Shows that TorchSharp loads and computes here, the first thing to check on a new machine.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", "Print the runtime, TorchSharp's version and a float64 autograd smoke test.");
        command.SetAction(_ => Program.Guarded("info", () =>
        {
            Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
            Console.WriteLine(TorchSetup.Describe());
            return ExitCodes.Ok;
        }));
        return command;
    }
}
