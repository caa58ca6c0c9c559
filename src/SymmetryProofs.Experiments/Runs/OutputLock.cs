using System.Runtime.InteropServices;

namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// An advisory lock on an output folder while a run writes it: the file <c>.lock</c> held open
/// exclusively (an flock on Linux, released by the kernel when the process dies, even by SIGKILL),
/// and <c>.lock-owner</c> naming the owner's process id and command. A second run stops at once with
/// a message naming the owner; a lock left by a dead process is taken over with a message.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    public const string LockFile = ".lock";
    public const string OwnerFile = ".lock-owner";
    private readonly FileStream stream;
    private readonly string ownerPath;
    private readonly PosixSignalRegistration[] signals;

    private OutputLock(FileStream stream, string ownerPath, string folder, IRunLog log)
    {
        this.stream = stream;
        this.ownerPath = ownerPath;
        // Ctrl-C (SIGINT) and a scheduler's SIGTERM end the process: units in flight are abandoned (the
        // checkpoint holds only finished ones), the lock's owner file goes, and the user reads how to resume.
        signals = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }.Select(signal => PosixSignalRegistration.Create(signal, _ =>
        {
            DeleteOwner();
            log.Line($"interrupted: units in flight abandoned, finished ones kept; rerun the same command with --out {folder} to resume.");
        })).ToArray();
    }

    /// <summary>Takes the lock on <paramref name="folder"/> (which must exist) for <paramref name="command"/>; throws <see cref="InputException"/> when another live run holds it.</summary>
    public static OutputLock Acquire(string folder, string command, IRunLog log)
    {
        string lockPath = Path.Combine(folder, LockFile), ownerPath = Path.Combine(folder, OwnerFile);
        foreach (var path in new[] { lockPath, ownerPath })
            if (Directory.Exists(path)) throw new InputException($"--out {folder}: {Path.GetFileName(path)} is a directory; expected this program's lock file there (remove it).");
        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            string owner = File.Exists(ownerPath) ? File.ReadAllText(ownerPath).Trim() : "another process";
            throw new InputException($"--out {folder}: in use by {owner}; wait for that run to finish, or choose another --out.");
        }
        if (File.Exists(ownerPath))
        {
            // We hold the flock, so the previous owner is gone: say whose lock this was.
            string previous = File.ReadAllText(ownerPath).Trim();
            if (previous.Length > 0) log.Line($"--out {folder}: took over the lock left by {previous}, which is no longer running.");
        }
        // The signal handlers first, so the owner file never outlives an interrupted run.
        var held = new OutputLock(stream, ownerPath, folder, log);
        File.WriteAllText(ownerPath, $"process {Environment.ProcessId} ({command}, started {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC)\n");
        return held;
    }

    public void Dispose()
    {
        foreach (var s in signals) s.Dispose();
        DeleteOwner();
        stream.Dispose();
    }

    private void DeleteOwner()
    {
        try { File.Delete(ownerPath); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
