namespace SymmetryProofs.Properties.Support;

/// <summary>Suite-wide settings of the property tests.</summary>
public static class Suite
{
    /// <summary>
    /// Cases FsCheck tries per property (its default, 100). Every property class reads it, so
    /// raising it here (e.g. to 10_000) raises the count for the whole suite; one property can
    /// instead take <c>[Property(MaxTest = 10_000)]</c>.
    /// </summary>
    public const int Cases = 100;

    /// <summary>
    /// Cases a property may discard (a failed Prop.When precondition) before FsCheck gives up
    /// with "Arguments exhausted". Claim 3's precondition rejects up to about 60% of the larger
    /// generated sets (a zero input among 20 samples is likely), so ten per case is ample.
    /// </summary>
    public const int MaxRejected = 10 * Cases;
}
