using FsCheck.Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SymmetryProofs.Properties.Support;

/// <summary>
/// An FsCheck property that checks claim <see cref="Claim"/> of CLAIMS.md: the generators of
/// <see cref="Arbs"/>, <see cref="Suite.Cases"/> cases, <see cref="Suite.MaxRejected"/> rejections,
/// and the xunit traits Claim = n and Kind = property, so <c>dotnet test --filter Claim=5</c>
/// selects it. Any property setting (Replay, MaxTest, ...) can still be given as usual.
/// </summary>
[TraitDiscoverer(ClaimTraitDiscoverer.TypeName, ClaimTraitDiscoverer.AssemblyName)]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ClaimAttribute : PropertyAttribute, ITraitAttribute
{
    public ClaimAttribute(int claim)
    {
        Claim = claim;
        Arbitrary = new[] { typeof(Arbs) };
        MaxTest = Suite.Cases;
        MaxRejected = Suite.MaxRejected;
    }

    /// <summary>The claim's number in CLAIMS.md.</summary>
    public int Claim { get; }

    /// <summary>The value of the Kind trait.</summary>
    public string Kind => "property";
}

/// <summary>
/// Marks a negative control of claim <see cref="Claim"/> (a [Fact] that drops the claim's premise
/// and asserts FsCheck falsifies it): the traits Claim = n and Kind = control.
/// </summary>
[TraitDiscoverer(ClaimTraitDiscoverer.TypeName, ClaimTraitDiscoverer.AssemblyName)]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ClaimControlAttribute(int claim) : Attribute, ITraitAttribute
{
    public int Claim { get; } = claim;

    public string Kind => "control";
}

/// <summary>
/// Marks a [Fact] or [Theory] that checks claim <see cref="Claim"/> by running properties itself
/// (for example one FsCheck run per catalogue group): the traits Claim = n and Kind = property.
/// </summary>
[TraitDiscoverer(ClaimTraitDiscoverer.TypeName, ClaimTraitDiscoverer.AssemblyName)]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ClaimPropertyAttribute(int claim) : Attribute, ITraitAttribute
{
    public int Claim { get; } = claim;

    public string Kind => "property";
}

/// <summary>Reads the claim number and kind off <see cref="ClaimAttribute"/> and <see cref="ClaimControlAttribute"/>.</summary>
public sealed class ClaimTraitDiscoverer : ITraitDiscoverer
{
    public const string TypeName = "SymmetryProofs.Properties.Support.ClaimTraitDiscoverer";
    public const string AssemblyName = "SymmetryProofs.Properties";

    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
    {
        yield return new("Claim", traitAttribute.GetNamedArgument<int>("Claim").ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return new("Kind", traitAttribute.GetNamedArgument<string>("Kind"));
    }
}
