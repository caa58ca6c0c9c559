using SymmetryProofs.Testing;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SymmetryProofs.Sample.Tests;

/// <summary>
/// How a user's suite asserts the symmetry of its models in one line each: the point-cloud net saved with
/// torch.jit.script is invariant under SO(3); its variant with the z axis scaled by 1 + 1e-3 is not, and the failure
/// carries a shrunk counterexample and the seed that replays it; a TorchSharp module is checked the same way.
/// </summary>
public sealed class ModelSymmetryTests
{
    private static readonly EquivarianceOptions Quick = new() { Budget = 300 };

    private static string Model(string file) => Path.Combine(AppContext.BaseDirectory, "models", file);

    [Fact]
    public void The_point_cloud_net_is_invariant_under_rotations() =>
        Equivariance.Holds(Model("cloud.pt"), "so3", "8x3", Quick);

    [Fact]
    public void The_anisotropic_point_cloud_net_fails_with_a_counterexample_and_a_replay_seed()
    {
        var failure = Assert.Throws<EquivarianceViolation>(() => Equivariance.Holds(Model("cloud_bug.pt"), "so3", "8x3", Quick with { Seed = 7 }));
        Assert.Equal(7, failure.Seed);
        Assert.Equal(24, failure.Counterexample.X.Length);
        Assert.Contains(failure.Counterexample.X, v => v != 0);
        Assert.Contains("shrunk counterexample: g = ", failure.Message);
        Assert.Contains("replay: seed 7, budget 300", failure.Message);
    }

    private sealed class SquaredRadii : nn.Module<Tensor, Tensor>
    {
        public SquaredRadii() : base(nameof(SquaredRadii)) { }

        public override Tensor forward(Tensor x) => (x * x).sum(2).tanh().sum(1);
    }

    [Fact]
    public void A_TorchSharp_module_on_point_norms_is_invariant_under_O3() =>
        Equivariance.Holds(new SquaredRadii(), "o3", "5x3", Quick);
}
