using SymmetryProofs;
using SymmetryProofs.Experiments.Hessian;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Properties.Support;

namespace SymmetryProofs.Properties.Experiments.Hessian;

/// <summary>
/// `hessian bench` (one net) on the shared runner, on a tiny net (8 inputs, 40 samples, one repeat; about a second):
/// the reports beside command.txt and run.json, the exit code from the checks, and bad input refused before the
/// folder exists. Timings are not asserted (speed belongs in the bench's reports).
/// Serial: the bench forces garbage collections (see <see cref="SerialCollection"/>).
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class BenchExperimentTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), $"bench-single-{Guid.NewGuid():N}");

    private static BenchSettings Tiny(params string[] nets) =>
        new(new BenchNets(nets, WithBiases: true), new BenchData(40), new BenchMethod(Repeats: 1, Threads: 1, ChunkElements: null),
            new BenchLimits(600, MaxMemoryMb: 8192, BudgetSeconds: 60, BudgetMb: 4096));

    [Fact]
    public void The_single_bench_writes_its_reports_with_the_runners_records()
    {
        var log = new TextRunLog(new StringWriter());
        Assert.Equal(ExitCodes.Ok, HessianBench.Run(Tiny("8-3-3"), dir, log, ["hessian", "bench", "--nets", "8-3-3"]));
        foreach (var file in new[] { "bench.md", "bench.json", "bench.png", RunRecord.FileName, "command.txt" }) Assert.True(File.Exists(Path.Combine(dir, file)), file);
        Assert.Equal("hessian bench", RunRecord.Read(dir).Experiment);
        Assert.Contains("--nets", File.ReadAllText(Path.Combine(dir, "command.txt")), StringComparison.Ordinal);
        Assert.Contains(log.Lines, l => l.StartsWith("holds: R-operator Hessian equals the autograd Hessian", StringComparison.Ordinal));
        // The headline: its stated rule in bench.md, and in bench.json the median of its repeats' wall times.
        Assert.Contains(BenchHeadline.Rule, File.ReadAllText(Path.Combine(dir, "bench.md")), StringComparison.Ordinal);
        var headline = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "bench.json")))!["autograd"]!["headline"]!;
        var walls = headline["walls_s"]!.AsArray().Select(w => w!.GetValue<double>()).ToArray();
        Assert.Equal(BenchHeadline.Repeats, walls.Length);
        Assert.Equal(BenchTiming.MedianOf(walls), headline["median_s"]!.GetValue<double>());
    }

    /// <summary>Control: two nets are bad input for the single bench, refused before anything is created.</summary>
    [Fact]
    public void Two_nets_are_refused_before_the_folder_exists()
    {
        var e = Assert.Throws<InputException>(() => HessianBench.Run(Tiny("8-3-3", "8-4-3"), dir, new TextRunLog(new StringWriter())));
        Assert.StartsWith("--nets", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    public void Dispose()
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }
}
