using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Cli;

/// <summary>
/// Fault injection on the command line: a bad value for any option of any command exits with code 2
/// and one line naming the option, never a stack trace and never a run.
/// </summary>
public sealed class BadOptionTests(ITestOutputHelper output)
{
    /// <summary>(command words, option, bad values): each value is wrong for that option alone.</summary>
    private static readonly (string[] Command, string Option, string[] Values)[] Table =
    [
        (["tables"], "--seeds", ["0", "-3", "100000", "abc"]),
        (["tables"], "--jobs", ["0", "-1"]),
        (["tables"], "--train-ratio", ["0.001", "0.9999", "1", "0", "NaN"]),
        (["tables"], "--max-evals", ["1", "0"]),
        (["tables"], "--shard", ["0/2", "3/2", "x", "1/0"]),
        (["tables"], "--protocol", ["paper2", ""]),
        (["tables"], "--data", ["", "/nonexistent-dir"]),
        (["tables"], "--out", ["/proc/x", ""]),
        (["hessian"], "--penalty", ["Infinity", "0", "-1", "NaN"]),
        (["hessian"], "--fine-k", ["1", "0"]),
        (["hessian"], "--group", ["so3"]),
        (["hessian"], "--seeds", ["0"]),
        (["hessian", "bench"], "--samples", ["0"]),
        (["hessian", "bench"], "--repeats", ["0"]),
        (["hessian", "bench"], "--nets", ["64-x-10", "64", "64-10-1"]),
        (["hessian", "bench"], "--max-phase-seconds", ["0", "NaN"]),
        (["hessian", "bench"], "--threads", ["0"]),
        (["sample-complexity"], "--seeds", ["1", "0"]),
        (["sample-complexity"], "--max-log2", ["7", "20"]),
        (["sample-complexity"], "--shard", ["2/1"]),
        (["sample-complexity"], "--out", ["/proc/x"]),
        (["learning-curves"], "--fractions", ["0", "2", "abc", "1/0", "1/4,1/4"]),
        (["learning-curves"], "--targets", ["1.5", "x", "0"]),
        (["learning-curves"], "--max-evals", ["1"]),
        (["learning-curves"], "--bootstrap", ["5"]),
        (["learning-curves"], "--seeds", ["0"]),
    ];

    [Fact]
    public void A_bad_value_of_any_option_exits_2_naming_the_option_without_a_stack_trace()
    {
        // Every option of the table once, then further bad values drawn by a seeded generator (each process start costs about a second).
        var all = Table.SelectMany(t => t.Values.Select(v => (t.Command, t.Option, Value: v))).ToArray();
        var rng = new Random(20261130);
        var drawn = Table.Select(t => (t.Command, t.Option, Value: t.Values[rng.Next(t.Values.Length)]))
            .Concat(Enumerable.Range(0, 8).Select(_ => all[rng.Next(all.Length)])).Distinct().ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(drawn, new ParallelOptions { MaxDegreeOfParallelism = 4 }, c =>
        {
            var r = CliProcess.Run(c.Command.Length == 1 ? [.. c.Command, c.Option, c.Value, "--quick"] : [.. c.Command, c.Option, c.Value]);
            string what = $"{string.Join(" ", c.Command)} {c.Option} '{c.Value}'";
            if (r.Exit != 2) failures.Add($"{what}: exit {r.Exit}\n{r}");
            else if (!r.Err.Contains(c.Option)) failures.Add($"{what}: message does not name {c.Option}: {r.Err}");
            else if (r.Err.Contains("   at ")) failures.Add($"{what}: stack trace: {r.Err}");
            else output.WriteLine($"{what} -> {r.Err.Trim().Split('\n')[0]}");
        });
        Assert.True(failures.IsEmpty, string.Join("\n\n", failures));
    }
}
