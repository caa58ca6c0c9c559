using System.Text.Json.Nodes;
using SymmetryProofs.Experiments.Hessian;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Experiments.Hessian;

/// <summary>
/// `hessian bench --sweep` on three tiny nets (8 inputs, 40 samples, one repeat; about a second):
/// the files and their fields, extrapolation labelled when a limit is hit, and a resumed sweep that
/// reuses every checkpointed net. Timings are not asserted (speed belongs in the bench's reports).
/// Serial: the sweep forces garbage collections (see <see cref="SerialCollection"/>).
/// </summary>
[Collection(SerialCollection.Name)]
public class BenchSweepTests(ITestOutputHelper output) : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), $"bench-sweep-{Guid.NewGuid():N}");

    private static BenchSettings Tiny(double maxPhaseSeconds = 600) =>
        new(new BenchNets(["8-2-3", "8-4-3", "8-6-4-3"], WithBiases: true), new BenchData(40), new BenchMethod(Repeats: 1, Threads: 1, ChunkElements: null),
            new BenchLimits(maxPhaseSeconds, MaxMemoryMb: 8192, BudgetSeconds: 60, BudgetMb: 4096));

    [Fact]
    public void A_tiny_sweep_writes_every_field_and_resumes_from_its_checkpoint()
    {
        var log = new TextRunLog(new StringWriter());
        Assert.Equal(ExitCodes.Ok, BenchSweep.Run(Tiny(), dir, log));
        foreach (var file in new[] { "bench.md", "bench.json", "bench.png", Checkpoint<BenchRow>.FileName }) Assert.True(File.Exists(Path.Combine(dir, file)), file);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "bench.json")))!;
        var nets = json["nets"]!.AsArray();
        Assert.Equal([27, 51, 97], nets.Select(n => (int)n!["n_params"]!).ToArray());
        foreach (var field in new[] { "n_samples", "gradient_ms", "hvp_ms", "hvp_over_gradient", "full_hessian_s", "eigendecomposition_s", "full_hessian_plus_spectrum_s", "peak_memory_mb" })
            Assert.All(nets, n => Assert.NotNull(n![field]));
        Assert.All(nets, n => Assert.Equal("measured", (string?)n!["eigendecomposition_source"]));
        Assert.Equal(1, (int)json["torch_threads"]!);
        Assert.Contains(json["fits"]!.AsArray(), f => (string?)f!["cost"] == "full_hessian_plus_spectrum_s" && (int)f["measured_nets"]! == 3);
        var settings = json["settings"]!;
        Assert.Equal(["8-2-3", "8-4-3", "8-6-4-3"], settings["net"]!["nets"]!.AsArray().Select(n => (string)n!).ToArray());
        Assert.Equal(40, (int)settings["data"]!["samples"]!);
        Assert.Equal(1, (int)settings["method"]!["threads"]!);
        Assert.Equal(60, (double)settings["limits"]!["budget_s"]!);
        // run.json keeps the settings as their records: read back, they serialise to the same JSON (what `merge` and a resume rely on).
        var back = RunRecord.Read(dir).SettingsAs<BenchSettings>();
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(Tiny()), System.Text.Json.JsonSerializer.Serialize(back));
        Assert.True(File.Exists(Path.Combine(dir, RunRecord.FileName)));
        output.WriteLine(File.ReadAllText(Path.Combine(dir, "bench.md")));

        var again = new TextRunLog(new StringWriter());
        Assert.Equal(ExitCodes.Ok, BenchSweep.Run(Tiny(), dir, again));
        Assert.Contains(again.Lines, l => l.Contains("resume: 3 finished unit(s) reused"));
        Assert.Contains(again.Lines, l => l.Contains("0 to run"));
    }

    /// <summary>
    /// With a phase limit below any prediction, no Hessian is built: each is extrapolated as n_params HVPs and
    /// labelled so, and the eigendecomposition, with nothing measured to extrapolate from, is reported as not run.
    /// </summary>
    [Fact]
    public void A_phase_over_its_limit_is_extrapolated_and_labelled()
    {
        Assert.Equal(ExitCodes.Ok, BenchSweep.Run(Tiny(maxPhaseSeconds: 1e-12), dir, new TextRunLog(new StringWriter())));
        var nets = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "bench.json")))!["nets"]!.AsArray();
        Assert.All(nets, n => Assert.StartsWith("extrapolated: ", (string?)n!["full_hessian_source"]));
        Assert.All(nets, n => Assert.StartsWith("not run", (string?)n!["eigendecomposition_source"]));
        Assert.All(nets, n => Assert.True((bool)n!["extrapolated"]!));
        var md = File.ReadAllText(Path.Combine(dir, "bench.md"));
        Assert.Contains(" *", md);
        Assert.Contains("No practical limit could be computed", md);
    }

    [Fact]
    public void Bad_nets_are_bad_input_naming_the_option()
    {
        var e = Assert.Throws<InputException>(() => BenchSweep.Run(Tiny() with { Nets = new BenchNets(["8-x-3"], true) }, dir, new TextRunLog(new StringWriter())));
        Assert.Contains("--nets", e.Message);
        Assert.Throws<InputException>(() => BenchSweep.Run(Tiny() with { Nets = new BenchNets(["8-2-3", "8-2-3"], true) }, dir, new TextRunLog(new StringWriter())));
    }

    public void Dispose()
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }
}
