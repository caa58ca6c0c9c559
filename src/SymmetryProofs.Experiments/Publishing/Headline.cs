namespace SymmetryProofs.Experiments.Publishing;

/// <summary>
/// The few computed sentences at the top of a generated report that the README quotes: a report marks
/// them with <see cref="Begin"/> and <see cref="End"/>, and <see cref="ReadmeResults"/> copies them verbatim,
/// so every result the README states is a sentence some command computed from its rows.
/// </summary>
internal static class Headline
{
    public const string Begin = "<!-- headline -->";
    public const string End = "<!-- /headline -->";

    /// <summary>The block a report writes: the markers around <paramref name="text"/> (trimmed), ending with a newline.</summary>
    public static string Wrap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Begin + "\n" + text.Trim() + "\n" + End + "\n";
    }

    /// <summary>The text of the first headline block in <paramref name="markdown"/>; null when there is none or it is not closed.</summary>
    public static string? Extract(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        int start = markdown.IndexOf(Begin, StringComparison.Ordinal);
        if (start < 0) return null;
        start += Begin.Length;
        int end = markdown.IndexOf(End, start, StringComparison.Ordinal);
        return end < 0 ? null : markdown[start..end].Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    }
}
