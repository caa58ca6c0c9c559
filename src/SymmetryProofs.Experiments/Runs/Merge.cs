using System.Text.Json;
using System.Text.Json.Nodes;

namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// Joins the shards of one sweep (--shard 1/N ... N/N) in one folder and writes the whole sweep's
/// reports, computing nothing. Each shard folder's run.json names its experiment, settings
/// fingerprint, seeds and shard; all must agree, and every shard must be given exactly once (a
/// missing or repeated shard is refused, listed). Checkpoint lines are joined by unit key under
/// the shards' fingerprint; then the experiment writes its reports from the joined checkpoint.
/// </summary>
public static class Merge
{
    /// <summary>
    /// Merges <paramref name="sources"/> into <paramref name="target"/> and writes the reports with the matching one of <paramref name="experiments"/>.
    /// With <paramref name="allowCompute"/>, a missing or repeated shard is reported instead of refused and the units no shard holds are computed here.
    /// </summary>
    public static int Run(string target, IReadOnlyList<string> sources, IReadOnlyList<MergeableExperiment> experiments, IRunLog log, bool allowCompute = false)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(experiments);
        ArgumentNullException.ThrowIfNull(log);
        if (sources.Count == 0) throw new InputException("merge: name the shard folders to join.");
        if (string.IsNullOrWhiteSpace(target)) throw new InputException("--out: got an empty path; expected a directory to join the shards in.");
        var targetPath = FullPath(target);
        if (sources.FirstOrDefault(s => FullPath(s) == targetPath) is { } inside)
            throw new InputException($"--out {target}: is the shard folder {inside}; join the shards in a new folder.");
        var shards = sources.Select(s => (Folder: s, Record: Read(s))).ToList();
        var first = shards[0];
        foreach (var (folder, record) in shards.Skip(1))
        {
            string? differs = record.Experiment != first.Record.Experiment ? $"experiment {record.Experiment}, not {first.Record.Experiment}"
                : record.Fingerprint != first.Record.Fingerprint ? $"settings fingerprint {record.Fingerprint}, not {first.Record.Fingerprint}"
                : record.Seeds != first.Record.Seeds ? $"--seeds {record.Seeds}, not {first.Record.Seeds}"
                : Shard.Parse(record.Shard).Count != Shard.Parse(first.Record.Shard).Count ? $"--shard {record.Shard}, not a part of {first.Record.Shard}'s N" : null;
            if (differs is not null) throw new InputException($"merge: {folder} was run with {differs} ({first.Folder}); only shards of one sweep can be joined.");
        }
        var experiment = experiments.FirstOrDefault(e => e.Name == first.Record.Experiment)
            ?? throw new InputException($"merge: {first.Folder} holds a {first.Record.Experiment} run, which has no shards to join (one of {string.Join(", ", experiments.Select(e => e.Name))} expected).");
        var finish = experiment.Finish;
        if (MissingOrRepeated(shards) is { } problems)
        {
            if (!allowCompute) throw new InputException($"merge: {problems}; give each shard folder once, or add --allow-compute to compute the missing units here.");
            finish = experiment.FinishComputing ?? throw new InputException($"merge --allow-compute: {experiment.Name} cannot compute missing units in a merge; {problems}.");
            log.Line($"merge: {problems}; --allow-compute: the units no shard holds are computed here.");
        }
        using var output = OutputFolder.Open(target, "merge", log);
        int joined = JoinCheckpoints(output, shards.Select(s => s.Folder).Distinct(), first.Record.Fingerprint, log);
        log.Line($"merge: {joined} checkpointed unit(s) from {shards.Count} shard folder(s) joined in {target}.");
        return finish(first.Record, output, log);
    }

    private static string FullPath(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static RunRecord Read(string folder)
    {
        if (!Directory.Exists(folder)) throw new InputException($"merge: {folder} is not a directory; expected the --out folder of a shard run.");
        if (!File.Exists(Path.Combine(folder, Checkpoint<object>.FileName)))
            throw new InputException($"merge: {folder} holds no {Checkpoint<object>.FileName}; expected the --out folder of a shard run.");
        return RunRecord.Read(folder);
    }

    /// <summary>Which shards of 1..N are missing or given more than once, in words; null when each is given once.</summary>
    private static string? MissingOrRepeated(IReadOnlyList<(string Folder, RunRecord Record)> shards)
    {
        int count = Shard.Parse(shards[0].Record.Shard).Count;
        var byIndex = shards.GroupBy(s => Shard.Parse(s.Record.Shard).Index).ToDictionary(g => g.Key, g => g.Select(s => s.Folder).ToList());
        var missing = Enumerable.Range(1, count).Where(i => !byIndex.ContainsKey(i)).Select(i => $"{i}/{count}").ToList();
        var repeated = byIndex.Where(kv => kv.Value.Count > 1).OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}/{count} ({string.Join(", ", kv.Value)})").ToList();
        var problems = new List<string>();
        if (missing.Count > 0) problems.Add($"shard(s) {string.Join(", ", missing)} missing (of {count})");
        if (repeated.Count > 0) problems.Add($"shard(s) given more than once: {string.Join("; ", repeated)}");
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>Appends to the target's checkpoint the shards' lines of <paramref name="fingerprint"/> whose unit it lacks; returns how many units it holds.</summary>
    private static int JoinCheckpoints(OutputFolder output, IEnumerable<string> folders, string fingerprint, IRunLog log)
    {
        var path = output.File(Checkpoint<object>.FileName);
        var existing = File.Exists(path) ? File.ReadAllText(path) : "";
        var lines = existing.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        var units = lines.Select(UnitOf).Where(u => u.Fingerprint == fingerprint).Select(u => u.Unit!).ToHashSet();
        foreach (var folder in folders)
        {
            int skipped = 0;
            foreach (var line in File.ReadAllText(Path.Combine(folder, Checkpoint<object>.FileName)).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
            {
                var (unit, fp) = UnitOf(line);
                if (unit is null || fp != fingerprint) { skipped++; continue; }
                if (units.Add(unit)) lines.Add(line);
            }
            if (skipped > 0) log.Line($"merge: {folder}: skipped {skipped} line(s) of other settings or damaged.");
        }
        IO.AtomicFile.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));
        return units.Count;
    }

    private static (string? Unit, string? Fingerprint) UnitOf(string line)
    {
        try
        {
            return JsonNode.Parse(line) is JsonObject o ? ((string?)o["unit"], (string?)o["fingerprint"]) : (null, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return (null, null);
        }
    }
}
