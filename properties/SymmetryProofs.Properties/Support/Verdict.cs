using FsCheck;
using FsCheck.Fluent;

namespace SymmetryProofs.Properties.Support;

/// <summary>
/// A check's outcome as plain data, (holds, label), so that a claim property can label its case
/// for <see cref="Coverage"/> and a negative control can use the same check as a bare property.
/// </summary>
public static class Verdict
{
    /// <summary>The verdict as an FsCheck property carrying its label.</summary>
    public static Property ToProperty(this (bool Holds, string Label) verdict) => Prop.Label(verdict.Holds, verdict.Label);
}
