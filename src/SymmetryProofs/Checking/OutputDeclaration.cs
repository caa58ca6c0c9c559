using SymmetryProofs.Representations;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Checking;

/// <summary>
/// The shortest declarations of how a model's outputs move, as the command line names them, each mapped onto
/// the representation algebra once the group and the number of outputs m are known: trivial (m copies of the
/// trivial representation: invariance), negation (m copies of the character that is -1 on every element but
/// the identity: odd outputs under inversion; refused for a group where that is not a homomorphism) and group
/// (the defining representation: outputs on the input space, m = n); and any representation of the checked
/// group built with the algebra (<see cref="Of"/>: the regular representation on |G| channels, a tensor product).
/// </summary>
public sealed class OutputDeclaration
{
    private readonly Func<IGroupAction, int, Representation> build;
    private readonly Func<IGroupAction, int?> required;

    /// <summary>The name the command line uses.</summary>
    public string Name { get; }

    public string Description { get; }

    private OutputDeclaration(string name, string description, Func<IGroupAction, int, Representation> build, Func<IGroupAction, int?>? required = null)
    {
        Name = name;
        Description = description;
        this.build = build;
        this.required = required ?? (_ => null);
    }

    public static readonly OutputDeclaration Trivial = new("trivial", "rho(g) = I: the outputs do not move (invariance)", (g, m) => Representation.Trivial(g, m));

    public static readonly OutputDeclaration Negation = new("negation", "rho(g) = -I for every g but the identity: the outputs change sign (odd functions under inversion)",
        (g, m) => Representation.Character(g, "negation", e => e.IsIdentity ? 1 : -1).Copies(m));

    public static readonly OutputDeclaration Group = new("group", "rho(g) = U(g): the outputs move as the inputs do (m = n)", (g, _) => Representation.Defining(g), g => g.SpaceDimension);

    /// <summary>Every declaration by name, in a fixed order.</summary>
    public static readonly IReadOnlyList<OutputDeclaration> All = [Trivial, Negation, Group];

    /// <summary>The declaration called <paramref name="name"/>; an unknown name is refused with the choices.</summary>
    public static OutputDeclaration Parse(string name) =>
        All.FirstOrDefault(r => r.Name == name)
        ?? throw new ArgumentException($"Unknown output representation '{name}'; expected one of {string.Join(", ", All.Select(r => r.Name))}.", nameof(name));

    /// <summary>The number of outputs the declaration needs for <paramref name="group"/>, or null when any number fits.</summary>
    public int? RequiredOutputs(IGroupAction group) => required(group);

    /// <summary>One declared representation of the checked group; it needs exactly its dimension of outputs, and a check under another group is refused.</summary>
    public static OutputDeclaration Of(Representation representation)
    {
        ArgumentNullException.ThrowIfNull(representation);
        return new(representation.Name, $"the declared {representation}", (g, _) => Representation.SameGroup(g, representation.Group) ? representation
            : throw new ArgumentException($"'{representation.Name}' represents {representation.Group.Name}, not {g.Name}."), _ => representation.Dimension);
    }

    /// <summary>
    /// The representation of <paramref name="group"/> on <paramref name="outputs"/> outputs; an
    /// <see cref="ArgumentException"/> when the count does not fit or the declaration is not a representation of the group.
    /// </summary>
    public Representation For(IGroupAction group, int outputs)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (RequiredOutputs(group) is int m && m != outputs)
            throw new ArgumentException($"Output representation '{Name}' of {group.Name} needs {m} outputs; got {outputs}.", nameof(outputs));
        return build(group, outputs);
    }

    /// <summary>The representation on as many outputs as the declaration needs (one when any number fits): refuses early what can never be a representation.</summary>
    public Representation Validate(IGroupAction group) => For(group, RequiredOutputs(group) ?? 1);

    public override string ToString() => $"{Name}: {Description}";
}
