using System.Diagnostics;

namespace SymmetryProofs.Properties.Cli;

/// <summary>
/// Runs the console program as a user does, in its own process (the test project references only
/// the libraries): the SymmetryProofs.Cli build next to this one, started with `dotnet`.
/// </summary>
public static class CliProcess
{
    private static readonly Lazy<string> Dll = new(() =>
    {
        var config = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "experiments", "SymmetryProofs.Cli", "bin", config, "net10.0", "SymmetryProofs.Cli.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("SymmetryProofs.Cli.dll not found: build the solution (dotnet test SymmetryProofs.sln builds it).");
    });

    public sealed record Result(int Exit, string Out, string Err)
    {
        public override string ToString() => $"exit {Exit}\nstdout: {Out}\nstderr: {Err}";
    }

    public static Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts the program with <paramref name="environment"/> added to this process's environment (never SYMMETRYPROOFS_DEBUG).</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll.Value);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment.Remove("SYMMETRYPROOFS_DEBUG");
        foreach (var (name, value) in environment) info.Environment[name] = value;
        return Process.Start(info)!;
    }

    public static Result Run(params string[] args) => Run(new Dictionary<string, string>(), args);

    /// <summary>Runs the program to its end with <paramref name="environment"/> added.</summary>
    public static Result Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var p = Start(environment, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(entireProcessTree: true); throw new TimeoutException($"{string.Join(" ", args)} did not finish in 5 minutes."); }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The data lines of a CSV without the named timing columns, for comparing runs.</summary>
    public static string[] WithoutColumns(string csvPath, params string[] columns)
    {
        var lines = File.ReadAllLines(csvPath);
        var header = lines[0].Split(',');
        var keep = Enumerable.Range(0, header.Length).Where(i => !columns.Contains(header[i])).ToArray();
        return lines.Select(l => string.Join(",", keep.Select(i => l.Split(',')[i]))).ToArray();
    }
}
