using System.Text.Json.Nodes;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.Parsing;

/// <summary>
/// Refuses a checkpoint written under an older version of an experiment's settings: its units hold other types, so
/// they are neither reused nor silently retrained over; the user is told in one line to pick another folder.
/// </summary>
internal static class SettingsVersion
{
    /// <summary>
    /// Throws <see cref="InputException"/> when <paramref name="folder"/>'s checkpoint has units whose settings (in its
    /// settings folder) carry a Version of <paramref name="current"/>'s experiment other than <paramref name="current"/>.
    /// </summary>
    public static void RefuseOlder(string folder, string current)
    {
        string checkpoint = Path.Combine(folder, "checkpoint.jsonl"), settings = Path.Combine(folder, "settings");
        if (!File.Exists(checkpoint) || !Directory.Exists(settings)) return;
        string experiment = current[..(current.IndexOf('/') + 1)];
        var text = File.ReadAllText(checkpoint);
        foreach (var file in Directory.EnumerateFiles(settings, "*.json"))
        {
            string? version = Version(file);
            if (version is null || version == current || !version.StartsWith(experiment, StringComparison.Ordinal)) continue;
            string hash = Path.GetFileNameWithoutExtension(file);
            if (text.Contains($"\"fingerprint\":\"{hash}\"", StringComparison.Ordinal))
                throw new InputException($"{checkpoint}: its units were made under settings {version}, which this version cannot read (it writes {current}); give another --out, or move the folder away to start afresh.");
        }
    }

    private static string? Version(string file)
    {
        try { return (string?)(JsonNode.Parse(File.ReadAllText(file)) as JsonObject)?["Version"]; }
        catch (System.Text.Json.JsonException) { return null; }
        catch (InvalidOperationException) { return null; }
    }
}
