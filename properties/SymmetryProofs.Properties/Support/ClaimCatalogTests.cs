using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Support;

/// <summary>Claims as first-class objects: each listed claim has a property and a negative control, and the claim table of docs/claims.md names exactly them.</summary>
public class ClaimCatalogTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_claim_has_a_property_and_a_negative_control()
    {
        var tests = ClaimCatalog.Tests();
        var problems = new List<string>();
        foreach (var (claim, pending) in ClaimCatalog.Expected)
        {
            var properties = tests.Where(t => t.Claim == claim && !t.IsControl).ToList();
            var controls = tests.Where(t => t.Claim == claim && t.IsControl).ToList();
            output.WriteLine($"claim {claim}{(pending ? " (pending)" : "")}: {properties.Count} propert{(properties.Count == 1 ? "y" : "ies")}, {controls.Count} control(s)");
            bool complete = properties.Count > 0 && controls.Count > 0;
            if (!pending && !complete) problems.Add($"claim {claim} lacks {(properties.Count == 0 ? "a [Claim] property" : "a [ClaimControl] negative control")}");
            if (pending && complete) problems.Add($"claim {claim} now has a property and a control: remove its pending mark in ClaimCatalog.Expected");
        }
        foreach (var t in tests.Where(t => ClaimCatalog.Expected.All(e => e.Claim != t.Claim)))
            problems.Add($"{t} is attributed to claim {t.Claim}, which ClaimCatalog.Expected does not list");
        foreach (var t in tests.Where(t => t.IsControl && t.Method.GetCustomAttributes(typeof(FactAttribute), true).Length == 0))
            problems.Add($"{t} is a [ClaimControl] without [Fact]: it would never run");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Claims_page_table_names_exactly_the_attributed_tests()
    {
        var rows = ClaimCatalog.TableRows(ClaimCatalog.ClaimsSection(File.ReadAllText(ClaimCatalog.ClaimsPagePath())));
        var tests = ClaimCatalog.Tests();
        var problems = new List<string>();
        foreach (var (claim, pending) in ClaimCatalog.Expected)
        {
            var attributed = tests.Where(t => t.Claim == claim).Select(t => t.Name).ToHashSet();
            if (!rows.TryGetValue(claim, out var named))
            {
                if (!pending || attributed.Count > 0) problems.Add($"docs/claims.md's claim table has no row for claim {claim}");
                continue;
            }
            foreach (var name in named.Where(n => !attributed.Contains(n)))
                problems.Add($"docs/claims.md names `{name}` for claim {claim}, but no test with [Claim({claim})] or [ClaimControl({claim})] has that name");
            foreach (var name in attributed.Where(n => !named.Contains(n)))
                problems.Add($"`{name}` carries claim {claim} but docs/claims.md's row for claim {claim} does not name it");
        }
        foreach (var claim in rows.Keys.Where(c => ClaimCatalog.Expected.All(e => e.Claim != c) && rows[c].Count > 0))
            problems.Add($"docs/claims.md's row for claim {claim} names tests, but the claim is not in ClaimCatalog.Expected");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Table_rows_are_read_from_the_claims_section_only()
    {
        const string page = "intro | 1 x | `A_test` |\n<!-- section: claims -->\n| Claim | What | Tests |\n| --- | --- | --- |\n" +
                              "| 2 Inverted | p | `Dir/File.cs`: `B_test`, control `C_test` |\n| 9-11 | later | |\n<!-- section: tables -->\n| 3 x | `D_test` |";
        var rows = ClaimCatalog.TableRows(ClaimCatalog.ClaimsSection(page));
        Assert.Equal(new[] { 2 }, rows.Keys);
        Assert.Equal(new[] { "B_test", "C_test" }, rows[2].Order());
    }
}
