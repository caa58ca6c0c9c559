using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// The one resume rule of every sweep. Each finished unit (a training run, a curve, a Hessian
/// setting) is appended to <c>checkpoint.jsonl</c> as one JSON line {unit, fingerprint, data, sha}
/// in a single write, flushed to disk, so SIGKILL loses at most the units in flight. On the next
/// run into the same folder, a unit is reused only when its fingerprint is this run's and its sha
/// (over unit, fingerprint and data) matches; every other line is refused, counted and explained
/// (other settings: which ones differ; edited or torn lines: where). CRLF and a missing final
/// newline are read as usual. The CSV and Markdown outputs are written from the reused and new units.
/// </summary>
public sealed class Checkpoint<T> : IFinishedUnits<T>
{
    public const string FileName = "checkpoint.jsonl";
    private const string SettingsFolder = "settings";
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private readonly object gate = new();
    private readonly Dictionary<string, T> units = new();

    public string Path { get; }
    public Fingerprint Fingerprint { get; }

    /// <summary>Units of this fingerprint, reused and new.</summary>
    public IReadOnlyDictionary<string, T> Units => units;

    public int Reused { get; private set; }

    private Checkpoint(string folder, Fingerprint fingerprint)
    {
        Path = System.IO.Path.Combine(folder, FileName);
        Fingerprint = fingerprint;
    }

    /// <summary>Opens the checkpoint in <paramref name="folder"/> for a run with <paramref name="fingerprint"/>, loads what it may reuse and tells <paramref name="log"/> what it reused and refused.</summary>
    public static Checkpoint<T> Open(string folder, Fingerprint fingerprint, IRunLog log)
    {
        var c = new Checkpoint<T>(folder, fingerprint);
        var settingsDir = System.IO.Path.Combine(folder, SettingsFolder);
        Directory.CreateDirectory(settingsDir);
        IO.AtomicFile.WriteAllText(System.IO.Path.Combine(settingsDir, fingerprint.Hash + ".json"), fingerprint.Json + "\n");
        c.Load(folder, log);
        return c;
    }

    public bool TryGet(string unit, out T value)
    {
        lock (gate) return units.TryGetValue(unit, out value!);
    }

    /// <summary>Appends one finished unit in a single write, flushed to disk.</summary>
    public void Append(string unit, T data)
    {
        var node = JsonSerializer.SerializeToNode(data, Options);
        string dataJson = node?.ToJsonString(Options) ?? "null";
        var line = new JsonObject
        {
            ["unit"] = unit,
            ["fingerprint"] = Fingerprint.Hash,
            ["data"] = JsonNode.Parse(dataJson),
            ["sha"] = Sha(unit, Fingerprint.Hash, dataJson),
        }.ToJsonString(Options) + "\n";
        var bytes = Encoding.UTF8.GetBytes(line);
        lock (gate)
        {
            using (var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }
            units[unit] = data;
        }
    }

    private void Load(string folder, IRunLog log)
    {
        if (Directory.Exists(Path)) throw new InputException($"{Path}: is a directory; expected the run's checkpoint file (move it away to start afresh).");
        if (!File.Exists(Path)) return;
        var text = File.ReadAllText(Path);
        var lines = text.Split('\n');
        bool lastLineIntact = false;
        var otherSettings = new Dictionary<string, int>();
        var damaged = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            string raw = lines[i].TrimEnd('\r');
            if (raw.Length == 0) continue;
            string where = $"{Path}:{i + 1}";
            try
            {
                var node = JsonNode.Parse(raw) as JsonObject ?? throw new JsonException("not an object");
                string unit = (string?)node["unit"] ?? throw new JsonException("no unit");
                string fp = (string?)node["fingerprint"] ?? throw new JsonException("no fingerprint");
                string dataJson = node["data"]?.ToJsonString(Options) ?? "null";
                lastLineIntact = i == lines.Length - 1;
                if ((string?)node["sha"] != Sha(unit, fp, dataJson)) { damaged.Add($"{where}: checksum does not match its content (edited by hand?)"); continue; }
                if (fp != Fingerprint.Hash) { otherSettings[fp] = otherSettings.GetValueOrDefault(fp) + 1; continue; }
                var data = JsonSerializer.Deserialize<T>(dataJson, Options) ?? throw new JsonException("empty data");
                if (!units.TryAdd(unit, data)) damaged.Add($"{where}: unit {unit} appears twice (the first is kept)");
            }
            catch (JsonException e)
            {
                damaged.Add(i == lines.Length - 1 && !text.EndsWith('\n') && !lastLineIntact ? $"{where}: torn last line (the run was killed while writing it, or the disk was full); removed, so the next unit starts a line of its own" : $"{where}: not a checkpoint line ({e.Message})");
            }
        }
        if (text.Length > 0 && !text.EndsWith('\n')) RepairTail(text, lastLineIntact);
        Reused = units.Count;
        log.Line($"resume: {Reused} finished unit(s) reused from {Path}.");
        foreach (var (fp, count) in otherSettings)
        {
            var oldSettings = System.IO.Path.Combine(folder, SettingsFolder, fp + ".json");
            string why = File.Exists(oldSettings)
                ? string.Join("; ", Fingerprint.Differences(File.ReadAllText(oldSettings), Fingerprint.Json))
                : "their settings file is missing";
            log.Line($"resume: refused {count} unit(s) made with other settings (fingerprint {fp}: {why}).");
        }
        foreach (var d in damaged) log.Line($"resume: refused {d}.");
    }

    /// <summary>
    /// Makes the file end with a newline before anything is appended, so a new unit never joins a
    /// torn line (which would then be refused with it): an intact last line gets its newline, a torn
    /// one is cut off at the last complete line.
    /// </summary>
    private void RepairTail(string text, bool lastLineIntact)
    {
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Write, FileShare.Read);
        if (lastLineIntact)
        {
            stream.Seek(0, SeekOrigin.End);
            stream.WriteByte((byte)'\n');
        }
        else
        {
            stream.SetLength(Encoding.UTF8.GetByteCount(text.AsSpan(0, text.LastIndexOf('\n') + 1)));
        }
        stream.Flush(flushToDisk: true);
    }

    private static string Sha(string unit, string fingerprint, string dataJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{unit}\n{fingerprint}\n{dataJson}")))[..16];
}
