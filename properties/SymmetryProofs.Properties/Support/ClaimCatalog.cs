using System.Reflection;
using System.Text.RegularExpressions;

namespace SymmetryProofs.Properties.Support;

/// <summary>
/// The claims of CLAIMS.md the suite must check, and what it finds: the methods carrying
/// <see cref="ClaimAttribute"/> (properties) and <see cref="ClaimControlAttribute"/> (negative
/// controls), and the claim table of docs/claims.md.
/// </summary>
public static class ClaimCatalog
{
    /// <summary>
    /// Every claim that needs a property and a negative control. Claim 4 is a heuristic about
    /// training (measured by the Tables 1 and 2 experiment) and claim 12 a statement about data and
    /// time (the sample-complexity experiment), so neither is listed. Pending: tests being written
    /// on another branch; the catalogue test fails once a pending claim is complete, so that its
    /// mark is removed when the branches are merged.
    /// </summary>
    public static readonly IReadOnlyList<(int Claim, bool Pending)> Expected =
    [
        (1, false), (2, false), (3, false), (5, false), (6, false), (7, false), (8, false),
        (9, false), (10, false), (11, false),
    ];

    /// <summary>A test method and the claim it is attributed to.</summary>
    public sealed record ClaimTest(int Claim, bool IsControl, MethodInfo Method)
    {
        public string Name => Method.Name;
        public override string ToString() => $"{Method.DeclaringType!.Name}.{Method.Name}";
    }

    /// <summary>Every method of this assembly attributed to a claim.</summary>
    public static IReadOnlyList<ClaimTest> Tests() =>
        typeof(ClaimCatalog).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetCustomAttributes<ClaimAttribute>().Select(a => new ClaimTest(a.Claim, false, m))
                .Concat(m.GetCustomAttributes<ClaimPropertyAttribute>().Select(a => new ClaimTest(a.Claim, false, m)))
                .Concat(m.GetCustomAttributes<ClaimControlAttribute>().Select(a => new ClaimTest(a.Claim, true, m))))
            .ToList();

    /// <summary>docs/claims.md, the page holding the claim table, found from the repository root (beside SymmetryProofs.sln).</summary>
    public static string ClaimsPagePath() => Path.Combine(Repository.Root(), "docs", "claims.md");

    /// <summary>The text between <c>&lt;!-- section: claims --&gt;</c> and the next <c>&lt;!-- section:</c> marker.</summary>
    public static string ClaimsSection(string page)
    {
        const string start = "<!-- section: claims -->";
        int from = page.IndexOf(start, StringComparison.Ordinal);
        if (from < 0) throw new InvalidDataException($"docs/claims.md has no '{start}' marker.");
        from += start.Length;
        int to = page.IndexOf("<!-- section:", from, StringComparison.Ordinal);
        return to < 0 ? page[from..] : page[from..to];
    }

    /// <summary>
    /// The rows of the claim table: a row whose first cell starts with a claim number ("5 Small
    /// biases"), with the test names its last cell gives in backticks (identifiers; file paths are skipped).
    /// A cell "9-11" or similar (a range) is not a claim row.
    /// </summary>
    public static IReadOnlyDictionary<int, IReadOnlySet<string>> TableRows(string section)
    {
        var rows = new Dictionary<int, IReadOnlySet<string>>();
        foreach (var line in section.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('|')))
        {
            var cells = line.Trim('|').Split('|');
            var head = Regex.Match(cells[0].Trim(), @"^(\d+)(?![\d-])");
            if (!head.Success) continue;
            int claim = int.Parse(head.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var names = Regex.Matches(cells[^1], "`([A-Za-z_][A-Za-z0-9_]*)`").Select(m => m.Groups[1].Value).ToHashSet();
            if (rows.ContainsKey(claim)) throw new InvalidDataException($"docs/claims.md's claim table has two rows for claim {claim}.");
            rows[claim] = names;
        }
        return rows;
    }
}
