using System.Text.Json.Serialization;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.SampleComplexity;

/// <summary>What a check tests: a quantitative prediction of the theory, or a sanity check of direction (a gain above 1, a steeper rate).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckKind>))]
public enum CheckKind
{
    [JsonStringEnumMemberName("theory")] Theory,
    [JsonStringEnumMemberName("sanity")] Sanity,
}

/// <summary>holds: the interval agrees with the prediction and resolves it; fails: the interval excludes it; inconclusive: neither.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    [JsonStringEnumMemberName("holds")] Holds,
    [JsonStringEnumMemberName("fails")] Fails,
    [JsonStringEnumMemberName("inconclusive")] Inconclusive,
}

/// <summary>
/// One check of the sample-complexity run as checks.json lists it. Measured and Predicted are the means over seeds
/// (gains and ratios back from the log scale); Interval is the interval the verdict read, of the quantity IntervalOf
/// names; SeedsNeeded, for an inconclusive check, is the seed count at which the measured spread would decide it.
/// </summary>
public sealed record SampleComplexityCheck(
    [property: JsonPropertyName("case")] string Case,
    [property: JsonPropertyName("check")] string Name,
    [property: JsonPropertyName("kind")] CheckKind Kind,
    [property: JsonPropertyName("verdict")] Verdict Verdict,
    [property: JsonPropertyName("measured")] double Measured,
    [property: JsonPropertyName("predicted")] double Predicted,
    [property: JsonPropertyName("interval")] double[] Interval,
    [property: JsonPropertyName("interval_of")] string IntervalOf,
    [property: JsonPropertyName("seeds_needed")] int? SeedsNeeded,
    [property: JsonPropertyName("detail")] string Detail)
{
    /// <summary>The run machinery's check: a failure sets exit code 1; an inconclusive check neither fails nor holds.</summary>
    public Check ToRunCheck() => new($"{Case}: {Name} [{(Kind == CheckKind.Theory ? "theory" : "sanity")}]", Verdict != Verdict.Fails, Detail, Verdict != Verdict.Inconclusive);
}
