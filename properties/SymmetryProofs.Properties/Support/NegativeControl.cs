using FsCheck;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Support;

/// <summary>
/// What FsCheck reports when a property fails: the first failing arguments, the shrunk ones,
/// and the replay seed. Negative controls use it to assert that a counterexample exists and is
/// small, and print it so a reader of the test output sees what the premise was protecting.
/// </summary>
public sealed record Falsification(
    IReadOnlyList<object> Original,
    IReadOnlyList<object> Shrunk,
    int Tests,
    int Shrinks,
    string Replay,
    string? Labels,
    string Message)
{
    /// <summary>The single shrunk argument of a one-argument property, cast to its type.</summary>
    public T ShrunkAs<T>() => (T)Shrunk[0];

    public T OriginalAs<T>() => (T)Original[0];

    public override string ToString() => Message;
}

/// <summary>
/// Negative controls: run a property that must FAIL once its premise is dropped, and hand back
/// FsCheck's counterexample so the test can assert it is small and print it.
/// </summary>
public static class NegativeControl
{
    /// <summary>
    /// Runs <paramref name="property"/> (built with Prop.ForAll and explicit Arbitraries) and
    /// returns its counterexample, or null when all <paramref name="maxTest"/> cases pass.
    /// <paramref name="replay"/> is FsCheck's "seed,gamma" pair, as printed in a failure.
    /// </summary>
    public static Falsification? Find(Property property, int maxTest = 100, string? replay = null)
    {
        var runner = new CapturingRunner();
        var config = Config.Quick.WithMaxTest(maxTest).WithRunner(runner).WithQuietOnSuccess(true);
        if (replay is not null)
        {
            var parts = replay.Trim('(', ')', ' ').Split(',');
            if (parts.Length != 2 || !ulong.TryParse(parts[0].Trim(), out var seed) || !ulong.TryParse(parts[1].Trim(), out var gamma))
                throw new ArgumentException($"Replay '{replay}' is not of the form \"seed,gamma\" (two unsigned integers).", nameof(replay));
            config = config.WithReplay(seed, gamma);
        }
        Check.One(config, property);
        var result = runner.Result ?? throw new InvalidOperationException("FsCheck finished without reporting a result.");
        if (result is not TestResult.Failed failed) return null;
        var original = failed.Item2.ToArray();
        var shrunk = failed.Item3.ToArray();
        var labels = failed.Item1.Labels.IsEmpty ? null : string.Join("; ", failed.Item1.Labels);
        return new Falsification(original, shrunk, failed.Item1.NumberOfTests, failed.Item1.NumberOfShrinks,
            $"{failed.Item5.Seed},{failed.Item5.Gamma}", labels, Runner.onFinishedToString("", result));
    }

    /// <summary>
    /// Asserts that FsCheck falsifies <paramref name="property"/> within <paramref name="maxTest"/>
    /// cases, writes the original and shrunk counterexamples to the test output, and returns them.
    /// </summary>
    public static Falsification Require(Property property, ITestOutputHelper output, int maxTest = 100, string? replay = null)
    {
        var found = Find(property, maxTest, replay);
        Assert.True(found is not null, $"Expected FsCheck to find a counterexample within {maxTest} cases, but every case passed.");
        output.WriteLine($"FsCheck found a counterexample after {found!.Tests} tests and {found.Shrinks} shrinks (Replay = \"{found.Replay}\").");
        if (found.Labels is not null) output.WriteLine($"Labels: {found.Labels}");
        output.WriteLine("Original:");
        // A property built with Prop.When carries an extra unit argument (null); it says nothing.
        foreach (var a in found.Original.Where(a => a is not null)) output.WriteLine(a.ToString());
        output.WriteLine("Shrunk:");
        foreach (var a in found.Shrunk.Where(a => a is not null)) output.WriteLine(a.ToString());
        return found;
    }

    /// <summary>The smallest net a claim about logits can fail on: one layer from one input to two classes.</summary>
    public static void AssertSingleOneToTwoLayer(NetSpec net) =>
        Assert.True(net.Depth == 1 && net.InputDim == 1 && net.OutputDim == 2,
            $"Expected the shrunk net to be a single 1-2 layer; got widths {string.Join("-", net.Widths)}.");

    /// <summary>Keeps FsCheck's result instead of printing it (also used by <see cref="Coverage"/>).</summary>
    internal sealed class CapturingRunner : IRunner
    {
        public TestResult? Result { get; private set; }
        public void OnStartFixture(Type t) { }
        public void OnArguments(int ntest, Microsoft.FSharp.Collections.FSharpList<object> args,
            Microsoft.FSharp.Core.FSharpFunc<int, Microsoft.FSharp.Core.FSharpFunc<Microsoft.FSharp.Collections.FSharpList<object>, string>> every) { }
        public void OnShrink(Microsoft.FSharp.Collections.FSharpList<object> args,
            Microsoft.FSharp.Core.FSharpFunc<Microsoft.FSharp.Collections.FSharpList<object>, string> everyShrink) { }
        public void OnFinished(string name, TestResult testResult) => Result = testResult;
    }
}
