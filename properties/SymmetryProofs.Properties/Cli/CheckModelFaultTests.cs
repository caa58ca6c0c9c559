using SymmetryProofs.Checking;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Cli;

/// <summary>
/// `check` on TorchScript files that fail the way users' models do, each in its own process: a model that casts to
/// float32 run in float64, one whose output has the wrong shape (at the first batch or only at a later one) or is a
/// tuple, one that raises on some inputs, code that libtorch cannot compile (it aborts the process that loads it) is
/// exit 2 in one line with libtorch's reason and a hint, never 1 and never a stack trace or a native frame; a detached
/// output is judged (exit 0), and so are a float32 convolution and models that pin float32 checked in float32.
/// </summary>
public sealed class CheckModelFaultTests(ITestOutputHelper output) : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("check-faults").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(dir, name);

    private CliProcess.Result Check(string name, string[] body, params string[] extra) => CheckReturning(name, body, "Tensor", extra);

    private CliProcess.Result CheckReturning(string name, string[] body, string returns, params string[] extra)
    {
        var file = Path(name + ".pt");
        TorchScriptArchive.Write(file, body, returns);
        var r = CliProcess.Run(["check", "--model", file, "--shape", "8", "--budget", "64", "--out", Path(name), .. extra]);
        output.WriteLine($"{name} {string.Join(" ", extra)} -> {r}");
        Assert.False(r.Err.Contains("   at ", StringComparison.Ordinal), $"{name}: a stack trace\n{r}");
        Assert.False(r.Err.Contains("frame #", StringComparison.Ordinal), $"{name}: a native frame\n{r}");
        return r;
    }

    private static void BadInput(CliProcess.Result r, params string[] mentions)
    {
        Assert.True(r.Exit == 2, $"expected exit 2\n{r}");
        Assert.True(r.Err.Trim().Split('\n').Length == 1, $"more than one line on stderr\n{r}");
        foreach (var m in mentions) Assert.True(r.Err.Contains(m, StringComparison.Ordinal), $"does not mention '{m}'\n{r}");
    }

    // The weights follow the input's dtype, as parameters converted by .to(float64) would; the input is cast to float32.
    private static readonly string[] CastsToFloat32 = ["w = torch.ones([8, 1], dtype=x.dtype)", "return torch.mm(x.float(), w)"];

    // The same with an even function: invariant under sign flips.
    private static readonly string[] EvenCastsToFloat32 = ["w = torch.ones([8, 1], dtype=x.dtype)", "y = x.float()", "return torch.mm(y * y, w)"];

    [Fact]
    public void A_model_that_casts_to_float32_is_bad_input_in_float64_with_a_hint_and_judged_in_float32()
    {
        BadInput(Check("casts", CastsToFloat32, "--group", "sign-flips"), "casts.pt", "same dtype", "use --dtype float32");
        // In float32 its twin cannot run in float64: it is checked without one, against the estimated floor, and judged.
        var odd = Check("casts32", CastsToFloat32, "--group", "sign-flips", "--dtype", "float32");
        Assert.True(odd.Exit == 1, $"the odd model is not invariant\n{odd}");
        var even = Check("even32", EvenCastsToFloat32, "--group", "sign-flips", "--dtype", "float32");
        Assert.True(even.Exit == 0, $"the even model is invariant\n{even}");
        Assert.Contains("estimated: the model casts to float32 inside forward", even.Out);
    }

    [Fact]
    public void A_model_whose_float64_run_returns_float32_is_checked_in_float32()
    {
        // No parameters: handed float64 it runs, but computes and returns float32; a float64 verdict at 1e-9 would read the
        // rounding of a float32 sum in another order (a permutation of its terms) as a violation.
        var file = Path("returns32.pt");
        TorchScriptArchive.Write(file, ["y = x.float()", "return torch.sum(y * y, [1], True)"]);
        var r = CliProcess.Run("check", "--model", file, "--shape", "7", "--group", "permutations", "--budget", "200", "--out", Path("returns32"));
        output.WriteLine(r.ToString());
        Assert.True(r.Exit == 0, r.ToString());
        Assert.Contains("float32", r.Out.Split('\n').First(l => l.StartsWith("PASS", StringComparison.Ordinal)));
    }

    [Fact]
    public void Code_that_does_not_compile_is_bad_input_with_libtorchs_message_not_an_abort()
    {
        // libtorch compiles the archive's code in jit.load and calls std::terminate on this error: only the probe process dies.
        var r = Check("nosuchop", ["return torch.no_such_op(x)"], "--group", "inversion");
        BadInput(r, "nosuchop.pt", "Unknown builtin op: aten::no_such_op", "line 7", "SIGABRT");
        Assert.DoesNotContain("terminate called", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tuple_output_and_a_model_that_raises_on_some_inputs_are_bad_input()
    {
        BadInput(CheckReturning("tuple", ["return (x, x)"], "Tuple[Tensor, Tensor]", "--group", "inversion"), "tuple.pt", "did not return one tensor");
        // Raises only away from the origin (max |x_i| > 2), on some of the Gaussian inputs the search tries.
        string[] body =
        [
            "if bool(torch.gt(torch.max(torch.abs(x)), 2.0)):",
            "  ops.prim.RaiseException(\"too large\", \"builtins.ValueError\")",
            "else:",
            "  pass",
            "return torch.sum(x * x, [1], True)",
        ];
        BadInput(Check("raises", body, "--group", "inversion"), "raises.pt", "ValueError: too large");
    }

    [Fact]
    public void A_wrong_output_shape_is_bad_input_at_the_first_batch_or_a_later_one()
    {
        BadInput(Check("scalar", ["return torch.sum(x)"], "--group", "sign-flips"), "scalar.pt", "shape []");
        // Right for a batch of one (the first probe), wrong for every larger batch of the search.
        BadInput(Check("onerow", ["return torch.sum(torch.narrow(x, 0, 0, 1), [1], True)"], "--group", "sign-flips"), "onerow.pt", "expected [");
    }

    [Fact]
    public void A_detached_output_is_judged()
    {
        var even = Check("detached", ["return torch.sum(x * x, [1], True).detach()"], "--group", "sign-flips");
        Assert.True(even.Exit == 0, even.ToString());
        var odd = Check("detached-bug", ["return torch.sum(x, [1], True).detach()"], "--group", "sign-flips");
        Assert.True(odd.Exit == 1, odd.ToString());
    }

    [Fact]
    public void A_float32_convolution_is_judged_in_float32()
    {
        string[] conv =
        [
            "w = torch.ones([4, 1, 3, 3], dtype=x.dtype)",
            "y = torch.conv2d(torch.reshape(x, [-1, 1, 8, 8]), w, None, [1, 1], [1, 1])",
            "return torch.sum(y, [1, 2, 3])",
        ];
        var file = Path("conv.pt");
        TorchScriptArchive.Write(file, conv);
        var r = CliProcess.Run("check", "--model", file, "--shape", "8x8", "--group", "inversion", "--output-rep", "negation", "--dtype", "float32", "--budget", "200", "--out", Path("conv"));
        output.WriteLine(r.ToString());
        Assert.True(r.Exit == 0, r.ToString());
    }
}
