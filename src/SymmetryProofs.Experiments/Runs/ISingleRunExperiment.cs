namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// A command that is one unit of work with nothing to resume (a `check` of one model): what it knows
/// is its settings, how to validate them and how to compute and write its reports; the
/// <see cref="Runner"/> owns the rest as for a sweep (the lock on --out, command.txt and run.json,
/// progress, exit codes from its checks).
/// </summary>
/// <typeparam name="TSettings">Everything the run depends on, serialisable to JSON (kept in run.json).</typeparam>
public interface ISingleRunExperiment<TSettings>
{
    /// <summary>The command's name: in the lock, in run.json and in messages.</summary>
    string Name { get; }

    /// <summary>Checks the settings before anything is created; bad input is an <see cref="InputException"/> naming the option.</summary>
    void Validate(TSettings settings);

    /// <summary>Computes the unit, writes its reports into the locked <paramref name="folder"/> and returns the checks they state.</summary>
    IReadOnlyList<Check> Run(TSettings settings, OutputFolder folder, IRunLog log);
}
