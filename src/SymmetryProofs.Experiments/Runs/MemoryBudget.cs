using System.Globalization;

namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// Limits before work: a size option's estimated peak memory, computed in 64-bit (saturating) arithmetic
/// from the option's value, compared with the memory this machine has free (MemAvailable of
/// /proc/meminfo; where that cannot be read, the GC's view of the available memory), before anything
/// is allocated. Too much is an <see cref="InputException"/> in one line naming the option, the estimate
/// and the limit, so a typo such as --hidden 100000 is refused at once instead of swapping for minutes.
/// </summary>
internal static class MemoryBudget
{
    /// <summary>The share of the free memory one run may plan to use: the rest is for the runtime, libtorch's workspaces and other programs.</summary>
    public const double UsableShare = 0.8;

    /// <summary>Bytes of a double.</summary>
    public const long Double = sizeof(double);

    /// <summary>The product of <paramref name="factors"/> (each at least 0), saturating at <see cref="long.MaxValue"/> instead of wrapping.</summary>
    public static long Product(params long[] factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        long p = 1;
        foreach (var f in factors)
        {
            if (f < 0) throw new ArgumentOutOfRangeException(nameof(factors), f, "a size is never negative");
            if (f == 0) return 0;
            p = p > long.MaxValue / f ? long.MaxValue : p * f;
        }
        return p;
    }

    /// <summary>The sum of <paramref name="terms"/>, saturating at <see cref="long.MaxValue"/>.</summary>
    public static long Sum(params long[] terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        long s = 0;
        foreach (var t in terms) s = t > long.MaxValue - s ? long.MaxValue : s + t;
        return s;
    }

    /// <summary>Bytes this process may plan to use: <see cref="UsableShare"/> of <see cref="AvailableBytes"/>.</summary>
    public static long Limit(Func<long>? available = null) => (long)((available ?? AvailableBytes)() * UsableShare);

    /// <summary>
    /// Refuses <paramref name="option"/> (as the user wrote it, e.g. "--hidden 100000") when <paramref name="peakBytes"/>
    /// exceeds <see cref="Limit"/>; <paramref name="what"/> says what the estimate counts.
    /// </summary>
    public static void Check(string option, long peakBytes, string what, Func<long>? available = null)
    {
        long limit = Limit(available);
        if (peakBytes > limit)
            throw new InputException($"{option}: needs about {Format(peakBytes)} ({what}); this machine has {Format(limit)} to spare ({UsableShare:P0} of MemAvailable); choose a smaller value.");
    }

    /// <summary>MemAvailable of /proc/meminfo in bytes; where that cannot be read, the GC's total available memory.</summary>
    public static long AvailableBytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/meminfo"))
            {
                if (!line.StartsWith("MemAvailable:", StringComparison.Ordinal)) continue;
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length >= 2 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out long kib)) return Product(kib, 1024);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }

    /// <summary>Bytes in the largest fitting unit (KiB, MiB, GiB, TiB), or "more than 8 EiB" when saturated.</summary>
    public static string Format(long bytes)
    {
        if (bytes == long.MaxValue) return "more than 8 EiB";
        string[] units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.Length - 1) { v /= 1024; u++; }
        return u == 0 ? $"{bytes} bytes" : string.Create(CultureInfo.InvariantCulture, $"{v:0.#} {units[u]}");
    }
}
