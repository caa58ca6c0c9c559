using SymmetryProofs.Experiments.Parsing;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// The one spelling of every hessian option value, as the command line takes it and hessian.csv, summary.json, the
/// checkpoints and the reports write it; the JSON converters the enums carry read and write the same names.
/// </summary>
public static class HessianNames
{
    public static readonly OptionNames<HessianGroup> Group = new("--group", (HessianGroup.So2, "so2"), (HessianGroup.Translations, "translations"));

    public static readonly OptionNames<SpectrumPath> Spectrum = new("--spectrum",
        (SpectrumPath.Full, "full"), (SpectrumPath.Tangent, "tangent"), (SpectrumPath.Auto, "auto"), (SpectrumPath.Both, "both"));

    internal static readonly OptionNames<SettingKind> Kind = new("kind", (SettingKind.Main, "main"), (SettingKind.KSweep, "k-sweep"), (SettingKind.RateSweep, "rate-sweep"), (SettingKind.Extension, "extension"));

    internal static readonly OptionNames<Augmentation> Setting = new("setting",
        (Augmentation.Fine, "fine"), (Augmentation.Coarse, "coarse"), (Augmentation.Random, "random"),
        (Augmentation.Invariant, "invariant"), (Augmentation.None, "none"), (Augmentation.Grid, "grid"));

    public static string Name(this HessianGroup g) => Group.Name(g);
    public static string Name(this SpectrumPath p) => Spectrum.Name(p);
    internal static string Name(this SettingKind k) => Kind.Name(k);
    internal static string Name(this Augmentation a) => Setting.Name(a);

    internal sealed class GroupJson() : OptionNameJsonConverter<HessianGroup>(Group);
    internal sealed class SpectrumJson() : OptionNameJsonConverter<SpectrumPath>(Spectrum);
    internal sealed class KindJson() : OptionNameJsonConverter<SettingKind>(Kind);
    internal sealed class AugmentationJson() : OptionNameJsonConverter<Augmentation>(Setting);
}
