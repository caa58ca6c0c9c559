using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Cli;

/// <summary>
/// The runner's own error paths for every command that writes an --out folder, each in its own process: a folder
/// that cannot be created is bad input (exit 2, one line naming it), and merge, like every other run, turns an
/// internal error after it has locked its folder into exit 3 in one line and releases the lock.
/// </summary>
public sealed class RunnerErrorPathTests(ITestOutputHelper output) : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("runner-errors").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>Under /proc no folder can be made, for any user (Linux, where the tests run).</summary>
    private const string Unwritable = "/proc/symmetryproofs-out";

    private static readonly string[] Runs =
    [
        "tables --quick", "sample-complexity --quick", "learning-curves --quick", "hessian --quick", "hessian bench --sweep --quick",
        "check --example odd-mlp", "representations --group d4",
    ];

    private CliProcess.Result Logged(string what, CliProcess.Result r)
    {
        output.WriteLine($"{what} -> exit {r.Exit}: {r.Err.Trim()}");
        return r;
    }

    [Fact]
    public void An_out_folder_that_cannot_be_made_is_bad_input_naming_it_for_every_run()
    {
        var shard = ShardFolder();
        var cases = Runs.Select(r => r.Split(' ')).Append(["merge", shard]);
        foreach (var args in cases)
        {
            var r = Logged(string.Join(" ", args), CliProcess.Run([.. args, "--out", Unwritable]));
            Assert.True(r.Exit == 2, $"{string.Join(" ", args)}: expected exit 2\n{r}");
            Assert.True(r.Err.Trim().Split('\n').Length == 1, $"{string.Join(" ", args)}: more than one line\n{r}");
            Assert.Contains(Unwritable, r.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_internal_error_inside_merge_is_exit_3_in_one_line_and_releases_the_lock()
    {
        var fault = new Dictionary<string, string> { [Guard.FaultVariable] = Guard.InjectedRunFault };
        var target = Path.Combine(dir, "merged");
        var r = Logged("merge", CliProcess.Run(fault, "merge", "--out", target, ShardFolder()));
        Assert.True(r.Exit == 3, $"expected exit 3\n{r}");
        Assert.True(r.Err.Trim().Split('\n').Length == 1, $"more than one line\n{r}");
        Assert.Contains("internal error", r.Err, StringComparison.Ordinal);
        Assert.Contains(Guard.InjectedRunFault, r.Err, StringComparison.Ordinal);
        Assert.True(Directory.Exists(target), "the fault fires after --out is created");
        Assert.False(File.Exists(Path.Combine(target, OutputLock.OwnerFile)), "the lock's owner file outlives the run");
    }

    /// <summary>A one-shard sweep to join: a copy of the committed tables run (its run.json and checkpoint), so nothing is computed.</summary>
    private string ShardFolder()
    {
        var source = Path.Combine(Repository.Root(), "docs", "results", "tables");
        var copy = Path.Combine(dir, "shard");
        if (Directory.Exists(copy)) return copy;
        Directory.CreateDirectory(copy);
        foreach (var name in new[] { RunRecord.FileName, "checkpoint.jsonl" }) File.Copy(Path.Combine(source, name), Path.Combine(copy, name));
        return copy;
    }
}
