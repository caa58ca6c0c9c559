namespace SymmetryProofs;

/// <summary>
/// Bad input or usage, stated in one line that names the option or file and what was expected:
/// the one exception every command turns into exit code 2 (see the experiments' <c>Runs.Guard</c>).
/// It lives at the root of the core library so that the core (a model file, a group on a shape)
/// and every experiment raise the same type.
/// </summary>
public class InputException : Exception
{
    /// <summary>Bad input described by <paramref name="message"/> (one line).</summary>
    public InputException(string message) : base(message) { }

    /// <summary>Bad input described by <paramref name="message"/>, caused by <paramref name="inner"/> (kept for debugging, never shown).</summary>
    public InputException(string message, Exception inner) : base(message, inner) { }
}
