using SymmetryProofs.Representations;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Checking;

/// <summary>
/// How a model's outputs move, mapped onto the representation algebra once the input's representation and the
/// number of outputs m are known. The shortest declarations, as the command line names them: trivial (m copies of
/// the trivial representation: invariance), negation (m copies of the character that is -1 on every element but
/// the identity: odd outputs under inversion; refused for a group where that is not a homomorphism) and group (the
/// input's own representation: outputs move as the inputs do, m = n). Any other text is an expression of the
/// algebra (<see cref="RepresentationExpression"/>: <c>regular</c>, <c>regular * V</c>, <c>det</c>, <c>V * 4</c>, ...), and
/// <see cref="Of"/> declares any representation of the group built in code. Every declaration is checked to be a
/// homomorphism before it is used.
/// </summary>
public sealed class OutputDeclaration
{
    private readonly Func<Representation, int, Representation> build;
    private readonly Func<Representation, int?> required;

    /// <summary>The name the command line uses.</summary>
    public string Name { get; }

    public string Description { get; }

    private OutputDeclaration(string name, string description, Func<Representation, int, Representation> build, Func<Representation, int?>? required = null)
    {
        Name = name;
        Description = description;
        this.build = build;
        this.required = required ?? (_ => null);
    }

    public static readonly OutputDeclaration Trivial = new("trivial", "rho(g) = I: the outputs do not move (invariance)", (input, m) => Representation.Trivial(input.Group, m));

    public static readonly OutputDeclaration Negation = new("negation", "rho(g) = -I for every g but the identity: the outputs change sign (odd functions under inversion)",
        (input, m) => Representation.Character(input.Group, "negation", e => e.IsIdentity ? 1 : -1).Copies(m));

    public static readonly OutputDeclaration Group = new("group", "rho(g) = the input's action: the outputs move as the inputs do (m = n)", (input, _) => input, input => input.Dimension);

    /// <summary>Every named declaration, in a fixed order.</summary>
    public static readonly IReadOnlyList<OutputDeclaration> All = [Trivial, Negation, Group];

    /// <summary>
    /// The declaration called <paramref name="name"/>, or the expression it is (parsed once the input is known, where
    /// an unknown atom or a map that is not a homomorphism is refused).
    /// </summary>
    public static OutputDeclaration Parse(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return All.FirstOrDefault(r => r.Name == name) ?? new(name, $"the representation {name}",
            (input, _) => RepresentationExpression.Parse(name, input), input => RepresentationExpression.Parse(name, input).Dimension);
    }

    /// <summary>The number of outputs the declaration needs when the inputs move by <paramref name="input"/>, or null when any number fits.</summary>
    public int? RequiredOutputs(Representation input) => required(input);

    /// <summary>The number of outputs the declaration needs when <paramref name="group"/> acts on the inputs by its own matrices.</summary>
    public int? RequiredOutputs(IGroupAction group) => RequiredOutputs(Representation.Defining(group));

    /// <summary>One declared representation of the checked group; it needs exactly its dimension of outputs, and a check under another group is refused.</summary>
    public static OutputDeclaration Of(Representation representation)
    {
        ArgumentNullException.ThrowIfNull(representation);
        return new(representation.Name, $"the declared {representation}", (input, _) => Representation.SameGroup(input.Group, representation.Group) ? representation.EnsureHomomorphism()
            : throw new ArgumentException($"'{representation.Name}' represents {representation.Group.Name}, not {input.Group.Name}."), _ => representation.Dimension);
    }

    /// <summary>
    /// The representation on <paramref name="outputs"/> outputs when the inputs move by <paramref name="input"/>; an
    /// <see cref="ArgumentException"/> when the count does not fit or the declaration is not a representation of the group.
    /// </summary>
    public Representation For(Representation input, int outputs)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (RequiredOutputs(input) is int m && m != outputs)
            throw new ArgumentException($"Output representation '{Name}' of {input.Group.Name} needs {m} outputs; got {outputs}.", nameof(outputs));
        return build(input, outputs);
    }

    /// <summary>The representation when <paramref name="group"/> acts on the inputs by its own matrices.</summary>
    public Representation For(IGroupAction group, int outputs) => For(Representation.Defining(group), outputs);

    /// <summary>The representation on as many outputs as the declaration needs (one when any number fits): refuses early what can never be a representation.</summary>
    public Representation Validate(Representation input) => For(input, RequiredOutputs(input) ?? 1);

    /// <summary>As <see cref="Validate(Representation)"/> when the group acts on the inputs by its own matrices.</summary>
    public Representation Validate(IGroupAction group) => Validate(Representation.Defining(group));

    public override string ToString() => $"{Name}: {Description}";
}
