namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// Up to how many parameters the full Hessian plus its spectrum is practical: the largest n_params
/// whose cost stays within a time budget (from a power law fitted to the measured totals) and a
/// memory budget (from a <see cref="MemoryModel"/> fitted to the measured peaks).
/// </summary>
internal sealed record PracticalSize(
    double BudgetSeconds, double BudgetMb, PowerLaw? Time, double LargestMeasured, MemoryModel? Memory)
{
    /// <summary>Largest n_params within the time budget, or null without a rising fit.</summary>
    public double? ByTime => Time?.Where(BudgetSeconds);

    /// <summary>Largest n_params within the memory budget, or null without a memory model.</summary>
    public double? ByMemory => Memory?.Where(BudgetMb);

    /// <summary>The smaller of the two bounds that could be computed; null when neither could.</summary>
    public double? Limit => (ByTime, ByMemory) switch
    {
        ({ } t, { } m) => Math.Min(t, m),
        ({ } t, null) => t,
        (null, { } m) => m,
        _ => null,
    };

    /// <summary>
    /// The rule from measured nets: <paramref name="nParams"/> and <paramref name="totalSeconds"/> of the
    /// nets where both the Hessian and the eigendecomposition were measured (not extrapolated), and the
    /// peaks of those whose peak was reset for them.
    /// </summary>
    public static PracticalSize Of(IReadOnlyList<double> nParams, IReadOnlyList<double> totalSeconds,
        IReadOnlyList<(double NParams, double PeakMb)> peaks, double budgetSeconds, double budgetMb)
    {
        if (!(budgetSeconds > 0) || !(budgetMb > 0)) throw new ArgumentException("Budgets must be positive.");
        return new PracticalSize(budgetSeconds, budgetMb, PowerLaw.Fit(nParams, totalSeconds),
            nParams.Count == 0 ? 0 : nParams.Max(), MemoryModel.Fit(peaks));
    }

    /// <summary>The sentence for bench.md: both bounds, how each was obtained, and the limit.</summary>
    public string Statement()
    {
        string time = ByTime is { } t
            ? $"within {BudgetSeconds:G4} s up to about {Round(t)} parameters (power law over the measured nets, exponent {Time!.Describe()}; " +
              $"{(t <= LargestMeasured ? "within" : "extrapolated beyond")} the largest measured net, {LargestMeasured:F0} parameters)"
            : Time is null
                ? "no time bound: fewer than two nets had both the Hessian and the spectrum measured"
                : $"no time bound: the fitted cost does not rise with the size (exponent {Time.Describe()})";
        string memory = ByMemory is { } m
            ? $"within {BudgetMb:F0} MiB up to about {Round(m)} parameters (peak memory fitted as {Memory!.Describe()})"
            : Memory is null
                ? "no memory bound: fewer than two nets had their own peak memory measured through the eigendecomposition, or the peaks did not grow with the dense Hessian"
                : $"no memory bound: the fixed part of the memory model, {Memory.FixedMb:F0} MiB, already exceeds {BudgetMb:F0} MiB";
        string limit = Limit is { } l ? $"Practical on this machine up to about {Round(l)} parameters." : "No practical limit could be computed from these data.";
        return $"Full Hessian plus spectrum: {time}; {memory}. {limit}";
    }

    /// <summary>Two significant figures, as a whole number with thousands separators.</summary>
    public static string Round(double n)
    {
        if (n < 1) return n.ToString("G2", System.Globalization.CultureInfo.InvariantCulture);
        double scale = Math.Pow(10, Math.Floor(Math.Log10(n)) - 1);
        return (Math.Round(n / scale) * scale).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    }
}
