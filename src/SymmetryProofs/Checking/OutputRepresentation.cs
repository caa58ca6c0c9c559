using SymmetryProofs.Runtime;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Symmetry;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Checking;

/// <summary>
/// rho_out: how the outputs of an equivariant model move when the input moves by g. Named, so a
/// command line can choose one: the trivial representation (invariance), negation -I (the odd
/// logits of a bias-free net under inversion) and the group's own action (outputs on the input space).
/// </summary>
public sealed record OutputRepresentation(string Name, string Description)
{
    public static readonly OutputRepresentation Trivial = new("trivial", "rho(g) = I: the outputs do not move (invariance)");
    public static readonly OutputRepresentation Negation = new("negation", "rho(g) = -I for every g but the identity: the outputs change sign (odd functions under inversion)");
    public static readonly OutputRepresentation Group = new("group", "rho(g) = U(g): the outputs move as the inputs do (m = n)");

    /// <summary>Every representation by name, in a fixed order.</summary>
    public static readonly IReadOnlyList<OutputRepresentation> All = [Trivial, Negation, Group];

    /// <summary>The representation called <paramref name="name"/>; an unknown name is refused with the choices.</summary>
    public static OutputRepresentation Parse(string name) =>
        All.FirstOrDefault(r => r.Name == name)
        ?? throw new ArgumentException($"Unknown output representation '{name}'; expected one of {string.Join(", ", All.Select(r => r.Name))}.", nameof(name));

    /// <summary>Whether outputs of dimension <paramref name="m"/> fit this representation of a group acting on R^n.</summary>
    public bool Fits(int m, int n) => this != Group || m == n;

    /// <summary>rho(g) f(x) for one element, in float64.</summary>
    public Vector<double> Apply(GroupElement g, Vector<double> fx) =>
        this == Trivial ? fx : this == Negation ? (g.IsIdentity ? fx : -fx) : g.Matrix * fx;

    /// <summary>rho(g_b) f(x_b) for a batch: <paramref name="u"/> [B, n, n] the elements' matrices, <paramref name="identity"/> [B] 1 where g_b = e, <paramref name="fx"/> [B, m].</summary>
    public Tensor Apply(Tensor u, Tensor identity, Tensor fx) =>
        this == Trivial ? fx
        : this == Negation ? fx * identity.mul(Scalars.Two).sub(Scalars.One).unsqueeze(1)
        : u.bmm(fx.unsqueeze(2)).squeeze(2);

    public override string ToString() => $"{Name}: {Description}";
}
