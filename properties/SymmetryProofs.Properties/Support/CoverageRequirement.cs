using System.Globalization;

namespace SymmetryProofs.Properties.Support;

/// <summary>
/// A share <see cref="Coverage"/> requires: among the cases (per value of <see cref="Per"/> when
/// given), those labelled <see cref="Key"/> = <see cref="Value"/> are at least (or at most)
/// <see cref="Share"/>, because <see cref="Why"/>.
/// </summary>
public sealed record CoverageRequirement(string Key, string Value, double Share, bool AtLeast, string? Per, string Why)
{
    /// <summary>Whether <paramref name="hits"/> of <paramref name="count"/> cases meet the requirement (never with no case).</summary>
    public bool Meets(int hits, int count) =>
        count > 0 && (AtLeast ? hits >= Share * count : hits <= Share * count);

    public override string ToString() =>
        $"{(Per is null ? "" : $"at every {Per}: ")}{Key} = {Value} in {(AtLeast ? "at least" : "at most")} {Percent(Share)} of the cases ({Why})";

    /// <summary>A share as a percentage, "37.5%".</summary>
    public static string Percent(double share) => (100 * share).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}

/// <summary>Orders "2" before "10" and "2-3" before "4-7": by the leading number when there is one.</summary>
internal sealed class NaturalOrder : IComparer<string>
{
    public static readonly NaturalOrder Instance = new();

    public int Compare(string? a, string? b)
    {
        static double Lead(string? s) => double.TryParse(new string((s ?? "").TakeWhile(ch => char.IsDigit(ch) || ch == '.').ToArray()), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.MaxValue;
        int c = Lead(a).CompareTo(Lead(b));
        return c != 0 ? c : string.CompareOrdinal(a, b);
    }
}
