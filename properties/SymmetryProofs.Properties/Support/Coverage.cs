using FsCheck;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Support;

/// <summary>
/// Runs a property that must hold and reports what its cases covered: the share of cases that
/// carried each Classify/Collect label. A property that passes only on trivial cases proves
/// nothing, so tests assert a minimum share of the meaningful ones with <see cref="Require"/>.
/// </summary>
public static class Coverage
{
    /// <summary>Checks <paramref name="property"/> on <paramref name="maxTest"/> cases; fails the test with
    /// FsCheck's counterexample if one is found; else prints and returns the share of each label.</summary>
    public static IReadOnlyDictionary<string, double> Check(Property property, ITestOutputHelper output, int maxTest = 100)
    {
        var runner = new NegativeControl.CapturingRunner();
        FsCheck.Check.One(Config.Quick.WithMaxTest(maxTest).WithRunner(runner).WithQuietOnSuccess(true), property);
        var result = runner.Result ?? throw new InvalidOperationException("FsCheck finished without reporting a result.");
        if (result is not TestResult.Passed passed)
        {
            Assert.Fail(FsCheck.Runner.onFinishedToString("", result));
            throw new InvalidOperationException("unreachable");
        }
        int tests = passed.Item1.NumberOfTests;
        var shares = new Dictionary<string, double>();
        // FsCheck reports each combination of labels with its share in whole percent.
        foreach (var stamp in passed.Item1.Stamps)
        {
            foreach (var label in stamp.Item2)
                shares[label] = shares.GetValueOrDefault(label) + stamp.Item1 / 100.0;
        }
        output.WriteLine($"Passed {tests} cases. Coverage:");
        foreach (var (label, share) in shares.OrderByDescending(kv => kv.Value)) output.WriteLine($"  {share,6:P0}  {label}");
        return shares;
    }

    /// <summary>Asserts that at least <paramref name="minShare"/> of the cases carried <paramref name="label"/>.</summary>
    public static void Require(IReadOnlyDictionary<string, double> shares, string label, double minShare) =>
        Assert.True(shares.GetValueOrDefault(label) >= minShare,
            $"Only {shares.GetValueOrDefault(label):P0} of the cases were '{label}'; at least {minShare:P0} are needed for the property to mean something.");
}
