namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// The process's peak resident memory (Linux VmHWM in /proc/self/status). Writing "5" to
/// /proc/self/clear_refs resets the peak to the current resident size, so each benchmarked net gets
/// its own peak; where that is not permitted (or not Linux) the peak is the running one of the
/// process, and <see cref="Reset"/> says so.
/// </summary>
internal static class PeakMemory
{
    /// <summary>Collects garbage, then resets the peak; true when the kernel accepted the reset.</summary>
    public static bool Reset()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException) { return false; }
    }

    /// <summary>Peak resident memory in MiB since the last reset, or null where /proc is missing.</summary>
    public static double? PeakMb() => Field("VmHWM:");

    /// <summary>Current resident memory in MiB, or null where /proc is missing.</summary>
    public static double? ResidentMb() => Field("VmRSS:");

    private static double? Field(string name)
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
            if (line is null) return null;
            var parts = line[name.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return null; }
    }
}
