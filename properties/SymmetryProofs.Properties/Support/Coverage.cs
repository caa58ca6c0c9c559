using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Support;

/// <summary>
/// What a property's cases cover, measured and asserted, as QuickCheck's <c>checkCoverage</c> does
/// (FsCheck has none): the suite's one coverage helper. A test states its required shares
/// (<see cref="AtLeast"/>, <see cref="AtMost"/>), labels every case its property checks with
/// <see cref="Case(ValueTuple{bool, string}, ValueTuple{string, object}[])"/> (each label a dimension and
/// a value: "depth" = "3", "can fail" = "yes"; the labels also go to FsCheck as <c>Classify</c>
/// for yes/no and <c>Collect</c> otherwise), and runs it with <see cref="Check"/>: FsCheck's
/// report when the property is falsified, otherwise the coverage table in the test output and a
/// failure naming the class, its share, the minimum and the replay seed when a required class is
/// too rare. A property that failed is not judged on coverage: its counterexample is the news.
/// </summary>
public sealed class Coverage(ITestOutputHelper output)
{
    private readonly object gate = new();
    private readonly List<(string Key, string Value)[]> cases = new();
    private readonly List<CoverageRequirement> requirements = new();
    private int rejected;

    /// <summary>Cases labelled so far (checked cases, not rejected ones).</summary>
    public int Count { get { lock (gate) return cases.Count; } }

    /// <summary>Requires that at least <paramref name="share"/> of the cases (of each value of <paramref name="per"/>, if given) carry <paramref name="key"/> = <paramref name="value"/>, because <paramref name="why"/>.</summary>
    public Coverage AtLeast(double share, string key, string why, string value = "yes", string? per = null) => Add(new CoverageRequirement(key, value, share, true, per, why));

    /// <summary>Requires that at most <paramref name="share"/> of the cases (of each value of <paramref name="per"/>, if given) carry <paramref name="key"/> = <paramref name="value"/>.</summary>
    public Coverage AtMost(double share, string key, string why, string value = "yes", string? per = null) => Add(new CoverageRequirement(key, value, share, false, per, why));

    private Coverage Add(CoverageRequirement r)
    {
        if (r.Share is < 0 or > 1 || double.IsNaN(r.Share)) throw new ArgumentOutOfRangeException(nameof(r), $"A share is in [0, 1]; got {r.Share}.");
        lock (gate) if (!requirements.Contains(r)) requirements.Add(r);
        return this;
    }

    /// <summary>Records one checked case with its labels and returns the verdict as an FsCheck property, labelled and classified.</summary>
    public Property Case((bool Holds, string Label) verdict, params (string Key, object Value)[] labels) =>
        Case(Prop.Label(verdict.Holds, verdict.Label), labels);

    /// <summary>Records one checked case with its labels and returns <paramref name="property"/> classified by them.</summary>
    public Property Case(Property property, params (string Key, object Value)[] labels)
    {
        var text = labels.Select(l => (l.Key, Text(l.Value))).ToArray();
        lock (gate) cases.Add(text);
        foreach (var (key, value) in text)
            property = value is "yes" or "no" ? property.Classify(value == "yes", key) : property.Collect($"{key} {value}");
        return property;
    }

    /// <summary>Prop.When that also counts the cases the precondition rejects (they are not labelled).</summary>
    public Property When(bool precondition, Func<Property> body)
    {
        if (!precondition) lock (gate) rejected++;
        return Prop.When(precondition, body);
    }

    /// <summary>
    /// Checks <paramref name="property"/> on <paramref name="maxTest"/> cases, random ones unless
    /// <paramref name="replay"/> ("seed,gamma") fixes them: fails with FsCheck's report
    /// (counterexample, shrink, replay seed) when it is falsified; otherwise prints the coverage
    /// table and fails when a required share is not met, naming the replay seed of the run.
    /// Fix the cases with <paramref name="replay"/> only where a random sample this small misses a
    /// required share too often (say so at the call); prefer more cases or a targeted generator.
    /// </summary>
    public void Check(Property property, int maxTest = Suite.Cases, string? replay = null)
    {
        var seed = replay is null ? Replay.Fresh() : Replay.Parse(replay);
        var runner = new NegativeControl.CapturingRunner();
        var config = seed.Apply(Config.Quick.WithMaxTest(maxTest).WithMaxRejected(Math.Max(Suite.MaxRejected, 10 * maxTest)).WithRunner(runner));
        FsCheck.Check.One(config, property);
        var result = runner.Result ?? throw new InvalidOperationException("FsCheck finished without reporting a result.");
        string report = Runner.onFinishedToStringWithFormatter(
            Microsoft.FSharp.Core.FuncConvert.FromFunc<object, string>(o => o?.ToString() ?? "null"), "", result);
        if (result is not TestResult.Passed) Assert.Fail(report);
        output.WriteLine(report.TrimEnd());
        output.WriteLine($"Cases {(replay is null ? "drawn at random" : "fixed")}: Replay = \"{seed}\".");
        Verify(seed.ToString());
    }

