namespace SymmetryProofs.Properties.Support;

/// <summary>The repository the tests run in: found upwards from the test binaries, beside SymmetryProofs.sln.</summary>
public static class Repository
{
    /// <summary>The folder holding SymmetryProofs.sln (and README.md, docs/).</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SymmetryProofs.sln"))) return dir.FullName;
        throw new FileNotFoundException($"No SymmetryProofs.sln above the test binaries ({AppContext.BaseDirectory}).");
    }
}
