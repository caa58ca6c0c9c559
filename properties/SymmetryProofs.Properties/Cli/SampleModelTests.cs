using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Cli;

/// <summary>
/// `check` from the command line on the sample models a PyTorch user writes (samples/models, saved with
/// torch.jit.script by make_models.py), each with its declared input and output representations: the C4
/// group-convolution CNN on [B, 2, 8, 8] into the regular representation, the DeepSets net on [B, 6, 3] under S_6,
/// the distance net on [B, 8, 3] under SO(3) and O(3). The correct ones exit 0; each planted bug exits 1 with a
/// counterexample shrunk to one non-zero input coordinate and a generator of the group.
/// </summary>
public sealed class SampleModelTests(ITestOutputHelper output) : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("check-samples").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    public static TheoryData<string, string, string, string> Models() => new()
    {
        { "c4_gcnn", "2x8x8", "rotations", "regular" },
        { "deepsets", "6x3", "sets", "trivial" },
        { "cloud", "8x3", "so3", "trivial" },
        { "cloud", "8x3", "o3", "trivial" },
        // float32 parameters, x.float() inside forward: checked in float32 against the estimated rounding floor (make_float32_models.py).
        { "float32_cast", "6x3", "sets", "trivial" },
    };

    private CliProcess.Result Check(string model, string shape, string group, string rep)
    {
        var file = Path.Combine(Repository.Root(), "samples", "models", model + ".pt");
        var r = CliProcess.Run("check", "--model", file, "--shape", shape, "--group", group, "--output-rep", rep, "--budget", "300",
            "--out", Path.Combine(dir, $"{model}-{group}"));
        output.WriteLine($"{model} under {group} -> {r}");
        Assert.False(r.Err.Contains("   at ", StringComparison.Ordinal), $"a stack trace\n{r}");
        return r;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_correct_model_passes_and_its_planted_bug_fails_with_a_shrunk_counterexample(string model, string shape, string group, string rep)
    {
        var holds = Check(model, shape, group, rep);
        Assert.True(holds.Exit == 0, $"expected exit 0\n{holds}");
        Assert.Contains("PASS", holds.Out);
        var broken = Check(model + "_bug", shape, group, rep);
        Assert.True(broken.Exit == 1, $"expected exit 1\n{broken}");
        var shrunk = broken.Out.Split('\n').Single(l => l.StartsWith("shrunk counterexample:", StringComparison.Ordinal));
        // One coordinate: "x = 0 except x[i] = v", and no second "x[" in the line.
        Assert.Contains("x = 0 except x[", shrunk);
        Assert.Equal(1, shrunk.Split("x[").Length - 1);
        Assert.Contains($"--group {group}", broken.Out);
    }
}