    /// <summary>"yes"/"no" for a bool, invariant culture for numbers, ToString otherwise.</summary>
    public static string Text(object value) => value switch
    {
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A bucket label for a count: "0", "1", "2-3", "4-7", ... (powers of two).</summary>
    public static string Bucket(int n)
    {
        if (n <= 1) return n.ToString(CultureInfo.InvariantCulture);
        int lo = 1 << (int)Math.Floor(Math.Log2(n));
        return $"{lo}-{2 * lo - 1}";
    }

    /// <summary>A share as "k/n" bucketed to quarters: "none", "up to 1/4", ..., "all".</summary>
    public static string ShareBucket(int k, int n) =>
        k == 0 ? "none" : k == n ? "all" : k * 4 <= n ? "up to 1/4" : k * 2 <= n ? "1/4 to 1/2" : k * 4 <= 3 * n ? "1/2 to 3/4" : "over 3/4";

    /// <summary>The share of the labelled cases carrying <paramref name="key"/> = <paramref name="value"/> (0 with no case).</summary>
    public double Share(string key, string value = "yes")
    {
        lock (gate) return cases.Count == 0 ? 0 : (double)cases.Count(c => Value(c, key) == value) / cases.Count;
    }

    /// <summary>The coverage table: for each label, the share of cases with each value; then each requirement with its measured share.</summary>
    public string Table()
    {
        lock (gate)
        {
            var sb = new StringBuilder();
            int n = cases.Count;
            sb.AppendLine($"Coverage of {n} checked case(s){(rejected > 0 ? $" ({rejected} rejected by the precondition)" : "")}:");
            sb.AppendLine("| label | value | cases | share |");
            sb.AppendLine("| --- | --- | ---: | ---: |");
            foreach (var key in cases.SelectMany(c => c.Select(l => l.Key)).Distinct())
                foreach (var g in cases.Select(c => Value(c, key)).Where(v => v is not null).GroupBy(v => v!).OrderBy(g => g.Key, NaturalOrder.Instance))
                    sb.AppendLine($"| {key} | {g.Key} | {g.Count()} | {CoverageRequirement.Percent((double)g.Count() / n)} |");
            foreach (var r in requirements)
            {
                sb.AppendLine($"Required: {r}");
                foreach (var (group, k, m) in Measure(r))
                    sb.AppendLine($"  {(group is null ? "all cases" : $"{r.Per} {group}")}: {k}/{m} = {CoverageRequirement.Percent(m == 0 ? 0 : (double)k / m)} {(r.Meets(k, m) ? "ok" : "BELOW REQUIREMENT")}");
            }
            return sb.ToString();
        }
    }

    /// <summary>Prints the table and fails (an xunit assertion) when a requirement is not met; the message names each short class, its share, the minimum and <paramref name="replay"/>.</summary>
    internal void Verify(string replay)
    {
        List<string> shortfalls;
        lock (gate)
        {
            output.WriteLine(Table());
            shortfalls = requirements.SelectMany(r => Measure(r).Where(m => !r.Meets(m.Hits, m.Cases))
                .Select(m => $"{r}: measured {(m.Group is null ? "" : $"at {r.Per} {m.Group} ")}{m.Hits}/{m.Cases} = {CoverageRequirement.Percent(m.Cases == 0 ? 0 : (double)m.Hits / m.Cases)}")).ToList();
            if (requirements.Count > 0 && cases.Count == 0) shortfalls.Add("no case was checked (every case rejected?)");
        }
        Assert.True(shortfalls.Count == 0, $"Coverage below requirement on the cases of Replay = \"{replay}\":\n" + string.Join("\n", shortfalls));
    }

    private IEnumerable<(string? Group, int Hits, int Cases)> Measure(CoverageRequirement r)
    {
        var groups = r.Per is null
            ? new[] { ((string?)null, cases) }
            : cases.Where(c => Value(c, r.Per) is not null).GroupBy(c => Value(c, r.Per)!).OrderBy(g => g.Key, NaturalOrder.Instance)
                .Select(g => ((string?)g.Key, g.ToList())).ToArray();
        foreach (var (group, members) in groups)
            yield return (group, members.Count(c => Value(c, r.Key) == r.Value), members.Count);
    }

    private static string? Value((string Key, string Value)[] c, string key) =>
        c.Where(l => l.Key == key).Select(l => l.Value).FirstOrDefault();
}
