using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Support;

/// <summary>
/// What FsCheck reports when a property is falsified: the first failing arguments, the shrunk
/// ones, and the replay seed. Negative controls use it to assert that a counterexample exists and
/// is small, and print it so a reader of the test output sees what the premise was protecting.
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
/// A negative control's property failed by throwing rather than by returning false: an error in
/// the property (or in the code it calls), never a counterexample to the claim.
/// </summary>
public sealed class PropertyErrorException(string message, Exception? inner) : Exception(message, inner);

/// <summary>
/// Negative controls: run a property that must FAIL once its premise is dropped, and hand back
/// FsCheck's counterexample so the test can assert it is small and print it. A failure counts only
/// when the property returned false (or an xunit assertion inside it failed); FsCheck 3 reports a
/// property that throws as Failed too, and shrinks towards inputs that throw, so such a failure is
/// raised as a <see cref="PropertyErrorException"/> instead of being accepted.
/// </summary>
public static class NegativeControl
{
    /// <summary>The exception FsCheck stores for a property that returned false (Testable.fs, Res.failedBool).</summary>
    private const string FalseResultMessage = "Expected true, got false.";

    /// <summary>
    /// Runs <paramref name="property"/> over <paramref name="cases"/> and returns its counterexample,
    /// or null when all <paramref name="maxTest"/> cases pass. The shrunk case is then replayed
    /// through the property on its own, which must return false again without throwing.
    /// <paramref name="replay"/> is FsCheck's "seed,gamma" pair, as printed in a failure.
    /// </summary>
    public static Falsification? Find<T>(Arbitrary<T> cases, Func<T, Property> property, int maxTest = 100, string? replay = null)
    {
        var found = Find(Prop.ForAll(cases, property), maxTest, replay);
        if (found is null) return null;
        var shrunk = found.ShrunkAs<T>();
        var again = Run(Prop.ForAll(Arb.From(Gen.Constant(shrunk)), property), Config.Quick.WithMaxTest(1));
        if (again is not TestResult.Failed failed)
            throw new PropertyErrorException($"Replaying the shrunk case through the property did not falsify it again (FsCheck: {Runner.onFinishedToString("", again)}). Shrunk case:\n{shrunk}", null);
        ThrowIfError(failed, "Replaying the shrunk case");
        return found;
    }

    /// <summary><see cref="Find{T}(Arbitrary{T}, Func{T, Property}, int, string?)"/> for a property that returns a bool.</summary>
    public static Falsification? Find<T>(Arbitrary<T> cases, Func<T, bool> property, int maxTest = 100, string? replay = null) =>
        Find(cases, (T c) => property(c).ToProperty(), maxTest, replay);

    /// <summary>
    /// Runs an already built <paramref name="property"/> and returns its counterexample, or null
    /// when every case passes. It cannot replay the shrunk case (it does not hold the function);
    /// prefer the overloads taking the cases and the property function.
    /// </summary>
    public static Falsification? Find(Property property, int maxTest = 100, string? replay = null)
    {
        var config = Config.Quick.WithMaxTest(maxTest).WithQuietOnSuccess(true);
        if (replay is not null) config = Support.Replay.Parse(replay).Apply(config);
        var result = Run(property, config);
        if (result is not TestResult.Failed failed) return null;
        ThrowIfError(failed, "FsCheck's search");
        var original = failed.Item2.ToArray();
        var shrunk = failed.Item3.ToArray();
        var labels = failed.Item1.Labels.IsEmpty ? null : string.Join("; ", failed.Item1.Labels);
        return new Falsification(original, shrunk, failed.Item1.NumberOfTests, failed.Item1.NumberOfShrinks,
            $"{failed.Item5.Seed},{failed.Item5.Gamma}", labels, Runner.onFinishedToString("", result));
    }

    /// <summary>True when FsCheck's failure outcome is a false result or a failed xunit assertion, not an exception.</summary>
    public static bool IsFalsification(Outcome outcome) => outcome is Outcome.Failed f && IsFalseResult(f.Item);

    private static bool IsFalseResult(Exception e) =>
        (e.GetType() == typeof(Exception) && e.Message == FalseResultMessage) || e is Xunit.Sdk.XunitException;

    private static void ThrowIfError(TestResult.Failed failed, string when)
    {
        if (failed.Item4 is Outcome.Failed f && !IsFalseResult(f.Item))
            throw new PropertyErrorException(
                $"{when}: the property threw {f.Item.GetType().Name} ({f.Item.Message}) instead of returning false: an error, not a counterexample " +
                $"(after {failed.Item1.NumberOfTests} tests and {failed.Item1.NumberOfShrinks} shrinks). Arguments: {string.Join("; ", failed.Item3)}", f.Item);
    }

    private static TestResult Run(Property property, Config config)
    {
        var runner = new CapturingRunner();
        Check.One(config.WithRunner(runner), property);
        return runner.Result ?? throw new InvalidOperationException("FsCheck finished without reporting a result.");
    }

    /// <summary>
    /// Asserts that FsCheck falsifies <paramref name="property"/> over <paramref name="cases"/> within
    /// <paramref name="maxTest"/> cases (by a false result, replayed), writes the original and shrunk
    /// counterexamples to the test output, and returns them. Pass <paramref name="replay"/> when the
    /// test asserts the SHAPE of the shrunk case: shrinking is greedy and its end depends on the path.
    /// </summary>
    public static Falsification Require<T>(Arbitrary<T> cases, Func<T, Property> property, ITestOutputHelper? output, int maxTest = 100, string? replay = null) =>
        Report(Find(cases, property, maxTest, replay), output, maxTest);

    /// <summary><see cref="Require{T}(Arbitrary{T}, Func{T, Property}, ITestOutputHelper?, int, string?)"/> for a property that returns a bool.</summary>
    public static Falsification Require<T>(Arbitrary<T> cases, Func<T, bool> property, ITestOutputHelper? output, int maxTest = 100, string? replay = null) =>
        Report(Find(cases, property, maxTest, replay), output, maxTest);

    /// <summary>As <see cref="Require{T}(Arbitrary{T}, Func{T, Property}, ITestOutputHelper?, int, string?)"/> for a built property (no replay of the shrunk case).</summary>
    public static Falsification Require(Property property, ITestOutputHelper? output, int maxTest = 100, string? replay = null) =>
        Report(Find(property, maxTest, replay), output, maxTest);

    private static Falsification Report(Falsification? found, ITestOutputHelper? output, int maxTest)
    {
        Assert.True(found is not null, $"Expected FsCheck to find a counterexample within {maxTest} cases, but every case passed.");
        if (output is null) return found!;
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
