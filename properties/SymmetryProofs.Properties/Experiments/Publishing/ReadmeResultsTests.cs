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

    /// <summary>
    /// The featured reports are chosen by a rule: every folder whose command.txt is a default command (command words,
    /// then only --out, --seeds, --group), in folder-name order; variants (--quick, --spectrum, ...) and folders without
    /// command.txt are not featured.
    /// </summary>
    [Fact]
    public void The_featured_reports_are_the_default_commands_reports()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"featured-{Guid.NewGuid():N}");
        try
        {
            void Report(string name, string? command)
            {
                Directory.CreateDirectory(Path.Combine(dir, "docs", "results", name));
                if (command is not null) File.WriteAllText(Path.Combine(dir, "docs", "results", name, "command.txt"), command.Replace(' ', '\n') + "\n");
            }
            Report("tables", "tables --out docs/results/tables");
            Report("tables-quick", "tables --quick --out docs/results/tables-quick");
            Report("hessian-translations", "hessian --group translations --seeds 5 --out docs/results/hessian-translations");
            Report("hessian-translations-both", "hessian --group translations --quick --spectrum both --out docs/results/hessian-translations-both");
            Report("hessian-bench", "hessian bench --out docs/results/hessian-bench");
            Report("bench-no-command", null);
            Report("dangling", "tables --out");
            Assert.Equal(["hessian-bench", "hessian-translations", "tables"], ReadmeResults.Featured(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        Assert.False(ReadmeResults.IsDefaultCommand(["--out", "x"]));
        Assert.False(ReadmeResults.IsDefaultCommand(["tables", "--seeds", "--out", "x"]));
        Assert.True(ReadmeResults.IsDefaultCommand(["representations"]));
    }

    /// <summary>In this repository the translations default run is among the featured reports, and the quick variants are not.</summary>
    [Fact]
    public void The_committed_translations_default_report_is_featured()
    {
        var featured = ReadmeResults.Featured(Repository.Root());
        Assert.Contains("hessian-translations", featured);
        Assert.DoesNotContain("hessian-translations-both", featured);
        Assert.DoesNotContain("tables-quick", featured);
    }
}
