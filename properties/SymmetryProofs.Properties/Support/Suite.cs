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
}
