using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Cli;

/// <summary>
/// Fault injection on runs: SIGKILL at a random point then a rerun gives the rows of an
/// uninterrupted run; two runs into one --out cannot both write it; shards merged equal one run.
/// Tiny configurations keep each under a few seconds of work.
/// </summary>
public sealed class InterruptedRunTests(ITestOutputHelper output, UninterruptedRuns whole) : IDisposable, IClassFixture<UninterruptedRuns>
{
    private readonly string root = Directory.CreateTempSubdirectory("cli-runs").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    public static readonly string[] Tables = ["tables", "--seeds", "1", "--max-evals", "12", "--jobs", "1"];
    public static readonly string[] SampleComplexity = ["sample-complexity", "--quick", "--max-log2", "8", "--jobs", "1"];

    private string Dir(string name) => Path.Combine(root, name);

    private static int Lines(string checkpoint) => File.Exists(checkpoint) ? File.ReadAllText(checkpoint).Count(c => c == '\n') : 0;

    /// <summary>Starts the run, kills it (SIGKILL) once <paramref name="after"/> units are checkpointed, and returns how many there were.</summary>
    private static int KillAfter(string[] args, string outDir, int after)
    {
        using var p = CliProcess.Start([.. args, "--out", outDir]);
        var checkpoint = Path.Combine(outDir, "checkpoint.jsonl");
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!p.HasExited && Lines(checkpoint) < after && DateTime.UtcNow < deadline) Thread.Sleep(20);
        if (!p.HasExited) p.Kill(entireProcessTree: true);
        p.WaitForExit();
        return Lines(checkpoint);
    }

    [Theory]
    [InlineData("tables", 3)]
    [InlineData("sample-complexity", 3)]
    public void A_run_killed_with_SIGKILL_and_rerun_equals_an_uninterrupted_run(string command, int after)
    {
        var args = command == "tables" ? Tables : SampleComplexity;
        var (csv, timing) = command == "tables" ? ("tables.csv", new[] { "train_seconds" }) : ("curves.csv", Array.Empty<string>());
        int before = KillAfter(args, Dir("killed"), after);
        output.WriteLine($"killed after {before} checkpointed unit(s)");
        var resumed = CliProcess.Run([.. args, "--out", Dir("killed")]);
        Assert.True(resumed.Exit == 0, resumed.ToString());
        Assert.Contains($"{before} finished unit(s) reused", resumed.Out);
        Assert.Equal(CliProcess.WithoutColumns(Path.Combine(whole.Folder(command), csv), timing), CliProcess.WithoutColumns(Path.Combine(Dir("killed"), csv), timing));
    }

    /// <summary>
    /// Ctrl-C (SIGINT) and a scheduler's SIGTERM stop a run with a non-zero exit, release the lock and say how to resume;
    /// the rerun then completes without finding a stale lock. A process started with SIGINT ignored (a job put in the
    /// background with &amp; by a non-interactive shell) can pass that on to the run, which then ignores Ctrl-C as a
    /// background job should: the SIGINT case reads the run's own ignored signals first, so such a launch fails with its cause.
    /// </summary>
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void An_interrupt_releases_the_lock_and_says_how_to_resume(string signal)
    {
        using var run = CliProcess.Start([.. SampleComplexity, "--out", Dir("interrupted")]);
        var owner = Path.Combine(Dir("interrupted"), ".lock-owner");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!File.Exists(owner) && !run.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(20);
        Assert.True(File.Exists(owner), "the run took the lock");
        if (signal == "INT")
            Assert.False(IgnoredSignals(run.Id).Contains(2), "the run was started with SIGINT ignored (inherited from a job put in the background by a script), so Ctrl-C cannot reach it; run the tests in the foreground");
        using (var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        var stdout = run.StandardOutput.ReadToEnd();
        Assert.True(run.WaitForExit(TimeSpan.FromMinutes(1)), "the run stopped");
        output.WriteLine($"exit {run.ExitCode}\n{stdout}");
        Assert.NotEqual(0, run.ExitCode);
        Assert.False(File.Exists(owner), "the lock's owner file is gone");
        Assert.Contains("rerun the same command", stdout, StringComparison.Ordinal);
        var resumed = CliProcess.Run([.. SampleComplexity, "--out", Dir("interrupted")]);
        Assert.True(resumed.Exit == 0 && !resumed.Out.Contains("took over the lock", StringComparison.Ordinal), resumed.ToString());
    }

    /// <summary>The signal numbers process <paramref name="pid"/> ignores, from the SigIgn mask of /proc/pid/status (bit k is signal k + 1).</summary>
    private static HashSet<int> IgnoredSignals(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        ulong mask = Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16);
        return Enumerable.Range(1, 64).Where(k => (mask >> (k - 1) & 1) == 1).ToHashSet();
    }

    [Fact]
    public void A_second_run_into_the_same_out_stops_at_once_and_the_first_completes()
    {
        using var first = CliProcess.Start([.. Tables, "--out", Dir("shared")]);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!File.Exists(Path.Combine(Dir("shared"), ".lock-owner")) && DateTime.UtcNow < deadline) Thread.Sleep(20);
        var second = CliProcess.Run([.. Tables, "--out", Dir("shared")]);
        output.WriteLine(second.Err);
        Assert.Equal(2, second.Exit);
        Assert.Contains("in use by process", second.Err);
        first.WaitForExit();
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(SymmetryProofs.Experiments.Bergman.BergmanConfig.All.Count + 1, File.ReadAllLines(Path.Combine(Dir("shared"), "tables.csv")).Length);
    }

    [Fact]
    public void Two_shards_merged_equal_one_unsharded_run_row_for_row()
    {
        foreach (var i in new[] { 1, 2 })
        {
            var shard = CliProcess.Run([.. SampleComplexity, "--shard", $"{i}/2", "--out", Dir($"shard{i}")]);
            Assert.True(shard.Exit == 0, shard.ToString());
            Assert.False(File.Exists(Path.Combine(Dir($"shard{i}"), "curves.csv")), "a shard alone writes no report");
        }
        var merged = CliProcess.Run("merge", "--out", Dir("merged"), Dir("shard1"), Dir("shard2"));
        Assert.True(merged.Exit == 0, merged.ToString());
        Assert.Contains("6 finished unit(s) reused", merged.Out);
        Assert.DoesNotContain("to run", merged.Out.Replace("0 to run", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllLines(Path.Combine(whole.Folder("sample-complexity"), "curves.csv")), File.ReadAllLines(Path.Combine(Dir("merged"), "curves.csv")));

        var missing = CliProcess.Run("merge", "--out", Dir("missing"), Dir("shard1"));
        Assert.True(missing.Exit == 2 && missing.Err.Contains("2/2 missing", StringComparison.Ordinal), missing.ToString());
        var twice = CliProcess.Run("merge", "--out", Dir("twice"), Dir("shard1"), Dir("shard1"), Dir("shard2"));
        Assert.True(twice.Exit == 2 && twice.Err.Contains("1/2 (", StringComparison.Ordinal), twice.ToString());
        var onto = CliProcess.Run("merge", "--out", Dir("shard1"), Dir("shard1"), Dir("shard2"));
        Assert.True(onto.Exit == 2 && onto.Err.Contains("--out", StringComparison.Ordinal), onto.ToString());
        Assert.All(new[] { missing, twice, onto }, r => Assert.Single(r.Err.Trim().Split('\n')));
        Assert.False(Directory.Exists(Dir("missing")) || Directory.Exists(Dir("twice")), "a refused merge creates nothing");
    }
}

/// <summary>One uninterrupted run of each tiny configuration, shared by the tests that compare against it.</summary>
public sealed class UninterruptedRuns : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("cli-whole").FullName;
    private readonly Dictionary<string, string> folders = new();

    /// <summary>The --out folder of the uninterrupted run of <paramref name="command"/>, run on first use.</summary>
    public string Folder(string command)
    {
        lock (folders)
        {
            if (folders.TryGetValue(command, out var dir)) return dir;
            dir = Path.Combine(root, command);
            var result = CliProcess.Run([.. command == "tables" ? InterruptedRunTests.Tables : InterruptedRunTests.SampleComplexity, "--out", dir]);
            Assert.True(result.Exit == 0, result.ToString());
            return folders[command] = dir;
        }
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
