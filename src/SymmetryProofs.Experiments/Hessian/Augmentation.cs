using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>How a setting augments its data (names: fine, coarse, random, invariant, none, grid).</summary>
[JsonConverter(typeof(HessianNames.AugmentationJson))]
internal enum Augmentation
{
    /// <summary>A grid of the fine K per generator.</summary>
    Fine,
    /// <summary>A grid of the coarse K.</summary>
    Coarse,
    /// <summary>Haar-random elements drawn per sample.</summary>
    Random,
    /// <summary>Invariant features, no augmentation.</summary>
    Invariant,
    /// <summary>Raw inputs, no augmentation.</summary>
    None,
    /// <summary>A grid of the sweep's K.</summary>
    Grid,
}
