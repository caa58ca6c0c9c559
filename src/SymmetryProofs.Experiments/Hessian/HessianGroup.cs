using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>`--group`: the Lie group whose augmentation a hessian run studies (names: so2, translations).</summary>
[JsonConverter(typeof(HessianNames.GroupJson))]
public enum HessianGroup
{
    /// <summary>Rotations of R^2 acting on ring data.</summary>
    So2,
    /// <summary>Band-limited T^2 shifts of 8x8 digits.</summary>
    Translations,
}
