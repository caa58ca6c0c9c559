using MathNet.Numerics.Distributions;

namespace SymmetryProofs.Experiments.Bergman;

/// <summary>How a paired difference reads: settled (its corrected interval excludes 0, with the same sign at half the budget), not significant, or dependent on the budget.</summary>
internal enum Settlement
{
    /// <summary>The corrected interval excludes 0, and at half the budget it excludes 0 with the same sign.</summary>
    Settled,
    /// <summary>The corrected interval contains 0 at the full budget and at half of it: no difference shown.</summary>
    NotSignificant,
    /// <summary>Sign or significance differ between the full and the half budget: the budget, not the models, decides.</summary>
    BudgetDependent,
    /// <summary>Fewer than two paired seeds: no interval.</summary>
    TooFewSeeds,
}

/// <summary>
/// A paired difference over seeds (same seed, same split, same initial weights): its mean and its two-sided Student-t
/// interval at the Bonferroni-corrected level 1 - alpha/m for m comparisons, i.e. the t quantile 1 - alpha/(2m) with
/// n - 1 degrees of freedom. <see cref="Sign"/> is +1 or -1 when the interval lies wholly above or below 0, else 0.
/// </summary>
internal sealed record PairedDifference(int Seeds, double Mean, double Low, double High, int Comparisons, double Alpha)
{
    /// <summary>+1: wholly above 0; -1: wholly below 0; 0: contains 0 or undefined.</summary>
    public int Sign => Low > 0 ? 1 : High < 0 ? -1 : 0;
}

/// <summary>
/// The decision rules for differences between configurations, pure functions fixed before the runs they judge
/// (docs/tables.md, section "Paired comparisons"): Bonferroni-corrected paired t intervals, and "settled" only when
/// the difference is significant with the same sign at the full budget and at half of it.
/// </summary>
internal static class PairedComparison
{
    /// <summary>The family-wise error rate of a report's comparisons.</summary>
    public const double Alpha = 0.05;

    /// <summary>
    /// The paired difference of <paramref name="a"/> - <paramref name="b"/>, entry by entry (entry i of both is seed i),
    /// with its interval at level 1 - <paramref name="alpha"/>/<paramref name="comparisons"/>. Below two seeds the interval is NaN.
    /// When every difference is the same the interval is that value exactly (sd 0).
    /// </summary>
    public static PairedDifference Of(IReadOnlyList<double> a, IReadOnlyList<double> b, int comparisons, double alpha = Alpha)
    {
        if (a.Count != b.Count) throw new ArgumentException($"Paired values need the same seeds: {a.Count} against {b.Count}.", nameof(b));
        if (comparisons < 1) throw new ArgumentOutOfRangeException(nameof(comparisons), comparisons, "At least one comparison.");
        var d = a.Zip(b, (x, y) => x - y).ToArray();
        int n = d.Length;
        if (n == 0) return new PairedDifference(0, double.NaN, double.NaN, double.NaN, comparisons, alpha);
        double mean = d.Average();
        if (n < 2) return new PairedDifference(n, mean, double.NaN, double.NaN, comparisons, alpha);
        double sd = Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (n - 1));
        double half = sd == 0 ? 0 : StudentT.InvCDF(0, 1, n - 1, 1 - alpha / (2.0 * comparisons)) * sd / Math.Sqrt(n);
        return new PairedDifference(n, mean, mean - half, mean + half, comparisons, alpha);
    }

    /// <summary>
    /// The rule: settled when the difference is significant with the same sign at the full budget and at half of it;
    /// not significant when it is significant at neither; budget-dependent otherwise. Pass the same difference twice when
    /// the half-budget results equal the full ones (every run stopped by its rule within half the budget).
    /// </summary>
    public static Settlement Settle(PairedDifference full, PairedDifference half)
    {
        if (full.Seeds < 2 || half.Seeds < 2 || double.IsNaN(full.Low) || double.IsNaN(half.Low)) return Settlement.TooFewSeeds;
        if (full.Sign != 0 && full.Sign == half.Sign) return Settlement.Settled;
        if (full.Sign == 0 && half.Sign == 0) return Settlement.NotSignificant;
        return Settlement.BudgetDependent;
    }

    /// <summary>The word a report prints.</summary>
    public static string Word(this Settlement s) => s switch
    {
        Settlement.Settled => "settled",
        Settlement.NotSignificant => "not significant",
        Settlement.BudgetDependent => "budget-dependent",
        _ => "too few seeds",
    };
}
