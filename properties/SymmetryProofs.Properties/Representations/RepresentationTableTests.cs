using SymmetryProofs.Properties.Support;
using SymmetryProofs.Representations;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Representations;

/// <summary>
/// The table docs/representations.md links: every catalogue group on 8x8 images (and the small vector groups)
/// decomposed, checked against characters, with End_G solved. The committed table is written by the command
/// (`representations --out docs/results/representations`); this test recomputes it and requires the same
/// findings (times aside), so a change of the code that changes a finding must come with the rerun table.
/// </summary>
public sealed class RepresentationTableTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_row_passes_its_checks_and_agrees_with_characters_and_with_the_committed_page()
    {
        var rows = RepresentationTable.DefaultCases().Select(RepresentationTable.Compute).ToArray();
        var table = RepresentationTable.ToMarkdown(rows);
        output.WriteLine(table);
        foreach (var r in rows)
        {
            Assert.True(r.Verified, $"{r.Group} on {r.Representation}: the decomposition's checks fail");
            Assert.True(r.MultiplicitiesMatchCharacters, $"{r.Group} on {r.Representation}: multiplicities or real types differ from characters");
            Assert.True(Math.Abs(r.EquivariantDimension - r.CharacterDimension) < RepresentationTable.CharacterTolerance,
                $"{r.Group} on {r.Representation}: dim End_G solved {r.EquivariantDimension}, characters {r.CharacterDimension}");
        }
        var page = Path.Combine(Repository.Root(), "docs", "results", "representations", "representations.md");
        var committed = File.ReadAllLines(page).Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Select(WithoutTimes).ToArray();
        var computed = table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(WithoutTimes).ToArray();
        Assert.True(computed.SequenceEqual(committed),
            $"{page} differs from the recomputed table: rerun `representations --out docs/results/representations` and commit it.\n{table}");
    }

    // The last two columns are times; they vary from run to run.
    private static string WithoutTimes(string line) => string.Join("|", line.TrimEnd().Split('|').SkipLast(3));
}
