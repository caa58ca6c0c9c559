namespace SymmetryProofs.Checking;

/// <summary>What the <c>check</c> command was asked, as parsed from its options (null: not given).</summary>
public sealed record CheckRequest
{
    public string? ModelPath { get; init; }
    public string? Example { get; init; }
    public string? Group { get; init; }
    public string? OutputRep { get; init; }
    /// <summary>How the group moves the input tensor, as an expression of the representation algebra (default: the group's own action on its axes).</summary>
    public string? InputRep { get; init; }
    public string? Dtype { get; init; }
    /// <summary>The input shape for a --model file: "CxHxW" (channels of images), "HxW" (an image or an N x k table, row-major) or "D" (R^D).</summary>
    public string? Shape { get; init; }
    public int Budget { get; init; } = new CheckOptions().Budget;
    public int Seed { get; init; } = new CheckOptions().Seed;
    public string Out { get; init; } = "results/check";
    public bool List { get; init; }
    public bool Benchmark { get; init; }
    /// <summary>
    /// Only load the --model file and run one forward on zeros (in its dtype and in float64), then exit: what the command
    /// runs in a child process before loading a file itself, since libtorch aborts the process on some files (code that
    /// does not compile) where managed code cannot catch it.
    /// </summary>
    public bool ProbeLoad { get; init; }
    /// <summary>Save the --example as a TorchScript file here instead of checking it.</summary>
    public string? Export { get; init; }
}
