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

    /// <summary>
    /// Parses "i/N" with 1 &lt;= i &lt;= N, or "auto" / "auto/N" (the index, and the count if known, from
    /// a cluster scheduler: <see cref="ScheduledShard"/>); anything else is an <see cref="InputException"/>
    /// naming --shard. <paramref name="environment"/> reads the scheduler's variables (default: this process's).
    /// </summary>
    public static Shard Parse(string? text, Func<string, string?>? environment = null)
    {
        if (string.IsNullOrEmpty(text)) return Whole;
        var parts = text.Split('/');
        if (parts[0] == ScheduledShard.Auto && parts.Length <= 2)
        {
            int? given = null;
            if (parts.Length == 2)
                given = int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int c) && c >= 1 && c <= MaxCount ? c
                    : throw new InputException($"--shard: got '{text}'; expected auto or auto/N with 1 <= N <= {MaxCount}.");
            return ScheduledShard.Resolve(given, environment ?? Environment.GetEnvironmentVariable);
        }
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 && n <= MaxCount && i >= 1 && i <= n)
            return new Shard(i, n);
        throw new InputException($"--shard: got '{text}'; expected i/N with 1 <= i <= N <= {MaxCount}, for example 2/4 (or auto on a Slurm array or Kubernetes indexed Job).");
    }

    /// <summary>The most parts a sweep is split into.</summary>
    public const int MaxCount = 10_000;

    /// <summary>Whether the unit at <paramref name="position"/> (0-based, in the sweep's order) belongs to this part.</summary>
    public bool Owns(int position) => position % Count == Index - 1;

    public override string ToString() => $"{Index}/{Count}";
}
