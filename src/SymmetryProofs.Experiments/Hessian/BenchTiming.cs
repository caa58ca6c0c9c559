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

    /// <summary>Medians of wall and CPU time over <paramref name="repeats"/> calls (the middle one of the sorted times).</summary>
    public static (double Wall, double Cpu) Median(int repeats, Action action)
    {
        var walls = new double[repeats];
        var cpus = new double[repeats];
        for (int i = 0; i < repeats; i++) (walls[i], cpus[i]) = Time(action);
        Array.Sort(walls);
        Array.Sort(cpus);
        return (walls[repeats / 2], cpus[repeats / 2]);
    }

    /// <summary>The one-minute load average (Linux), or "unknown".</summary>
    public static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return "unknown"; }
    }
}
