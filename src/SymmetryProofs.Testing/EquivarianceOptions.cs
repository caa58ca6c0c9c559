using SymmetryProofs.Checking;

namespace SymmetryProofs.Testing;

/// <summary>
/// What an equivariance assertion declares and spends: how the group moves the outputs (<see cref="Output"/>: trivial,
/// negation, group, or an expression of the representation algebra such as <c>regular</c> or <c>V * 4</c>), how it moves the
/// inputs when not the group's own action on its axes (<see cref="Input"/>, for example <c>regular * V</c>), the model
/// evaluations the search may spend and the seed that replays it.
/// </summary>
public sealed record EquivarianceOptions
{
    /// <summary>How the outputs move; "trivial" (invariance) by default.</summary>
    public string Output { get; init; } = "trivial";

    /// <summary>How the inputs move, as an expression; null: the group on its axes (C * V for C x H x W, V * k for a set, N * V for a point cloud).</summary>
    public string? Input { get; init; }

    public int Budget { get; init; } = new CheckOptions().Budget;

    public int Seed { get; init; } = new CheckOptions().Seed;
}
