using System.Globalization;

namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// --shard auto: which part of the sweep this task of a cluster scheduler's array runs, read from the
/// scheduler's variables, so one job script serves every task. A Slurm array job
/// (<c>sbatch --array=0-(N-1)</c> or any contiguous range) gives <c>SLURM_ARRAY_TASK_ID</c> with
/// <c>SLURM_ARRAY_TASK_MIN</c> and <c>SLURM_ARRAY_TASK_MAX</c> and/or <c>SLURM_ARRAY_TASK_COUNT</c>
/// (without MIN the ids count from 0); a Kubernetes indexed Job gives <c>JOB_COMPLETION_INDEX</c>
/// (0-based) and no count, so it needs auto/N with N its <c>completions</c>. Task id t is part
/// t - min + 1 of N. Missing, malformed or inconsistent variables are an <see cref="InputException"/> naming them.
/// </summary>
internal static class ScheduledShard
{
    /// <summary>The --shard value that asks for the scheduler's index.</summary>
    public const string Auto = "auto";

    public const string SlurmId = "SLURM_ARRAY_TASK_ID";
    public const string SlurmCount = "SLURM_ARRAY_TASK_COUNT";
    public const string SlurmMin = "SLURM_ARRAY_TASK_MIN";
    public const string SlurmMax = "SLURM_ARRAY_TASK_MAX";
    public const string KubernetesIndex = "JOB_COMPLETION_INDEX";

    /// <summary>This task's part; <paramref name="givenCount"/> is N from auto/N (null for plain auto).</summary>
    public static Shard Resolve(int? givenCount, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (Read(environment, SlurmId) is { } id) return FromSlurm(id, givenCount, environment);
        if (Read(environment, KubernetesIndex) is { } index)
        {
            if (givenCount is not { } n)
                throw new InputException($"--shard auto: {KubernetesIndex}={index} (a Kubernetes indexed Job) gives no count; use --shard auto/N with N the Job's completions.");
            return Part(index, 0, n, $"{KubernetesIndex}={index} with --shard auto/{n}");
        }
        throw new InputException($"--shard auto: neither {SlurmId} (a Slurm array job) nor {KubernetesIndex} (a Kubernetes indexed Job) is set; give --shard i/N outside a scheduler's array.");
    }

    private static Shard FromSlurm(long id, int? givenCount, Func<string, string?> environment)
    {
        long? min = Read(environment, SlurmMin), max = Read(environment, SlurmMax), count = Read(environment, SlurmCount);
        if (max is not null && min is null)
            throw new InputException($"--shard auto: {SlurmMax} is set without {SlurmMin}; expected both (or {SlurmCount}).");
        long first = min ?? 0;
        long? span = max is { } hi ? hi - first + 1 : null;
        if (count is { } c && span is { } s && c != s)
            throw new InputException($"--shard auto: {SlurmCount}={c} but {SlurmMin}..{SlurmMax} spans {s} ids; expected a contiguous array (sbatch --array=0-{c - 1}, no step or list).");
        long total = count ?? span ?? givenCount
            ?? throw new InputException($"--shard auto: {SlurmId} is set without {SlurmCount} or {SlurmMin}/{SlurmMax}; give --shard auto/N.");
        if (givenCount is { } g && g != total)
            throw new InputException($"--shard auto/{g}: the Slurm array has {total} tasks ({SlurmCount}/{SlurmMin}/{SlurmMax}); expected the same count.");
        return Part(id, first, total, $"{SlurmId}={id} in an array of {total} from {first}");
    }

    private static Shard Part(long id, long first, long count, string source)
    {
        if (count < 1 || count > Shard.MaxCount)
            throw new InputException($"--shard auto: {source}: {count} tasks; expected 1 to {Shard.MaxCount}.");
        long index = id - first + 1;
        if (index < 1 || index > count)
            throw new InputException($"--shard auto: {source}: the task is outside the array (part {index} of {count}); check the array's range and its count.");
        return new Shard((int)index, (int)count);
    }

    private static long? Read(Func<string, string?> environment, string name)
    {
        var text = environment(name);
        if (string.IsNullOrWhiteSpace(text)) return null;
        return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value
            : throw new InputException($"--shard auto: {name}={text} is not a non-negative integer.");
    }
}
