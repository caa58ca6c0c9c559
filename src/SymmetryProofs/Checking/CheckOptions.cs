using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Checking;

/// <summary>
/// How much a check may spend and where it starts: the budget of model evaluations for the search
/// (one input through the model, forward or backward, counts one), the separate budget for
/// shrinking, and the seed that regenerates the whole search.
/// </summary>
public sealed record CheckOptions(int Budget = 2000, int Seed = 1, int ShrinkBudget = 2000)
{
    /// <summary>
    /// What the float64 comparison (f64(g x) against rho(g) f64(x)) may differ by. A float64
    /// evaluation of these models rounds at k u with u = 1.1e-16 and k the number of operations
    /// on a path (hundreds for the 8x8 nets here), so about 1e-13 at worst; the correct examples
    /// measure at most a few 1e-16 (docs/check.md). 1e-9 leaves three orders of margin above that
    /// floor and five below the smallest violation that matters here (1e-4 relative).
    /// </summary>
    public static readonly Tolerance Float64Tolerance =
        Tolerance.Within("float64 tolerance", 1e-9, "float64 rounding of these models is below 1e-13; 1e-9 is far above it and far below a 1e-4 violation");

    /// <summary>
    /// The rounding floor of a model that pins float32 inside its forward (<c>x.float()</c>), which has no float64 twin to
    /// measure its rounding against: 64 u with u = 2^-24 the unit roundoff of float32, about 3.8e-6 relative. Each of f(g x)
    /// and rho(g) f(x) is off its exact value by at most gamma_k = k u / (1 - k u) relative to the sizes summed on its
    /// longest rounding path (the standard bound), so their difference by 2 gamma_k; 64 u covers paths of about 32
    /// roundings, as in a few layers of width up to 32 summed in sequence, or wider ones summed pairwise. It is an estimate,
    /// not a measurement: a model that cancels large terms can round above it (a false alarm), and a violation below it is
    /// not seen; 3.8e-6 is below the torch.allclose default (1e-5) and well below a 1e-4 violation.
    /// </summary>
    public static readonly double PinnedFloat32Floor = 64 * Math.Pow(2, -24);

    /// <summary>
    /// The smallest search budget: the search's fixed costs, in the worst case a float32 model with a float64 twin (4 evaluations
    /// per case: x and g x, each in float32 and in float64), are its probe (2: the model and its twin on one input), one trial (4)
    /// and the verdict's re-measurement of the ascent's end and the worst trial (2 x 4), 14 evaluations, within 16. Below 8
    /// trials' worth of budget the search measures fewer trials, as many as fit beside the probe and the verdict.
    /// </summary>
    public const int MinimumBudget = 16;

    /// <summary>Why <see cref="MinimumBudget"/> suffices, as the messages that refuse a smaller budget say it.</summary>
    internal const string MinimumBudgetReason = "a float32 model's probe, one trial and the verdict's two cases take 2 + 4 + 8 = 14";

    /// <summary>Refuses budgets below <see cref="MinimumBudget"/> (too small to search within) and a negative shrink budget.</summary>
    public void Validate()
    {
        if (Budget < MinimumBudget) throw new ArgumentOutOfRangeException(nameof(Budget), Budget, $"A check needs a budget of at least {MinimumBudget} model evaluations ({MinimumBudgetReason}).");
        if (ShrinkBudget < 0) throw new ArgumentOutOfRangeException(nameof(ShrinkBudget), ShrinkBudget, "The shrink budget cannot be negative.");
    }
}
