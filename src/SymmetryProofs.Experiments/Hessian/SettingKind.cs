using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>Which part of the protocol a trained setting belongs to (names: main, k-sweep, rate-sweep).</summary>
[JsonConverter(typeof(HessianNames.KindJson))]
internal enum SettingKind
{
    /// <summary>The five main settings.</summary>
    Main,
    /// <summary>The grid sweep over K.</summary>
    KSweep,
    /// <summary>The random-sampling sweep over m.</summary>
    RateSweep,
}
