using System.Text.RegularExpressions;
using SymmetryProofs.Properties.Support;

namespace SymmetryProofs.Properties;

/// <summary>
/// The documentation as a reader meets it: docs/README.md links every page under docs/ (the committed reports
/// through results/README.md) and every link it holds opens a file; and no committed text names a folder of the
/// machine it was written on.
/// </summary>
public sealed partial class DocumentationTests
{
    private static string Docs => Path.Combine(Repository.Root(), "docs");

    /// <summary>The pages a reader browses: every .md under docs/, of the reports only their index.</summary>
    private static IReadOnlyList<string> Pages() =>
        Directory.EnumerateFiles(Docs, "*.md", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Docs, p).Replace('\\', '/'))
            .Where(p => p != "README.md" && (!p.StartsWith("results/", StringComparison.Ordinal) || p == "results/README.md"))
            .Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\]\(([^)#\s]+)(#[^)]*)?\)")]
    private static partial Regex MarkdownLink();

    private static IReadOnlyList<string> Links(string markdown) => MarkdownLink().Matches(markdown).Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public void The_index_links_every_page_and_every_link_opens_a_file()
    {
        var index = File.ReadAllText(Path.Combine(Docs, "README.md"));
        var links = Links(index).Where(l => !l.Contains("://", StringComparison.Ordinal)).ToList();
        var pages = Pages();
        Assert.True(pages.Count >= 10, $"only {pages.Count} pages found under docs/");
        Assert.Empty(pages.Except(links));
        Assert.DoesNotContain(links, l => !File.Exists(Path.Combine(Docs, l)) && !Directory.Exists(Path.Combine(Docs, l)));
        Assert.Contains("## Glossary", index);
    }

    /// <summary>Control: an index that lacks a page, or links a page that is not there, is caught by the same reading.</summary>
    [Fact]
    public void An_index_missing_a_page_or_linking_a_missing_one_is_seen()
    {
        var index = File.ReadAllText(Path.Combine(Docs, "README.md"));
        var page = Pages()[0];
        var without = Links(index.Replace($"]({page})", "]()", StringComparison.Ordinal));
        Assert.Contains(page, Pages().Except(without));
        Assert.False(File.Exists(Path.Combine(Docs, Links(index + "\n[x](no-such-page.md)\n")[^1])));
    }

    /// <summary>Folders that exist on one machine only; the pattern is built in pieces so this file does not match it.</summary>
    private static readonly Regex MachinePath = new("(?<![A-Za-z0-9_.~-])/(" + string.Join("|", "wo" + "rk", "t" + "mp", "ho" + "me") + ")/", RegexOptions.Compiled);

    [Fact]
    public void No_committed_text_names_a_folder_of_one_machine()
    {
        var root = Repository.Root();
        string[] folders = ["docs", "src", "experiments", "properties", "samples"];
        var files = folders.Select(f => Path.Combine(root, f)).Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && Path.GetExtension(f) is ".md" or ".cs" or ".csv" or ".json" or ".jsonl" or ".txt" or ".csproj")
            .Concat(new[] { "README.md", "DEVELOPERS.md" }.Select(f => Path.Combine(root, f)).Where(File.Exists))
            .ToList();
        Assert.True(files.Count >= 100, $"only {files.Count} files scanned");
        var named = files.Where(f => MachinePath.IsMatch(File.ReadAllText(f))).Select(f => Path.GetRelativePath(root, f)).ToList();
        Assert.True(named.Count == 0, "files naming a machine's folder:\n" + string.Join("\n", named));
        // Control: the pattern matches such a path and leaves alike words alone.
        Assert.Matches(MachinePath, "data at /" + "home/me/optdigits");
        Assert.DoesNotMatch(MachinePath, "see docs/work/ and /proc/x");
    }
}
