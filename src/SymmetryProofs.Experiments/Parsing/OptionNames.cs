using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.Parsing;

/// <summary>
/// The one spelling of an option value: the name the command line accepts and the CSV, JSON and reports write.
/// Parsing happens once, at the boundary; everything behind it holds the enum.
/// </summary>
/// <typeparam name="T">The option's enum.</typeparam>
public sealed class OptionNames<T> where T : struct, Enum
{
    private readonly Dictionary<T, string> names;
    private readonly Dictionary<string, T> values;

    /// <summary>A table for <paramref name="option"/> (e.g. "--finish"), one name per value, in the order help text lists them.</summary>
    public OptionNames(string option, params (T Value, string Name)[] table)
    {
        Option = option;
        names = table.ToDictionary(t => t.Value, t => t.Name);
        values = table.ToDictionary(t => t.Name, t => t.Value, StringComparer.Ordinal);
        Names = table.Select(t => t.Name).ToArray();
        var missing = Enum.GetValues<T>().Where(v => !names.ContainsKey(v)).ToList();
        if (missing.Count > 0) throw new ArgumentException($"{option}: no name for {string.Join(", ", missing)}.");
    }

    /// <summary>The option these names belong to, as bad-input messages name it.</summary>
    public string Option { get; }

    /// <summary>Every name, in table order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The name of <paramref name="value"/>.</summary>
    public string Name(T value) => names[value];

    /// <summary>The value named <paramref name="text"/>, or null.</summary>
    public T? Find(string text) => values.TryGetValue(text, out var v) ? v : null;

    /// <summary>The value named <paramref name="text"/>; anything else is bad input naming the option and the names it takes.</summary>
    public T Parse(string text) =>
        Find(text) ?? throw new InputException($"{Option}: got '{text}'; expected {Alternatives()}.");

    /// <summary>The value named <paramref name="text"/> in a file; anything else is bad input naming <paramref name="where"/> (file:line) and the names it takes.</summary>
    public T Parse(string text, string where) =>
        Find(text) ?? throw new InputException($"{where}: {Option} '{text}' is none of {Alternatives()}.");

    /// <summary>"a, b or c".</summary>
    public string Alternatives() => Names.Count == 1 ? Names[0] : string.Join(", ", Names.Take(Names.Count - 1)) + " or " + Names[^1];
}
