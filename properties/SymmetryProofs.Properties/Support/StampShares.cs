using FsCheck;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Support;

/// <summary>
/// Runs a property that must hold and returns how its cases were classified (FsCheck's
/// <c>Classify</c>/<c>Collect</c> stamps), so a test can assert that the meaningful cases are a
/// fair share of those tried: a property passing only on trivial cases proves nothing.
/// </summary>
public static class StampShares
{
    /// <summary>Asserts the property passes <paramref name="maxTest"/> cases; returns the share of cases carrying each stamp.</summary>
    /// <remarks>
    /// <paramref name="replay"/> ("seed,gamma") fixes the cases: for an expensive property run on a
    /// handful of cases, whose shares would otherwise swing with the random seed, so that the
    /// required shares are checked on a known, reported sample instead of failing at random.
    /// </remarks>
    public static IReadOnlyDictionary<string, double> Require(Property property, ITestOutputHelper output, int maxTest = 100, string? replay = null)
    {
        var runner = new NegativeControl.CapturingRunner();
        var config = Config.Quick.WithMaxTest(maxTest).WithRunner(runner).WithQuietOnSuccess(true);
        if (replay is not null)
        {
            var parts = replay.Split(',');
            config = config.WithReplay(ulong.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), ulong.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
            output.WriteLine($"cases fixed by Replay = \"{replay}\"");
        }
        Check.One(config, property);
        var result = runner.Result ?? throw new InvalidOperationException("FsCheck finished without reporting a result.");
        Assert.True(result is TestResult.Passed, Runner.onFinishedToString("", result));
        var data = ((TestResult.Passed)result).Item1;
        // FsCheck's stamps are (whole percent of the cases, labels of one combination), percentages rounded down.
        var shares = new Dictionary<string, double>();
        foreach (var (percent, stamps) in data.Stamps.Select(s => (s.Item1, s.Item2)))
            foreach (var stamp in stamps)
                shares[stamp] = shares.GetValueOrDefault(stamp) + percent / 100.0;
        output.WriteLine($"{data.NumberOfTests} cases passed; " + string.Join(", ", shares.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key}: {kv.Value:P0}")));
        return shares;
    }

    /// <summary>Asserts that at least <paramref name="minShare"/> of the cases carry <paramref name="stamp"/>.</summary>
    public static void AtLeast(this IReadOnlyDictionary<string, double> shares, string stamp, double minShare) =>
        Assert.True(shares.GetValueOrDefault(stamp) >= minShare,
            $"Only {shares.GetValueOrDefault(stamp):P0} of the cases were '{stamp}'; expected at least {minShare:P0}.");
}
