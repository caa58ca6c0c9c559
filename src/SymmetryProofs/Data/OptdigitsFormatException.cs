namespace SymmetryProofs.Data;

/// <summary>
/// A malformed optdigits file. The message reads <c>file:line: what was wrong</c>, the form editors
/// and terminals turn into a link, so a user lands on the offending line.
/// </summary>
public sealed class OptdigitsFormatException : FormatException
{
    public string File { get; }
    public int Line { get; }
    public string Problem { get; }

    public OptdigitsFormatException(string file, int line, string problem)
        : base($"{file}:{line}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }
}
