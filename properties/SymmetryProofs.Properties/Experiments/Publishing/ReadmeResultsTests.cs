using SymmetryProofs.Properties.Support;
using SymmetryProofs.Experiments.Publishing;

namespace SymmetryProofs.Properties.Experiments.Publishing;

/// <summary>
/// The README states no result its reports do not: its results section must be exactly what `readme`
/// generates from the headlines of the committed reports under docs/results/.
/// </summary>
public sealed class ReadmeResultsTests
{
    [Fact]
    public void The_committed_README_results_section_is_generated_from_the_committed_reports()
    {
        var log = SymmetryProofs.Experiments.Runs.TextRunLog.Silent();
        int exit = ReadmeResults.Run(Repository.Root(), check: true, log);
        Assert.True(exit == 0, string.Join("\n", log.Lines) + "\nRun `readme` (dotnet run --project experiments/SymmetryProofs.Cli -c Release -- readme) and commit.");
    }

    [Fact]
    public void Headlines_are_extracted_verbatim_and_a_report_without_one_is_skipped()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"readme-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "docs", "results", "tables"));
            Directory.CreateDirectory(Path.Combine(dir, "docs", "results", "b"));
            File.WriteAllText(Path.Combine(dir, "docs", "results", "tables", "a.md"), "# A\n" + Headline.Wrap("3 of 4 seeds: FAILS on seed 2.") + "rest\n");
            File.WriteAllText(Path.Combine(dir, "docs", "results", "tables", "command.txt"), "tables\n--out\ndocs/results/tables\n");
            File.WriteAllText(Path.Combine(dir, "docs", "results", "b", "b.md"), "# B without a headline\n");
            var readme = "# R\n\n## Results\n\n<!-- section: results -->\nold claim that no report makes\n\n## Layout\n\n<!-- section: layout -->\nx\n";
            var updated = ReadmeResults.Rewrite(readme, ReadmeResults.Section(dir));
            Assert.Contains("- [`docs/results/tables/a.md`](docs/results/tables/a.md), by `tables --out docs/results/tables`:\n  3 of 4 seeds: FAILS on seed 2.\n", updated, StringComparison.Ordinal);
            Assert.Contains("- [`tables/a.md`](tables/a.md), by `tables --out docs/results/tables`:\n  3 of 4 seeds: FAILS on seed 2.\n", ReadmeResults.Index(dir), StringComparison.Ordinal);
            Assert.DoesNotContain("old claim", updated, StringComparison.Ordinal);
            Assert.DoesNotContain("b.md", updated, StringComparison.Ordinal);
            Assert.EndsWith("## Layout\n\n<!-- section: layout -->\nx\n", updated, StringComparison.Ordinal);
            Assert.Equal(updated, ReadmeResults.Rewrite(updated, ReadmeResults.Section(dir))); // idempotent
            Assert.Null(Headline.Extract("no block"));
            Assert.Null(Headline.Extract(Headline.Begin + " never closed"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
