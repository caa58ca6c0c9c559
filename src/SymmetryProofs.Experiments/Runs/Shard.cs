using System.Globalization;

namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// Part i of N of a sweep (--shard i/N, i = 1..N): the units whose position in the sweep's fixed
/// order is i - 1 modulo N. The N parts are disjoint and cover the sweep, so N machines (a batch
/// scheduler's job array) can each run one, and `merge` joins their checkpoints.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public static readonly Shard Whole = new(1, 1);

    public bool IsWhole => Count == 1;

    /// <summary>Parses "i/N" with 1 &lt;= i &lt;= N; anything else is an <see cref="InputException"/> naming --shard.</summary>
    public static Shard Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return Whole;
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 && n <= 10_000 && i >= 1 && i <= n)
            return new Shard(i, n);
        throw new InputException($"--shard: got '{text}'; expected i/N with 1 <= i <= N <= 10000, for example 2/4.");
    }

    /// <summary>Whether the unit at <paramref name="position"/> (0-based, in the sweep's order) belongs to this part.</summary>
    public bool Owns(int position) => position % Count == Index - 1;

    public override string ToString() => $"{Index}/{Count}";
}
