using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Support;

/// <summary>
/// Coverage of a property's generated cases, measured rather than assumed (in the spirit of
/// QuickCheck's checkCoverage): each case records its classes here and as FsCheck
/// <c>Classify</c> labels; <see cref="Run"/> checks the property, prints FsCheck's distribution
/// table and this tally, and <see cref="Require"/> fails the test when a class that must be
/// exercised falls below its share.
/// </summary>
/// <remarks>
/// Counts are taken while the property runs. Shrinking also calls the property, but only after a
/// failure, when <see cref="Run"/> has already failed the test, so the shares count generated cases.
/// </remarks>
public sealed class CaseTally
{
    private readonly ConcurrentDictionary<string, int> counts = new();
    private int cases;

    /// <summary>Cases recorded so far.</summary>
    public int Cases => cases;

    /// <summary>Counts one case in every class of <paramref name="classes"/> and labels it for FsCheck.</summary>
    public Property Record(Property property, params string[] classes)
    {
        Interlocked.Increment(ref cases);
        foreach (var c in classes) counts.AddOrUpdate(c, 1, (_, n) => n + 1);
        return classes.Aggregate(property, (p, c) => p.Classify(true, c));
    }

    /// <summary>The share of recorded cases in class <paramref name="name"/> (0 when none were recorded).</summary>
    public double Share(string name) => cases == 0 ? 0 : (double)counts.GetValueOrDefault(name) / cases;

    /// <summary>
    /// Checks <paramref name="property"/> for <paramref name="maxTest"/> cases; fails the test with
    /// FsCheck's report (counterexample, shrink, replay seed) when it is falsified, otherwise
    /// writes FsCheck's summary and the class table to <paramref name="output"/>.
    /// </summary>
    public void Run(Property property, ITestOutputHelper output, int maxTest = Suite.Cases)
    {
        var runner = new NegativeControl.CapturingRunner();
        Check.One(Config.Quick.WithMaxTest(maxTest).WithRunner(runner), property);
        var result = runner.Result ?? throw new InvalidOperationException("FsCheck finished without reporting a result.");
        string report = Runner.onFinishedToStringWithFormatter(
            Microsoft.FSharp.Core.FuncConvert.FromFunc<object, string>(o => o?.ToString() ?? "null"), "", result);
        if (result is not TestResult.Passed) Assert.Fail(report);
        output.WriteLine(report);
        output.WriteLine($"Coverage over {cases} recorded case(s):");
        foreach (var (name, n) in counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key))
            output.WriteLine($"  {100.0 * n / cases,6:F1}%  {name}");
    }

    /// <summary>Asserts that at least <paramref name="minShare"/> of the recorded cases are in class <paramref name="name"/>.</summary>
    public void Require(string name, double minShare)
    {
        Assert.True(cases > 0, "No case was recorded: the property did not run.");
        double share = Share(name);
        Assert.True(share >= minShare,
            $"Coverage: only {100 * share:F1}% of {cases} cases are '{name}'; at least {100 * minShare:F1}% are required.");
    }
}
