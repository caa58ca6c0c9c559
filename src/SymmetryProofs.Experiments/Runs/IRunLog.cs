namespace SymmetryProofs.Experiments.Runs;

/// <summary>Where a run tells a person what it does: lines of text and progress over its units. The CLI draws it; tests collect it.</summary>
public interface IRunLog
{
    void Line(string text);

    /// <summary><paramref name="done"/> of <paramref name="total"/> units finished; <paramref name="what"/> names the last one.</summary>
    void Progress(int done, int total, string what);
}

/// <summary>A log that writes plain lines (progress as "[3/40] what (elapsed, eta)") to a text writer; thread-safe.</summary>
public sealed class TextRunLog(TextWriter writer) : IRunLog
{
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly object gate = new();

    public List<string> Lines { get; } = new();

    public void Line(string text)
    {
        lock (gate) { Lines.Add(text); writer.WriteLine(text); }
    }

    public void Progress(int done, int total, string what)
    {
        double elapsed = clock.Elapsed.TotalSeconds;
        string eta = done > 0 && done < total ? $", about {elapsed / done * (total - done):F0} s left" : "";
        Line($"[{done}/{total}] {what} ({elapsed:F0} s{eta})");
    }

    /// <summary>A log that keeps its lines and prints nothing (for tests).</summary>
    public static TextRunLog Silent() => new(TextWriter.Null);
}
