using System.CommandLine;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Cli.Commands;

/// <summary>`merge --out DIR SHARD...`: joins the shards of one sweep and writes the reports a single run would write.</summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to join the shards in; the reports are written there.", Required = true };
        var shards = new Argument<string[]>("shards") { Description = "The --out folders of the shard runs (--shard 1/N ... N/N), each once.", Arity = ArgumentArity.OneOrMore };
        var allowCompute = new Option<bool>("--allow-compute") { Description = "Join even when a shard is missing or given twice, computing here the units no shard holds (otherwise refused, listed)." };
        var command = new Command("merge", "Join the checkpoints of sharded runs (--shard i/N) by unit and settings fingerprint, and write the reports of the whole sweep without computing.");
        command.Options.Add(output);
        command.Options.Add(allowCompute);
        command.Arguments.Add(shards);
        command.SetAction(parse => Program.Guarded("merge", () =>
            Merge.Run(parse.GetValue(output)!, parse.GetValue(shards)!, Program.Mergeable, ConsoleRunLog.Create(), parse.GetValue(allowCompute))));
        return command;
    }
}
