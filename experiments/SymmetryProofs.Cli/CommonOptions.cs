using System.CommandLine;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Cli;

/// <summary>
/// The one options vocabulary of the sweep commands: --out, --seeds, --jobs, --shard, --quick, --data.
/// Each command adds these and reads them back with <see cref="RunOptions"/>; only defaults differ.
/// </summary>
internal sealed class CommonOptions
{
    public Option<string?> Out { get; }
    public Option<int?> Seeds { get; }
    public Option<int> Jobs { get; } = new("--jobs") { Description = "Units run at once, each on one thread (results never depend on it).", DefaultValueFactory = _ => Math.Min(2, Environment.ProcessorCount) };
    public Option<string?> Shard { get; } = new("--shard") { Description = "Run part i of N of the sweep (i/N, e.g. 2/4), for a batch-scheduler array; auto or auto/N reads the part from a Slurm array job or a Kubernetes indexed Job (JOB_COMPLETION_INDEX, with N given); join the parts with `merge`." };
    public Option<bool> Quick { get; }
    public Option<string?> Data { get; } = new("--data") { Description = "Directory holding optdigits.tes (default: $SYMMETRYPROOFS_DATA, else the shipped data/optdigits)." };
    private readonly string defaultOut;
    private readonly int fullSeeds, quickSeeds;

    public CommonOptions(string defaultOut, int fullSeeds, int quickSeeds, string quickDescription)
    {
        this.defaultOut = defaultOut;
        this.fullSeeds = fullSeeds;
        this.quickSeeds = quickSeeds;
        Out = new("--out") { Description = $"Output folder (default {defaultOut}); locked while the run writes it; a rerun into it continues where it stopped." };
        Seeds = new("--seeds") { Description = $"Number of seeds, numbered 0..N-1 (default {fullSeeds}, or {quickSeeds} with --quick)." };
        Quick = new("--quick") { Description = quickDescription };
    }

    public void AddTo(Command command, bool withData)
    {
        foreach (var o in new Option[] { Out, Seeds, Jobs, Shard, Quick }) command.Options.Add(o);
        if (withData) command.Options.Add(Data);
    }

    /// <summary>The shared options of one invocation, validated (an <see cref="InputException"/> names the bad one).</summary>
    public RunOptions Read(ParseResult parse) =>
        RunOptions.Create(parse.GetValue(Out) ?? defaultOut, parse.GetValue(Seeds) ?? (parse.GetValue(Quick) ? quickSeeds : fullSeeds), parse.GetValue(Jobs), parse.GetValue(Shard))
            with { CommandLine = Program.CommandLine };
}
