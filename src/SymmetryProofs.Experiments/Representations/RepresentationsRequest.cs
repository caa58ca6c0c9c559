namespace SymmetryProofs.Experiments.Representations;

/// <summary>
/// What `representations` decomposes: catalogue groups by name on one input shape, optionally the k-th
/// tensor power of their action; no group means the page's default cases.
/// </summary>
/// <param name="Groups">Catalogue names (GroupCatalog.Entries); empty for the default cases.</param>
/// <param name="Shape">"HxW" or "D"; null means 8x8 (the digits), or R^2 for so2.</param>
/// <param name="Power">Decompose the k-th tensor power of the action (k &gt;= 1).</param>
/// <param name="Out">The output directory.</param>
public sealed record RepresentationsRequest(IReadOnlyList<string> Groups, string? Shape, int Power, string Out)
{
    /// <summary>The invocation's arguments, recorded in command.txt beside the reports (not a setting, so not in run.json).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> CommandLine { get; init; } = [];
}
