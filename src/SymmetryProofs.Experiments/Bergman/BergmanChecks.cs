namespace SymmetryProofs.Experiments.Bergman;

/// <summary>How many runs a check applies to, and the runs that break it.</summary>
internal sealed record CheckedRuns(int Runs, IReadOnlyList<BergmanRow> Violations)
{
    public bool Holds => Violations.Count == 0;
    public int Held => Runs - Violations.Count;
}

/// <summary>The theory's exact checks, applied to every run (claims 3 and 6).</summary>
internal static class BergmanChecks
{
    /// <summary>The runs the bound applies to: bias-free nets on raw inputs.</summary>
    public static bool BoundApplies(BergmanCell c) => c.Bias == Bias.None && c.IsRawInput;

    /// <summary>R + R-bar &lt;= 1 (Eqs. 5-6) on every bias-free run on raw inputs.</summary>
    public static CheckedRuns Bound(IEnumerable<BergmanRow> rows)
    {
        var raw = rows.Where(r => BoundApplies(r.Cell)).ToList();
        return new CheckedRuns(raw.Count, raw.Where(r => r.AccTest + r.AccTestInverted > 1).ToList());
    }

    /// <summary>R-bar = R exactly, as float64 numbers (Eqs. 7-9), on every run on invariant features.</summary>
    public static CheckedRuns Invariance(IEnumerable<BergmanRow> rows)
    {
        var inv = rows.Where(r => !r.Cell.IsRawInput).ToList();
        return new CheckedRuns(inv.Count, inv.Where(r => r.AccTestInverted != r.AccTest).ToList());
    }
}
