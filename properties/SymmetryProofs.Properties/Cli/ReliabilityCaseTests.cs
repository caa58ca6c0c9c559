using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Cli;

/// <summary>
/// Hostile inputs a user meets, each as a process: every one is exit 2 in one line that says what is wrong in
/// plain words (the kind of file, the option and its limit, the shards missing), never a stack trace, a native
/// frame, a CLR type name or libtorch's feedback plea, and never "not found" for a file that is there.
/// </summary>
public sealed class ReliabilityCaseTests(ITestOutputHelper output) : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("cli-reliability").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(dir, name);

    private static readonly string Shipped = SymmetryProofs.Data.DataDirectory.FindShipped()!;

    private string Folder(string name, params (string File, Action<string> Make)[] files)
    {
        var folder = Path(name);
        Directory.CreateDirectory(folder);
        foreach (var (file, make) in files) make(System.IO.Path.Combine(folder, file));
        return folder;
    }

    private static void MakeFifo(string path)
    {
        using var p = Process.Start("mkfifo", [path]);
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    [Fact]
    public void Every_hostile_case_is_exit_2_in_one_plain_line()
    {
        var truncated = Path("truncated.pt");
        using (var zip = ZipFile.Open(truncated, ZipArchiveMode.Create)) zip.CreateEntry("model/data.pkl");
        var fifo = Path("fifo");
        MakeFifo(fifo);
        var aFile = Path("a-file");
        File.WriteAllText(aFile, "x");
        var asDirectory = Folder("dir-data", ("optdigits.tes", p => Directory.CreateDirectory(p)));
        var asFifo = Folder("fifo-data", ("optdigits.tes", p => File.CreateSymbolicLink(p, fifo)));
        var asZero = Folder("zero-data", ("optdigits.tes", p => File.CreateSymbolicLink(p, "/dev/zero")));
        var checkpointDir = Folder("checkpoint-dir", ("checkpoint.jsonl", p => Directory.CreateDirectory(p)));
        var lockDir = Folder("lock-dir", (".lock", p => Directory.CreateDirectory(p)));
        var onlyTes = Folder("only-tes", ("optdigits.tes", p => File.Copy(System.IO.Path.Combine(Shipped, "optdigits.tes"), p)));
        var damaged = Folder("damaged", ("optdigits.tes", p => File.WriteAllText(p, File.ReadAllText(System.IO.Path.Combine(Shipped, "optdigits.tes")) + "1,2\n")),
            ("optdigits.tra", p => File.Copy(System.IO.Path.Combine(Shipped, "optdigits.tra"), p)));
        var cases = new (string[] Args, string[] Mentions)[]
        {
            (["check", "--model", truncated, "--shape", "8", "--group", "inversion", "--out", Path("c1")], ["truncated.pt", "not a TorchScript module"]),
            (["tables", "--quick", "--data", asDirectory, "--out", Path("t1")], ["optdigits.tes", "is a directory"]),
            (["tables", "--quick", "--data", asFifo, "--out", Path("t2")], ["optdigits.tes", "is a FIFO"]),
            (["tables", "--quick", "--data", asZero, "--out", Path("t3")], ["optdigits.tes", "is a character device"]),
            (["tables", "--quick", "--data", aFile, "--out", Path("t4")], ["a-file", "is a file"]),
            (["sample-complexity", "--quick", "--out", checkpointDir], ["checkpoint.jsonl", "is a directory"]),
            (["sample-complexity", "--quick", "--out", lockDir], [".lock", "is a directory"]),
            (["merge", "--out", checkpointDir + "/", checkpointDir], ["--out", "is the shard folder"]),
            (["hessian", "--hidden", "x"], ["--hidden", "an integer"]),
            (["hessian", "--group", "so2", "--quick", "--data", Shipped, "--out", Path("h1")], ["--data", "translations only"]),
            (["hessian", "--group", "so2", "--quick", "--keep-fixed-modes", "--out", Path("h2")], ["--keep-fixed-modes", "translations only"]),
            (["fetch-data", "--from", damaged, "--data", Path("f1")], ["optdigits.tes", "SHA-256 mismatch"]),
            (["fetch-data", "--from", onlyTes, "--data", Path("f2")], ["optdigits.tra", "nothing was copied"]),
            (["fetch-data", "--from", asFifo, "--data", Path("f3")], ["optdigits.tes", "is a FIFO"]),
            (["fetch-data", "--from", Shipped, "--data", "/proc/x"], ["--data /proc/x"]),
            (["check", "--example", "odd-mlp", "--shape", "100000x100000", "--out", Path("c2")], ["--shape 100000x100000", "--model only"]),
            (["check", "--model", truncated, "--shape", "100000x100000", "--group", "inversion", "--out", Path("c3")], ["--shape 100000x100000", "at most 4096"]),
            (["learning-curves", "--quick", "--bootstrap", "2000000000", "--out", Path("l1")], ["--bootstrap", "1000000"]),
            (["hessian", "--quick", "--hidden", "100000", "--out", Path("h3")], ["--hidden 100000", "needs about", "MemAvailable"]),
            (["hessian", "bench", "--nets", "64-100000000-10", "--out", Path("b1")], ["--nets 64-100000000-10", "needs about", "MemAvailable"]),
        };
        var failures = new ConcurrentBag<string>();
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, c =>
        {
            var r = CliProcess.Run(c.Args);
            string what = string.Join(" ", c.Args);
            output.WriteLine($"{what} -> exit {r.Exit}: {r.Err.Trim()}");
            if (r.Exit != 2) failures.Add($"{what}: exit {r.Exit}\n{r}");
            else if (r.Err.Trim().Split('\n').Length != 1) failures.Add($"{what}: more than one line\n{r}");
            else if (new[] { "   at ", "frame #", "System.", "Could this error message" }.FirstOrDefault(r.Err.Contains) is { } noise) failures.Add($"{what}: shows '{noise}'\n{r}");
            else if (c.Mentions.FirstOrDefault(m => !r.Err.Contains(m, StringComparison.Ordinal)) is { } absent) failures.Add($"{what}: does not say '{absent}'\n{r}");
            else if (r.Err.Contains("not found", StringComparison.Ordinal) && !c.Mentions.Contains("nothing was copied")) failures.Add($"{what}: says 'not found' of a file that exists\n{r}");
        });
        Assert.True(failures.IsEmpty, string.Join("\n\n", failures));
        Assert.False(File.Exists(System.IO.Path.Combine(Path("f2"), "optdigits.tes")), "a refused copy writes neither file");
    }
}
