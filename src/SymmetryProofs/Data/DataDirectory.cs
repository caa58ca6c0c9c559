namespace SymmetryProofs.Data;

/// <summary>Where the optdigits files are read from, and how that was decided.</summary>
public sealed record DataDirectory(string Path, string Source)
{
    public const string EnvironmentVariable = "SYMMETRYPROOFS_DATA";
    public const string DefaultPath = "data/optdigits";

    public bool IsDefault => Source == "default";

    /// <summary>The option wins over the environment variable, which wins over the default (relative to the working directory).</summary>
    public static DataDirectory Resolve(string? option, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrWhiteSpace(option)) return new DataDirectory(option, "--data");
        var env = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) return new DataDirectory(env, $"${EnvironmentVariable}");
        return new DataDirectory(DefaultPath, "default");
    }

    public string FilePath(string name) => System.IO.Path.Combine(Path, name);

    public bool HasFile(string name) => File.Exists(FilePath(name));

    /// <summary>What to tell a user whose data directory lacks <paramref name="name"/>.</summary>
    public string HowToGet(string name) =>
        $"{FilePath(name)} not found (data directory '{Path}', from {Source}).\n" +
        "Get the UCI optdigits files in one of these ways:\n" +
        "  - download and verify them:   dotnet run --project experiments/SymmetryProofs.Experiments -c Release -- fetch-data\n" +
        "  - copy them from a directory: ... fetch-data --from ../shared/data/optdigits\n" +
        $"  - point to an existing copy:  --data DIR, or the environment variable {EnvironmentVariable}=DIR\n" +
        $"(source: {OptdigitsFetcher.BaseUrl})";
}

/// <summary>The data files are missing; the message says how to get them.</summary>
public sealed class DataNotFoundException(string message) : Exception(message);
