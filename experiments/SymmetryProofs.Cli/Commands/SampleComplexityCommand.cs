using System.CommandLine;
using SymmetryProofs.Experiments.SampleComplexity;

namespace SymmetryProofs.Cli.Commands;

/// <summary>`sample-complexity`: options in, <see cref="SampleComplexityExperiment.Run"/> out.</summary>
internal static class SampleComplexityCommand
{
    public static Command Create()
    {
        var common = new CommonOptions("results/sample-complexity", SampleComplexityDesign.FullSeeds, SampleComplexityDesign.QuickSeeds, $"{SampleComplexityDesign.QuickSeeds} seeds, n = 2^6..2^10 (about a minute on 2 idle cores); the full run uses {SampleComplexityDesign.FullSeeds} seeds and n = 2^6..2^16 (about 8 minutes on 2 idle cores).");
        var maxLog2 = new Option<int?>("--max-log2") { Description = "Override the largest n as a power of two (8..16)." };
        var command = new Command("sample-complexity", "Learning curves of plain vs invariant kernel ridge regression: rate exponents and sample gains vs Tahmasebi & Jegelka.");
        common.AddTo(command, withData: false);
        command.Options.Add(maxLog2);
        command.SetAction(parse => Program.Guarded("sample-complexity", () =>
            SampleComplexityExperiment.Run(new SampleComplexitySettings(parse.GetValue(common.Quick), parse.GetValue(maxLog2)), common.Read(parse), ConsoleRunLog.Create())));
        return command;
    }
}
