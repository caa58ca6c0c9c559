using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>When a phase of `hessian bench --sweep` is extrapolated instead of run, and the budget of its "practical up to" statement.</summary>
/// <param name="MaxPhaseSeconds">A full Hessian or eigendecomposition predicted to take longer is extrapolated.</param>
/// <param name="MaxMemoryMb">An eigendecomposition predicted to peak above this (MiB) is extrapolated.</param>
/// <param name="BudgetSeconds">The time budget of the practical size.</param>
/// <param name="BudgetMb">The memory budget (MiB) of the practical size.</param>
public sealed record BenchLimits(
    [property: JsonPropertyName("max_phase_s")] double MaxPhaseSeconds,
    [property: JsonPropertyName("max_memory_mb")] double MaxMemoryMb,
    [property: JsonPropertyName("budget_s")] double BudgetSeconds,
    [property: JsonPropertyName("budget_mb")] double BudgetMb)
{
    /// <summary>Throws an <see cref="InputException"/> naming the first bad option.</summary>
    public void Validate()
    {
        if (!(MaxPhaseSeconds > 0)) throw new InputException($"--max-phase-seconds: got {MaxPhaseSeconds}; expected a positive number.");
        if (!(MaxMemoryMb > 0)) throw new InputException($"--max-memory-mb: got {MaxMemoryMb}; expected a positive number.");
        if (!(BudgetSeconds > 0)) throw new InputException($"--budget-seconds: got {BudgetSeconds}; expected a positive number.");
        if (!(BudgetMb > 0)) throw new InputException($"--budget-mb: got {BudgetMb}; expected a positive number.");
    }
}
