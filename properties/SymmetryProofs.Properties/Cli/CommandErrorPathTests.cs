using SymmetryProofs.Checking;
using SymmetryProofs.Experiments.Runs;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Cli;

/// <summary>
/// Every command's error paths as a user meets them, each in its own process: bad input is exit 2
/// with one line naming the option or file, an internal error is exit 3 with one line, and neither
/// shows a stack trace or a native frame; a model that is merely odd (constant, detached) is judged.
/// </summary>
public sealed class CommandErrorPathTests(ITestOutputHelper output) : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("cli-errors").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(dir, name);

    private static readonly string[] Commands =
        ["info", "tables", "fetch-data", "hessian", "hessian bench", "sample-complexity", "learning-curves", "check", "representations", "readme", "merge"];

    private void AssertOneLine(CliProcess.Result r, int exit, string what, params string[] mentions)
    {
        output.WriteLine($"{what} -> exit {r.Exit}: {r.Err.Trim()}");
        Assert.True(r.Exit == exit, $"{what}: expected exit {exit}\n{r}");
        Assert.True(r.Err.Trim().Split('\n').Length == 1, $"{what}: more than one line on stderr\n{r}");
        Assert.False(r.Err.Contains("   at ", StringComparison.Ordinal) || r.Err.Contains("frame #", StringComparison.Ordinal), $"{what}: a stack trace or native frame\n{r}");
        foreach (var m in mentions) Assert.True(r.Err.Contains(m, StringComparison.Ordinal), $"{what}: does not mention '{m}'\n{r}");
    }

    [Fact]
    public void An_internal_error_in_any_command_is_exit_3_in_one_line()
    {
        var fault = new Dictionary<string, string> { [Guard.FaultVariable] = Guard.InjectedFault };
        foreach (var command in Commands)
        {
            string[] args = command == "merge" ? ["merge", "--out", Path("m"), Path("s")] : command.Split(' ');
            AssertOneLine(CliProcess.Run(fault, args), 3, command, "internal error", "a bug");
        }
    }

    [Fact]
    public void An_internal_error_inside_any_run_is_exit_3_in_one_line_and_releases_the_lock()
    {
        // The fault fires once the runner has locked --out: what a bug in a unit or a report looks like to the user.
        var fault = new Dictionary<string, string> { [Guard.FaultVariable] = Guard.InjectedRunFault };
        var runs = new[]
        {
            "tables --quick", "sample-complexity --quick", "learning-curves --quick", "hessian --quick", "hessian bench", "hessian bench --sweep --quick",
            "check --example odd-mlp", "representations --group d4",
        };
        foreach (var run in runs)
        {
            var folder = Path(run.Replace(' ', '_'));
            AssertOneLine(CliProcess.Run(fault, [.. run.Split(' '), "--out", folder]), 3, run, "internal error", Guard.InjectedRunFault);
            Assert.True(Directory.Exists(folder), $"{run}: the fault fires after --out is created");
            Assert.False(File.Exists(System.IO.Path.Combine(folder, ".lock-owner")), $"{run}: the lock's owner file outlives the run");
        }
    }

    [Fact]
    public void Bad_input_to_any_command_is_exit_2_in_one_line_naming_it()
    {
        var file = Path("a-file");
        File.WriteAllText(file, "");
        var garbage = Path("garbage.pt");
        File.WriteAllBytes(garbage, [0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
        var cases = new (string[] Args, string[] Mentions)[]
        {
            (["info", "--verbose"], ["--verbose"]),
            (["tables", "--seeds", "abc"], ["abc", "an integer"]),
            (["fetch-data", "--from", ""], ["--from"]),
            (["fetch-data", "--from", Path("none")], ["--from", "none"]),
            (["fetch-data", "--data", file, "--from", Path("none")], ["--data", "a-file"]),
            (["sample-complexity", "--seeds", "1"], ["--seeds"]),
            (["check", "--example", "odd-mlp", "--out", ""], ["--out"]),
            (["representations", "--group", "d4", "--out", ""], ["--out"]),
            (["check", "--example", "odd-mlp", "--export", ""], ["--export"]),
            (["check", "--example", "odd-mlp", "--export", "/proc/x.pt"], ["--export", "/proc/x.pt"]),
            (["check", "--model", garbage, "--shape", "8", "--group", "inversion", "--out", Path("c")], ["--model", "garbage.pt"]),
            (["check", "--model", garbage, "--shape", "65536x65536", "--group", "inversion", "--out", Path("c")], ["--shape", "65536x65536"]),
            (["representations", "--group", "so3", "--out", Path("r")], ["--group so3"]),
            (["representations", "--group", "inversion", "--shape", "65536x65536", "--out", Path("r")], ["--shape 65536x65536", "at most"]),
            (["readme", "--root", Path("none")], ["--root"]),
            (["merge", "--out", Path("m"), Path("none")], ["none"]),
            (["merge", "--out", Path("m"), dir], ["checkpoint.jsonl"]),
        };
        foreach (var (args, mentions) in cases)
        {
            var r = CliProcess.Run(args);
            AssertOneLine(r, 2, string.Join(" ", args), mentions);
            Assert.DoesNotContain("System.", r.Err, StringComparison.Ordinal);
        }
        Assert.False(Directory.Exists(Path("m")), "a refused merge creates no folder");
    }

    [Fact]
    public void A_constant_model_is_judged_invariant_and_a_model_that_raises_is_bad_input_with_its_message()
    {
        var constant = Path("constant.pt");
        TorchScriptArchive.Write(constant, ["return torch.zeros_like(torch.narrow(x, 1, 0, 1))"]);
        var held = CliProcess.Run("check", "--model", constant, "--shape", "8", "--group", "sign-flips", "--budget", "64", "--out", Path("constant"));
        output.WriteLine(held.ToString());
        Assert.True(held.Exit == 0, held.ToString());
        Assert.True(File.Exists(Path("constant/check.md")) && File.Exists(Path("constant/command.txt")), "check writes its report and command.txt");

        var raising = Path("raising.pt");
        // Raises in libtorch (a product of an 8-column matrix with itself) on inputs above 1.5 only, so part of the search runs first.
        TorchScriptArchive.Write(raising, ["if bool(torch.gt(torch.max(x), 1.5)):", "  return torch.mm(x, x)", "return torch.sum(x, [1], True)"]);
        var raised = CliProcess.Run("check", "--model", raising, "--shape", "8", "--group", "sign-flips", "--budget", "64", "--out", Path("raising"));
        AssertOneLine(raised, 2, "a model that raises", "raising.pt", "mat1 and mat2 shapes cannot be multiplied");
    }
}
