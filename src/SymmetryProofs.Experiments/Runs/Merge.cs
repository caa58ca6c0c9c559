namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// Joins the checkpoints of the shards of one sweep into one folder: every line of every
/// <c>checkpoint.jsonl</c>, a unit kept once, with the settings files; all shards must come from
/// the same command. The reports are then written by running that command into the joined folder,
/// which finds every unit done and computes nothing.
/// </summary>
public static class Merge
{
    /// <summary>Merges <paramref name="sources"/> into <paramref name="target"/>; returns the command line of the shards with --shard removed and --out set to the target.</summary>
    public static IReadOnlyList<string> Checkpoints(string target, IReadOnlyList<string> sources, IRunLog log)
    {
        if (sources.Count == 0) throw new InputException("merge: name at least one shard folder to join.");
        string[]? command = null;
        foreach (var s in sources)
        {
            var file = Path.Combine(s, OutputFolder.CommandFile);
            if (!File.Exists(Path.Combine(s, Checkpoint<object>.FileName)) || !File.Exists(file))
                throw new InputException($"merge: {s} holds no checkpoint.jsonl and command.txt; expected the --out folder of a shard run.");
            var args = WithoutShardAndOut(File.ReadAllLines(file));
            if (command is null) command = args;
            else if (!command.SequenceEqual(args))
                throw new InputException($"merge: {s} was made by '{string.Join(" ", args)}', not '{string.Join(" ", command)}'; only shards of one command can be joined.");
        }
        using var folder = OutputFolder.Open(target, "merge", log);
        var seen = new HashSet<string>();
        var lines = new List<string>();
        foreach (var s in sources)
        {
            foreach (var line in File.ReadAllText(Path.Combine(s, Checkpoint<object>.FileName)).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
                if (seen.Add(line)) lines.Add(line);
            var settings = Path.Combine(s, "settings");
            if (Directory.Exists(settings))
            {
                Directory.CreateDirectory(folder.File("settings"));
                foreach (var f in Directory.GetFiles(settings)) File.Copy(f, Path.Combine(folder.File("settings"), Path.GetFileName(f)), overwrite: true);
            }
        }
        var existing = File.Exists(folder.File(Checkpoint<object>.FileName)) ? File.ReadAllText(folder.File(Checkpoint<object>.FileName)) : "";
        var known = existing.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToHashSet();
        IO.AtomicFile.WriteAllText(folder.File(Checkpoint<object>.FileName), existing + (existing.Length == 0 || existing.EndsWith('\n') ? "" : "\n") + string.Concat(lines.Where(l => !known.Contains(l)).Select(l => l + "\n")));
        log.Line($"merge: {lines.Count} checkpointed unit(s) from {sources.Count} shard folder(s) joined in {target}.");
        return [.. command!, "--out", target];
    }

    private static string[] WithoutShardAndOut(string[] args)
    {
        var kept = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is "--shard" or "--out") { i++; continue; }
            if (args[i].StartsWith("--shard=", StringComparison.Ordinal) || args[i].StartsWith("--out=", StringComparison.Ordinal)) continue;
            kept.Add(args[i]);
        }
        return kept.ToArray();
    }
}
