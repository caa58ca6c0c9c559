using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace SymmetryProofs.Symmetry;

/// <summary>Per-element error statistics of a check (max and mean over the inputs tried), safe to fill from parallel tests.</summary>
public sealed class ErrorStatistics
{
    private readonly ConcurrentDictionary<string, (int Count, double Max, double Sum)> rows = new();

    public void Add(GroupElement element, double error) =>
        rows.AddOrUpdate(element.Label, _ => (1, error, error), (_, r) => (r.Count + 1, Math.Max(r.Max, error), r.Sum + error));

    public int Evaluations => rows.Values.Sum(r => r.Count);

    /// <summary>One row per element met, the worst first.</summary>
    public IReadOnlyList<ElementErrors> Rows =>
        rows.Select(kv => new ElementErrors(kv.Key, kv.Value.Count, kv.Value.Max, kv.Value.Sum / kv.Value.Count))
            .OrderByDescending(r => r.MaxError).ThenBy(r => r.Element, StringComparer.Ordinal).ToArray();

    /// <summary>A Markdown table of <see cref="Rows"/> (at most <paramref name="maxRows"/> rows).</summary>
    public string ToTable(int maxRows = 20)
    {
        var sb = new StringBuilder("| element | inputs | max error | mean error |\n| --- | --- | --- | --- |\n");
        foreach (var r in Rows.Take(maxRows))
            sb.Append(CultureInfo.InvariantCulture, $"| {r.Element} | {r.Count} | {r.MaxError:G3} | {r.MeanError:G3} |\n");
        if (Rows.Count > maxRows) sb.Append(CultureInfo.InvariantCulture, $"| ({Rows.Count - maxRows} more elements) | | | |\n");
        return sb.ToString();
    }
}

/// <summary>The errors one element produced: how many inputs, the largest and the mean relative error.</summary>
public sealed record ElementErrors(string Element, int Count, double MaxError, double MeanError);
