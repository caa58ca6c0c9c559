using System.Diagnostics;
using System.Reflection;
using SymmetryProofs.Checking;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.Checking;

/// <summary>
/// Loads a --model file in a child process of this program before the check loads it in-process. libtorch ends the
/// process (std::terminate, SIGABRT, exit 134) on some files, for example TorchScript code that does not compile,
/// and managed code cannot catch that; the child (this program with the hidden <see cref="Option"/>, which runs
/// <see cref="CheckRunner.LoadOnce"/>) takes the abort instead, and the check refuses the file in one line with
/// libtorch's message read from the child's stderr. A child that ends normally (0), or refuses the input (2) or
/// fails in our code (3) as the check itself would, lets the check go on and report that itself.
/// </summary>
public static class ModelLoadProbe
{
    /// <summary>The hidden option of `check` that runs the probe's body.</summary>
    public const string Option = "--probe-load";

    private static volatile bool available;

    /// <summary>
    /// Whether this process can start itself as the probe: true once a program with the `check` command and its hidden
    /// option (the console program) has called <see cref="EnableForThisProgram"/>. A library caller (a test host, a
    /// user's test suite) has no such command to start, so no probe runs there and the file is loaded in-process.
    /// </summary>
    public static bool Available => available;

    /// <summary>Declares that this process's executable (or entry assembly) answers `check ... --probe-load`.</summary>
    public static void EnableForThisProgram() => available = true;

    /// <summary>How long the child may take to load the file and run one forward before the file is refused.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Starts the probe for <paramref name="request"/>'s --model file and returns at once, so the caller can initialise
    /// libtorch and resolve its options while the child loads the file; <see cref="Running.Wait"/> before loading it.
    /// </summary>
    public static Running Start(CheckRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var info = SelfStart();
        foreach (var a in Arguments(request)) info.ArgumentList.Add(a);
        var child = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName} for the load probe.");
        return new Running(child, request.ModelPath!);
    }

    /// <summary>A probe process under way.</summary>
    public sealed class Running : IDisposable
    {
        private readonly Process child;
        private readonly string path;
        private readonly Task<string> stderr;
        private readonly Task<string> stdout;

        internal Running(Process child, string path)
        {
            this.child = child;
            this.path = path;
            stdout = child.StandardOutput.ReadToEndAsync();
            stderr = child.StandardError.ReadToEndAsync();
        }

        /// <summary>Waits for the child (at most <see cref="Timeout"/>); an abort or a timeout is a <see cref="InputException"/> naming the file.</summary>
        public void Wait()
        {
            if (!child.WaitForExit(Timeout))
            {
                child.Kill(entireProcessTree: true);
                child.WaitForExit();
                throw new InputException($"--model {path}: loading it and one forward on zeros did not finish within {Timeout.TotalSeconds:0} s (in a probe process).");
            }
            child.WaitForExit();
            _ = stdout.Result;
            if (child.ExitCode is ExitCodes.Ok or ExitCodes.BadInput or ExitCodes.InternalError) return;
            throw new InputException($"--model {path}: libtorch aborted while loading it or running one forward on zeros ({AbortMessage(stderr.Result)}; probe process exit {child.ExitCode}{Signal(child.ExitCode)}).");
        }

        /// <summary>Ends the child if it still runs (the check stopped before waiting for it).</summary>
        public void Dispose()
        {
            try { if (!child.HasExited) child.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { /* it ended meanwhile */ }
            child.Dispose();
        }
    }

    /// <summary>The child's arguments: the request's model, shape, group, input representation and dtype, and the hidden option.</summary>
    internal static IReadOnlyList<string> Arguments(CheckRequest request)
    {
        var args = new List<string> { "check", "--model", request.ModelPath! };
        void Add(string option, string? value) { if (value is not null) args.AddRange([option, value]); }
        Add("--shape", request.Shape);
        Add("--group", request.Group);
        Add("--input-rep", request.InputRep);
        Add("--dtype", request.Dtype);
        args.Add(Option);
        return args;
    }

    /// <summary>
    /// libtorch's message from an aborted process's stderr: the text after "what():" up to the TorchScript source
    /// excerpt or the native frames, as one line, with the source location ("code/__torch__.py", line 7) when given;
    /// else the reason <see cref="Runtime.TorchMessages.Reason"/> finds; never empty.
    /// </summary>
    public static string AbortMessage(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var lines = stderr.Split('\n').Select(l => l.Trim()).ToArray();
        int what = Array.FindIndex(lines, l => l.StartsWith("what():", StringComparison.Ordinal));
        if (what < 0)
        {
            var rest = string.Join('\n', lines.Where(l => l.Length > 0 && !l.StartsWith("terminate called", StringComparison.Ordinal)));
            return rest.Length == 0 ? "no message on stderr" : Runtime.TorchMessages.Reason(rest);
        }
        var message = new List<string>();
        string? location = null;
        var first = lines[what]["what():".Length..].Trim();
        foreach (var line in lines.Skip(what + 1).Prepend(first))
        {
            if (line.StartsWith("File \"", StringComparison.Ordinal)) { location = line.Replace("File ", "", StringComparison.Ordinal); break; }
            if (line.StartsWith("frame #", StringComparison.Ordinal) || line.StartsWith("Exception raised from", StringComparison.Ordinal)) break;
            if (line.Length > 0 && line != ":") message.Add(line.TrimEnd(':'));
        }
        var text = message.Count == 0 ? "no message after what()" : string.Join(" ", message);
        return location is null ? text : $"{text.TrimEnd('.')}, at {location}";
    }

    private static string Signal(int exit) => exit switch
    {
        134 => ", SIGABRT",
        139 => ", SIGSEGV",
        > 128 and < 160 => $", signal {exit - 128}",
        _ => "",
    };

    /// <summary>This program again: its own executable, or the `dotnet` host with the entry assembly as first argument.</summary>
    private static ProcessStartInfo SelfStart()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("the load probe needs the path of this program (Environment.ProcessPath is null).");
        var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            info.ArgumentList.Add(Assembly.GetEntryAssembly()?.Location is { Length: > 0 } entry ? entry
                : throw new InvalidOperationException("the load probe runs under the dotnet host but the entry assembly has no path."));
        return info;
    }
}
