using FsCheck;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace SymmetryProofs.Properties;

/// <summary>A falsified property as FsCheck reports it: the shrunk and original arguments and the replay seed.</summary>
public sealed record CapturedFailure(
    IReadOnlyList<object> Shrunk, IReadOnlyList<object> Original, int Tests, int Shrinks, string Replay, string FsCheckMessage)
{
    /// <summary>The arguments as the property's records print them, with the replay seed.</summary>
    public override string ToString() =>
        $"Falsified after {Tests} test(s) and {Shrinks} shrink(s); replay with \"{Replay}\".\n" +
        $"Shrunk:   {string.Join("; ", Shrunk)}\nOriginal: {string.Join("; ", Original)}";
}

/// <summary>
/// Runs a property that is expected to FAIL (a negative control) and hands back its shrunk
/// counterexample, so a test can assert that it is small and print it.
/// </summary>
public static class FsCheckFailures
{
    /// <summary>The counterexample FsCheck finds and shrinks, or null when the property survives every test.</summary>
    /// <param name="replay">"seed,gamma" from an earlier report, to rerun the same cases.</param>
    public static CapturedFailure? Find(Property property, int maxTest = 100, string? replay = null)
    {
        var runner = new CapturingRunner();
        var config = Config.Quick.WithMaxTest(maxTest).WithRunner(runner);
        if (replay is not null) config = config.WithReplay(FSharpOption<Replay>.Some(ParseReplay(replay)));
        Check.One(config, property);
        return runner.Failure;
    }

    public static Replay ParseReplay(string replay)
    {
        var parts = replay.Trim('(', ')', ' ').Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !ulong.TryParse(parts[0], out var seed) || !ulong.TryParse(parts[1], out var gamma))
            throw new ArgumentException($"Replay must be \"seed,gamma\" (two unsigned integers); got \"{replay}\".", nameof(replay));
        return new Replay(new Rnd(seed, gamma), FSharpOption<int>.None);
    }

    private sealed class CapturingRunner : IRunner
    {
        public CapturedFailure? Failure { get; private set; }

        public void OnStartFixture(Type t) { }
        public void OnArguments(int ntest, FSharpList<object> args, FSharpFunc<int, FSharpFunc<FSharpList<object>, string>> every) { }
        public void OnShrink(FSharpList<object> args, FSharpFunc<FSharpList<object>, string> everyShrink) { }

        public void OnFinished(string name, TestResult result)
        {
            if (result is TestResult.Failed failed)
                Failure = new CapturedFailure(
                    failed.Item3.ToArray(), failed.Item2.ToArray(), failed.Item1.NumberOfTests, failed.Item1.NumberOfShrinks,
                    $"{failed.Item5.Seed},{failed.Item5.Gamma}", Runner.onFinishedToString(name, result));
        }
    }
}
