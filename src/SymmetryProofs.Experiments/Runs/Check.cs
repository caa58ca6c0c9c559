namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// One theory check a run reports: what was checked, whether it held, and the numbers behind the
/// verdict. A statistical check that the data neither confirm nor refute (an interval that contains
/// both outcomes) has <see cref="Conclusive"/> false: it did not fail, and it is not reported as holding.
/// </summary>
public sealed record Check(string Name, bool Held, string Detail, bool Conclusive = true)
{
    /// <summary>0 when every check held, 1 when one failed: the exit code of a run that wrote its reports.</summary>
    public static int ExitCode(IEnumerable<Check> checks) => checks.All(c => c.Held) ? ExitCodes.Ok : ExitCodes.CheckFailed;

    /// <summary>"holds" or "FAILS" with the check's name and numbers, for reports and logs.</summary>
    public override string ToString() => $"{(!Held ? "FAILS" : Conclusive ? "holds" : "inconclusive (not refuted)")}: {Name} ({Detail})";
}
