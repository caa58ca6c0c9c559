using SymmetryProofs.Checking;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Checking;

/// <summary>
/// The benchmark's rates over the sample families: detection counts only the planted bugs' flagged runs out of bug
/// models x seeds, false alarms only the correct models' flagged runs out of correct models x seeds, for each method.
/// </summary>
public sealed class CheckBenchmarkTests(ITestOutputHelper output)
{
    private static CheckBenchmark.Row Row(string name, bool bug, int[] common, int same, int full) =>
        new(name, bug, "float64", common, same, full, double.NaN, 8, 0, 0);

    [Fact]
    public void Detection_and_false_alarm_rates_count_bug_and_correct_runs_apart()
    {
        var rows = new[]
        {
            Row("a.pt", false, [0, 1, 5], 0, 2),
            Row("a_bug.pt", true, [3, 10, 20], 19, 20),
            Row("b.pt", false, [0, 0, 7], 1, 0),
            Row("b_bug.pt", true, [0, 4, 9], 12, 18),
        };
        var md = CheckBenchmark.FamiliesMarkdown(rows, 20);
        output.WriteLine(md);
        Assert.Contains("| common practice, 20 trials, tol 0.001 | 3/40 | 0/40 |", md);
        Assert.Contains("| common practice, 20 trials, tol 1E-05 | 14/40 | 1/40 |", md);
        Assert.Contains("| common practice, 20 trials, tol 1E-09 | 29/40 | 12/40 |", md);
        Assert.Contains("| checker, 40 evaluations | 31/40 | 1/40 |", md);
        Assert.Contains("| checker, 2000 evaluations | 38/40 | 2/40 |", md);
    }
}
