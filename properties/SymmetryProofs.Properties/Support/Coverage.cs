using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Support;

/// <summary>
/// What a property's cases cover, measured and asserted, as QuickCheck's <c>checkCoverage</c> does
/// (FsCheck has none). A property labels every case it checks with <see cref="Case"/> (each label a
/// dimension and a value: "depth" = "3", "can fail" = "yes"); the labels also go to FsCheck as
/// <c>Classify</c> (yes/no labels) and <c>Collect</c> (the others), so FsCheck's own summary lists
/// them. The test class owns one <see cref="Coverage"/> per run (xunit builds one instance per test)
/// and calls <see cref="Verify"/> from Dispose, which FsCheck.Xunit runs after the last case: it
/// prints the coverage table to the test output and fails the test when a required class falls
/// below its stated share. A property that failed is not judged on coverage (its counterexample is
/// the news, and shrinking adds cases that are not a sample of the generator).
/// </summary>
public sealed class Coverage(ITestOutputHelper output)
{
    private readonly object gate = new();
    private readonly List<(string Key, string Value)[]> cases = new();
    private readonly List<Requirement> requirements = new();
    private int rejected;
    private bool failed;

    /// <summary>A required share: among the cases (per value of <see cref="Per"/> when given), those labelled Key = Value are at least (or at most) Share.</summary>
    public sealed record Requirement(string Key, string Value, double Share, bool AtLeast, string? Per, string Why)
    {
        public override string ToString() =>
            $"{(Per is null ? "" : $"at every {Per}: ")}{Key} = {Value} in {(AtLeast ? "at least" : "at most")} {Percent(Share)} of the cases ({Why})";
    }

    /// <summary>Cases labelled so far (checked cases, not rejected ones).</summary>
    public int Count { get { lock (gate) return cases.Count; } }

    /// <summary>Requires that at least <paramref name="share"/> of the cases (of each value of <paramref name="per"/>, if given) carry <paramref name="key"/> = <paramref name="value"/>. Registering the same requirement again does nothing, so a property may state it in its body.</summary>
    public Coverage AtLeast(double share, string key, string value, string why, string? per = null) => Add(new Requirement(key, value, share, true, per, why));

    /// <summary>Requires that at most <paramref name="share"/> of the cases (of each value of <paramref name="per"/>, if given) carry <paramref name="key"/> = <paramref name="value"/>.</summary>
    public Coverage AtMost(double share, string key, string value, string why, string? per = null) => Add(new Requirement(key, value, share, false, per, why));

    private Coverage Add(Requirement r)
    {
        if (r.Share is < 0 or > 1 || double.IsNaN(r.Share)) throw new ArgumentOutOfRangeException(nameof(r), $"A share is in [0, 1]; got {r.Share}.");
        lock (gate) if (!requirements.Contains(r)) requirements.Add(r);
        return this;
    }

    /// <summary>Records one checked case with its labels and returns the verdict as an FsCheck property, labelled and classified.</summary>
    public Property Case((bool Holds, string Label) verdict, params (string Key, object Value)[] labels)
    {
        var text = labels.Select(l => (l.Key, Text(l.Value))).ToArray();
        lock (gate)
        {
            cases.Add(text);
            if (!verdict.Holds) failed = true;
        }
        var property = Prop.Label(verdict.Holds, verdict.Label);
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
                    sb.AppendLine($"| {key} | {g.Key} | {g.Count()} | {Percent((double)g.Count() / n)} |");
            foreach (var r in requirements)
            {
                sb.AppendLine($"Required: {r}");
                foreach (var (group, k, m) in Measure(r))
                    sb.AppendLine($"  {(group is null ? "all cases" : $"{r.Per} {group}")}: {k}/{m} = {Percent(m == 0 ? 0 : (double)k / m)} {(Meets(r, k, m) ? "ok" : "BELOW REQUIREMENT")}");
            }
            return sb.ToString();
        }
    }

    /// <summary>
    /// Prints the table and fails (an xunit assertion) when a requirement is not met, unless the
    /// property itself failed. A class that records no case and states no requirement passes
    /// silently (the negative controls in the same test class).
    /// </summary>
    public void Verify()
    {
        List<string> shortfalls;
        lock (gate)
        {
            if (cases.Count == 0 && requirements.Count == 0) return;
            output.WriteLine(Table());
            if (failed) { output.WriteLine("The property failed: coverage not judged."); return; }
            shortfalls = requirements.SelectMany(r => Measure(r).Where(m => !Meets(r, m.Hits, m.Cases))
                .Select(m => $"{r} — {(m.Group is null ? "" : $"{r.Per} {m.Group}: ")}{m.Hits}/{m.Cases}")).ToList();
            if (requirements.Count > 0 && cases.Count == 0) shortfalls.Add("no case was checked (every case rejected?)");
        }
        Assert.True(shortfalls.Count == 0, "Coverage below requirement:\n" + string.Join("\n", shortfalls));
    }

    private static bool Meets(Requirement r, int hits, int count) =>
        count > 0 && (r.AtLeast ? hits >= r.Share * count : hits <= r.Share * count);

    private IEnumerable<(string? Group, int Hits, int Cases)> Measure(Requirement r)
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

    private static string Percent(double share) => (100 * share).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>Orders "2" before "10" and "2-3" before "4-7": by the leading number when there is one.</summary>
    private sealed class NaturalOrder : IComparer<string>
    {
        public static readonly NaturalOrder Instance = new();
        public int Compare(string? a, string? b)
        {
            static double Lead(string? s) => double.TryParse(new string((s ?? "").TakeWhile(ch => char.IsDigit(ch) || ch == '.').ToArray()), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.MaxValue;
            int c = Lead(a).CompareTo(Lead(b));
            return c != 0 ? c : string.CompareOrdinal(a, b);
        }
    }
}
