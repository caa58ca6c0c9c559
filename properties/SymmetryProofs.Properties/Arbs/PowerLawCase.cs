namespace SymmetryProofs.Properties;

/// <summary>
/// A planted power law as plain data: y = 10^PrefactorLog10 * x^(ExponentQuarters / 4) at the sizes
/// x in <see cref="Sizes"/> (distinct, sorted), plus an offset of OffsetPercent % of y at the median
/// size (0 for a pure power law; positive drops the premise of the exponent fit).
/// </summary>
public sealed record PowerLawCase(int ExponentQuarters, int PrefactorLog10, int[] Sizes, int OffsetPercent)
{
    public double Exponent => ExponentQuarters / 4.0;

    public double Prefactor => Math.Pow(10, PrefactorLog10);

    public double[] X => Sizes.Select(s => (double)s).ToArray();

    public double[] Y
    {
        get
        {
            double offset = OffsetPercent / 100.0 * Prefactor * Math.Pow(Sizes[Sizes.Length / 2], Exponent);
            return Sizes.Select(s => Prefactor * Math.Pow(s, Exponent) + offset).ToArray();
        }
    }

    public override string ToString() =>
        $"y = 1e{PrefactorLog10} x^{Exponent:G3}{(OffsetPercent == 0 ? "" : $" + {OffsetPercent}% of y(x = {Sizes[Sizes.Length / 2]})")} at x = [{string.Join(", ", Sizes)}]";

    /// <summary>Fewer sizes (down to two), exponent 1, prefactor 1, smaller sizes: each step simpler, so shrinking ends.</summary>
    public IEnumerable<PowerLawCase> Shrink()
    {
        if (Sizes.Length > 2)
            for (int j = 0; j < Sizes.Length; j++) yield return this with { Sizes = Sizes.Where((_, i) => i != j).ToArray() };
        if (ExponentQuarters != 4) yield return this with { ExponentQuarters = 4 };
        if (PrefactorLog10 != 0) yield return this with { PrefactorLog10 = 0 };
        var halved = Sizes.Select(s => Math.Max(1, s / 2)).Distinct().ToArray();
        if (halved.Length == Sizes.Length && !halved.SequenceEqual(Sizes)) yield return this with { Sizes = halved };
    }
}
