namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// The --out folder of a run: checked before any work (an existing regular file, a path that
/// cannot be created or written, a system folder: one clear line), created, and locked while the run writes it.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private readonly OutputLock outputLock;

    public string Path { get; }

    private OutputFolder(string path, OutputLock outputLock)
    {
        Path = path;
        this.outputLock = outputLock;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Creates and locks <paramref name="path"/>; any I/O problem becomes an <see cref="InputException"/> naming --out.</summary>
    public static OutputFolder Open(string path, string command, IRunLog log)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new InputException("--out: got an empty path; expected a directory to write the results to.");
        if (System.IO.File.Exists(path)) throw new InputException($"--out {path}: is an existing file; expected a directory (new or from an earlier run).");
        try
        {
            Directory.CreateDirectory(path);
            var probe = System.IO.Path.Combine(path, $".write-test-{Environment.ProcessId}");
            System.IO.File.WriteAllText(probe, "");
            System.IO.File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InputException($"--out {path}: cannot create or write this directory ({e.Message.TrimEnd('.')}).");
        }
        var folder = new OutputFolder(path, OutputLock.Acquire(path, command, log));
        try
        {
            Guard.InjectFault(Guard.InjectedRunFault);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
        return folder;
    }

    /// <summary>Opens <see cref="RunOptions.Out"/> and records its command line in command.txt.</summary>
    public static OutputFolder Open(RunOptions options, string command, IRunLog log)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Open(options.Out, command, options.CommandLine, log);
    }

    /// <summary>Opens <paramref name="path"/> and records <paramref name="commandLine"/> (one argument per line) in command.txt: what made the folder's files.</summary>
    public static OutputFolder Open(string path, string command, IReadOnlyList<string> commandLine, IRunLog log)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var folder = Open(path, command, log);
        if (commandLine.Count > 0) IO.AtomicFile.WriteAllText(folder.File(CommandFile), string.Concat(commandLine.Select(a => a + "\n")));
        return folder;
    }

    /// <summary>The file holding the command line that wrote the folder.</summary>
    public const string CommandFile = "command.txt";

    public void Dispose() => outputLock.Dispose();
}
