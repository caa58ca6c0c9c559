namespace SymmetryProofs.Data;

/// <summary>How the data directory was chosen.</summary>
public enum DataSource
{
    /// <summary>The --data option.</summary>
    Option,
    /// <summary>The environment variable <see cref="DataDirectory.EnvironmentVariable"/>.</summary>
    Environment,
    /// <summary>Neither: the shipped data/optdigits.</summary>
    Default,
}

/// <summary>Where the optdigits files are read from, and how that was decided.</summary>
public sealed record DataDirectory(string Path, DataSource From)
{
    public const string EnvironmentVariable = "SYMMETRYPROOFS_DATA";
    public const string DefaultPath = "data/optdigits";

    public bool IsDefault => From == DataSource.Default;

    /// <summary>How the directory was chosen, as messages and reports name it: --data, $SYMMETRYPROOFS_DATA or default.</summary>
    public string Source => From switch
    {
        DataSource.Option => "--data",
        DataSource.Environment => $"${EnvironmentVariable}",
        _ => "default",
    };

    /// <summary>
    /// The option wins over the environment variable, which wins over the default: the shipped
    /// <c>data/optdigits</c> in the working directory or the nearest folder above it (so any
    /// subfolder of a clone finds it), else above the program's own folder. An option given as an
    /// empty string is refused rather than silently read as the default.
    /// </summary>
    public static DataDirectory Resolve(string? option, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (option is not null)
        {
            if (string.IsNullOrWhiteSpace(option)) throw new DataNotFoundException("--data: got an empty path; expected a directory holding optdigits.tes (or leave --data out to use the shipped data/optdigits).");
            return new DataDirectory(option, DataSource.Option);
        }
        var env = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) return new DataDirectory(env, DataSource.Environment);
        return new DataDirectory(FindShipped() ?? DefaultPath, DataSource.Default);
    }

    /// <summary>data/optdigits in the working directory or an ancestor, else in an ancestor of the program's folder; null when neither has it.</summary>
    public static string? FindShipped()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                var candidate = System.IO.Path.Combine(d.FullName, DefaultPath);
                if (File.Exists(System.IO.Path.Combine(candidate, Optdigits.TestFile))) return candidate;
            }
        return null;
    }

    /// <summary>The path as reports print it: relative to the working directory, so a committed report names no machine's folders.</summary>
    public string Shown => System.IO.Path.GetRelativePath(Environment.CurrentDirectory, Path).Replace('\\', '/');

    public string FilePath(string name) => System.IO.Path.Combine(Path, name);

    public bool HasFile(string name) => File.Exists(FilePath(name));

    /// <summary>What to tell a user whose data directory lacks <paramref name="name"/>.</summary>
    public string HowToGet(string name) =>
        $"{FilePath(name)} not found (data directory '{Path}', from {Source}). The files ship in data/optdigits/ of the repository; " +
        $"point --data or ${EnvironmentVariable} to a copy, or re-download and verify them with the fetch-data command (source: {OptdigitsFetcher.BaseUrl}).";
}

/// <summary>The data files are missing or unreadable; the message says which and how to get them.</summary>
public sealed class DataNotFoundException(string message) : Exception(message);
