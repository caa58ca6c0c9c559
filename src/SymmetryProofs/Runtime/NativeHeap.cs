using System.Runtime.InteropServices;

namespace SymmetryProofs.Runtime;

/// <summary>
/// libtorch allocates every intermediate tensor afresh through glibc's malloc, which serves blocks
/// above its mmap threshold (128 KB at start, adapting to what was freed) straight from the kernel
/// and unmaps them on free, so each operation on a large tensor pays page faults on fresh pages.
/// `hessian bench` measured the same double-backward HVP at 15.7..19.3 ms with the default
/// thresholds and 10.6 ms with these (a 1.5..1.8x difference that depended on what had been freed
/// before). Raising both thresholds keeps blocks up to 32 MB on the heap for reuse. Only speed
/// changes: libtorch aligns every buffer to 64 bytes either way, so results stay bit for bit.
/// </summary>
public static class NativeHeap
{
    private const int TrimThreshold = -1;   // M_TRIM_THRESHOLD in malloc.h
    private const int MmapThreshold = -3;   // M_MMAP_THRESHOLD in malloc.h

    /// <summary>The largest value glibc accepts for M_MMAP_THRESHOLD on 64-bit systems (DEFAULT_MMAP_THRESHOLD_MAX).</summary>
    public const int MmapThresholdBytes = 32 << 20;

    /// <summary>Free memory kept at the top of the heap before it is returned to the kernel.</summary>
    public const int TrimThresholdBytes = 256 << 20;

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int Mallopt(int parameter, int value);

    /// <summary>Sets the thresholds where glibc is the C library; says what it did, for `info`.</summary>
    public static string Configure()
    {
        if (!OperatingSystem.IsLinux()) return "native heap: default allocator (not Linux)";
        try
        {
            bool ok = Mallopt(MmapThreshold, MmapThresholdBytes) == 1 & Mallopt(TrimThreshold, TrimThresholdBytes) == 1;
            return ok
                ? $"native heap: glibc mmap threshold {MmapThresholdBytes >> 20} MB, trim threshold {TrimThresholdBytes >> 20} MB"
                : "native heap: mallopt refused the thresholds; default allocator";
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return "native heap: no glibc mallopt; default allocator";
        }
    }
}
