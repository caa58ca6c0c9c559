using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// The fingerprint of the settings that determine a run's results (protocol version, budget,
/// split, penalty, grid, ...; never --jobs, --out or --shard): the first 16 hex digits of the
/// SHA-256 of their canonical JSON. Every checkpointed unit carries it, and a resume reuses only
/// units whose fingerprint matches.
/// </summary>
public sealed record Fingerprint(string Hash, string Json)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static Fingerprint Of<T>(T settings)
    {
        string json = JsonSerializer.Serialize(settings, Options);
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];
        return new Fingerprint(hash, json);
    }

    /// <summary>The top-level settings whose values differ between two fingerprints' JSON, as "name: a -> b".</summary>
    public static IReadOnlyList<string> Differences(string oldJson, string newJson)
    {
        var a = JsonNode.Parse(oldJson) as JsonObject;
        var b = JsonNode.Parse(newJson) as JsonObject;
        if (a is null || b is null) return ["settings not comparable"];
        return a.Select(kv => kv.Key).Union(b.Select(kv => kv.Key))
            .Where(k => a[k]?.ToJsonString() != b[k]?.ToJsonString())
            .Select(k => $"{k}: {a[k]?.ToJsonString() ?? "(absent)"} -> {b[k]?.ToJsonString() ?? "(absent)"}").ToArray();
    }

    public override string ToString() => Hash;
}
