using System.Text.Json;
using System.Text.Json.Nodes;

namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// run.json in an output folder: which experiment ran with which settings, seeds and shard. It is
/// what `merge` reads to join shards and write the whole sweep's reports, with no command line to rerun.
/// </summary>
/// <param name="Experiment">The experiment's name (<see cref="IExperiment{TSettings, TUnit, TResult}.Name"/>).</param>
/// <param name="Settings">The settings as JSON.</param>
/// <param name="Fingerprint">The hash of the settings that decide the units' results.</param>
/// <param name="Seeds">--seeds.</param>
/// <param name="Shard">--shard, as i/N.</param>
public sealed record RunRecord(string Experiment, JsonNode Settings, string Fingerprint, int Seeds, string Shard)
{
    /// <summary>The file's name in an output folder.</summary>
    public const string FileName = "run.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The record as written to run.json.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";

    /// <summary>Reads <paramref name="folder"/>'s run.json; a missing or unreadable one is an <see cref="InputException"/> naming the folder.</summary>
    public static RunRecord Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new InputException($"{folder}: holds no {FileName}; expected the --out folder of a sweep run (--shard i/N).");
        try
        {
            return JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(path), Options) ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: not a run record ({e.Message.Split('.')[0]}).");
        }
    }

    /// <summary>The settings read back as <typeparamref name="TSettings"/>.</summary>
    public TSettings SettingsAs<TSettings>() =>
        Settings.Deserialize<TSettings>() ?? throw new InputException($"{FileName}: its settings are empty.");
}
