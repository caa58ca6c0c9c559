using System.Globalization;
using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// The single bench's headline: the full Hessian by the symmetric assembly (<see cref="Objectives.HessianAssembly.Symmetric"/>,
/// pinned equal to the general one within the autograd tolerance by MlpObjectiveTests) plus symmetrisation and the
/// eigendecomposition, timed as one unit in each of <see cref="Repeats"/> repeats (after the Hessians built before them);
/// the statistic is the median of the wall times, with the minimum and maximum beside it.
/// </summary>
/// <param name="Walls">Wall seconds of each repeat, in the order run.</param>
/// <param name="Cpus">The process's CPU seconds of each repeat.</param>
internal sealed record BenchHeadline(
    [property: JsonPropertyName("walls_s")] IReadOnlyList<double> Walls,
    [property: JsonPropertyName("cpus_s")] IReadOnlyList<double> Cpus)
{
    /// <summary>How many times the unit is timed: five, so that the median ignores up to two disturbed repeats.</summary>
    public const int Repeats = 5;

    /// <summary>The rule, as bench.md's protocol states it.</summary>
    public static readonly string Rule = $"the headline \"full Hessian + spectrum\" is the median of {Repeats} repeats of the full Hessian by the symmetric assembly " +
        "plus symmetrisation and eigendecomposition, each repeat timed as one unit (min and max beside it); the symmetric assembly (about half the general one's flops) " +
        "stands in for the general one because a property test pins the two equal within the autograd tolerance; the rows above it time the phases separately";

    [JsonPropertyName("median_s")]
    public double Median => BenchTiming.MedianOf(Walls);

    [JsonPropertyName("min_s")]
    public double Min => Walls.Min();

    [JsonPropertyName("max_s")]
    public double Max => Walls.Max();

    [JsonPropertyName("median_cpu_s")]
    public double MedianCpu => BenchTiming.MedianOf(Cpus);

    /// <summary>Whether the median meets the goal (<see cref="BenchReport.WithinGoal"/>).</summary>
    [JsonPropertyName("within_goal")]
    public bool WithinGoal => BenchReport.WithinGoal(Median);

    /// <summary>Times <paramref name="unit"/> <see cref="Repeats"/> times.</summary>
    public static BenchHeadline Measure(Action unit)
    {
        var (walls, cpus) = BenchTiming.Repeat(Repeats, unit);
        return new BenchHeadline(walls, cpus);
    }

    /// <summary>The headline against the PyTorch reference and the goal, for an <paramref name="nParams"/>-parameter net at <paramref name="load"/>.</summary>
    public string Statement(int nParams, string load)
    {
        var inv = CultureInfo.InvariantCulture;
        return $"Here the {nParams}-parameter full Hessian plus spectrum took {Median.ToString("F3", inv)} s wall, the median of {Walls.Count} repeats " +
            $"(min {Min.ToString("F3", inv)} s, max {Max.ToString("F3", inv)} s; CPU median {MedianCpu.ToString("F3", inv)} s) at load average {load}, " +
            $"{(100 * Median / BenchReport.PyTorchSeconds).ToString("F1", inv)} % of that reference ({(WithinGoal ? "within" : "above")} the goal, {BenchReport.GoalSeconds.ToString("F1", inv)} s).";
    }
}
