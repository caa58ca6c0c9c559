using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>Which part of the protocol a trained setting belongs to (names: main, k-sweep, rate-sweep, extension).</summary>
[JsonConverter(typeof(HessianNames.KindJson))]
internal enum SettingKind
{
    /// <summary>The five main settings.</summary>
    Main,
    /// <summary>The grid sweep over K.</summary>
    KSweep,
    /// <summary>The random-sampling sweep over m.</summary>
    RateSweep,
    /// <summary>Grids beyond the fine K, trained only while the seed's previous grid leaves the orbit unresolved (<see cref="HessianProblem.Extension"/>).</summary>
    Extension,
}
