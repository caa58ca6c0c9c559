using System.Diagnostics;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>Wall and CPU time of benchmark phases, and the machine's load, for `hessian bench`.</summary>
internal static class BenchTiming
{
    /// <summary>Wall time and this process's CPU time (user + system, all threads) of one call, in seconds.</summary>
    public static (double Wall, double Cpu) Time(Action action)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var w = Stopwatch.StartNew();
        action();
        double wall = w.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu0).TotalSeconds);
    }

    /// <summary>Medians (<see cref="MedianOf"/>) of wall and CPU time over <paramref name="repeats"/> calls.</summary>
    public static (double Wall, double Cpu) Median(int repeats, Action action)
    {
        var (walls, cpus) = Repeat(repeats, action);
        return (MedianOf(walls), MedianOf(cpus));
    }

    /// <summary>Wall and CPU seconds (<see cref="Time"/>) of each of <paramref name="repeats"/> calls, in the order run.</summary>
    public static (double[] Walls, double[] Cpus) Repeat(int repeats, Action action)
    {
        var walls = new double[repeats];
        var cpus = new double[repeats];
        for (int i = 0; i < repeats; i++) (walls[i], cpus[i]) = Time(action);
        return (walls, cpus);
    }

    /// <summary>The median of <paramref name="values"/>: the middle one of the sorted values for an odd count, the mean of the two middle ones for an even count.</summary>
    public static double MedianOf(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("Expected at least one value.", nameof(values));
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The one-minute load average (Linux), or "unknown".</summary>
    public static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return "unknown"; }
    }
}
