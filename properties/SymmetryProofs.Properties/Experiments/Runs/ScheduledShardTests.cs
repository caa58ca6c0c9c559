using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Experiments.Tables;
using SymmetryProofs.Optimisation;
using SymmetryProofs.Properties.Data;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Experiments.Runs;

/// <summary>
/// --shard auto on a cluster scheduler: the part comes from a Slurm array's or a Kubernetes indexed Job's
/// variables; every task of a simulated array run, merged, gives the single run's rows; missing or
/// inconsistent variables are refused naming them; `merge` refuses a missing or repeated shard unless told to compute.
/// </summary>
public sealed class ScheduledShardTests(ITestOutputHelper output)
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData("auto", "SLURM_ARRAY_TASK_ID=0;SLURM_ARRAY_TASK_COUNT=3", 1, 3)]
    [InlineData("auto", "SLURM_ARRAY_TASK_ID=2;SLURM_ARRAY_TASK_COUNT=3", 3, 3)]
    [InlineData("auto", "SLURM_ARRAY_TASK_ID=5;SLURM_ARRAY_TASK_MIN=4;SLURM_ARRAY_TASK_MAX=7", 2, 4)]
    [InlineData("auto/4", "SLURM_ARRAY_TASK_ID=7;SLURM_ARRAY_TASK_MIN=4;SLURM_ARRAY_TASK_MAX=7;SLURM_ARRAY_TASK_COUNT=4", 4, 4)]
    [InlineData("auto/5", "JOB_COMPLETION_INDEX=0", 1, 5)]
    [InlineData("auto/5", "JOB_COMPLETION_INDEX=4", 5, 5)]
    public void Auto_reads_the_part_from_the_scheduler(string option, string variables, int index, int count)
    {
        var env = Env(variables.Split(';').Select(v => (v.Split('=')[0], v.Split('=')[1])).ToArray());
        Assert.Equal(new Shard(index, count), Shard.Parse(option, env));
    }

    [Theory]
    [InlineData("auto", "", "SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX")]
    [InlineData("auto", "JOB_COMPLETION_INDEX=1", "JOB_COMPLETION_INDEX", "auto/N")]
    [InlineData("auto/2", "JOB_COMPLETION_INDEX=2", "JOB_COMPLETION_INDEX", "outside the array")]
    [InlineData("auto/2", "JOB_COMPLETION_INDEX=x", "JOB_COMPLETION_INDEX=x", "integer")]
    [InlineData("auto", "SLURM_ARRAY_TASK_ID=1", "SLURM_ARRAY_TASK_COUNT", "auto/N")]
    [InlineData("auto", "SLURM_ARRAY_TASK_ID=1;SLURM_ARRAY_TASK_MAX=3", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_MAX")]
    [InlineData("auto", "SLURM_ARRAY_TASK_ID=4;SLURM_ARRAY_TASK_MIN=0;SLURM_ARRAY_TASK_MAX=12;SLURM_ARRAY_TASK_COUNT=4", "SLURM_ARRAY_TASK_COUNT=4", "contiguous")]
    [InlineData("auto/3", "SLURM_ARRAY_TASK_ID=1;SLURM_ARRAY_TASK_COUNT=4", "auto/3", "4 tasks")]
    [InlineData("auto", "SLURM_ARRAY_TASK_ID=9;SLURM_ARRAY_TASK_COUNT=4", "SLURM_ARRAY_TASK_ID=9", "outside the array")]
    [InlineData("auto/0", "JOB_COMPLETION_INDEX=0", "--shard", "auto/0")]
    public void Missing_or_inconsistent_variables_are_refused_naming_them(string option, string variables, string first, string second)
    {
        var env = Env(variables.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(v => (v.Split('=')[0], v.Split('=')[1])).ToArray());
        var e = output.Rejects<InputException>(() => Shard.Parse(option, env), "--shard", first, second);
        Assert.DoesNotContain("\n", e.Message);
    }

    /// <summary>A tables sweep (one seed, 4 evaluations per run) as a Slurm array of 3 and as a Kubernetes indexed Job of 3: each merged equals one run but for its time column.</summary>
    [Fact]
    public void Every_task_of_a_simulated_array_merged_gives_the_single_runs_rows()
    {
        var root = Directory.CreateTempSubdirectory("scheduled-shards").FullName;
        try
        {
            var settings = new TablesSettings(SplitProtocol.SplitFirst, 0.8, new TrainingOptions(MaxEvaluations: 4));
            var data = DataSamples.Shipped();
            string Dir(string name) => Path.Combine(root, name);
            Assert.Equal(ExitCodes.Ok, TablesExperiment.Run(settings, RunOptions.Create(Dir("whole"), 1, 2, null), data, TextRunLog.Silent()));
            var slurm = Enumerable.Range(0, 3).Select(id => Run(settings, data, Dir($"slurm-{id}"), "auto", Env(("SLURM_ARRAY_TASK_ID", $"{id + 10}"), ("SLURM_ARRAY_TASK_MIN", "10"), ("SLURM_ARRAY_TASK_MAX", "12")))).ToList();
            var kubernetes = Enumerable.Range(0, 3).Select(i => Run(settings, data, Dir($"k8s-{i}"), "auto/3", Env(("JOB_COMPLETION_INDEX", $"{i}")))).ToList();
            Assert.Equal(["1/3", "2/3", "3/3"], slurm.Select(s => s.ToString()));
            Assert.Equal(["1/3", "2/3", "3/3"], kubernetes.Select(s => s.ToString()));
            Assert.False(File.Exists(Path.Combine(Dir("slurm-0"), "tables.csv")), "a shard writes no report");
            Assert.Equal(ExitCodes.Ok, Merge.Run(Dir("slurm"), [.. Enumerable.Range(0, 3).Select(i => Dir($"slurm-{i}"))], [TablesExperiment.Mergeable()], TextRunLog.Silent()));
            Assert.Equal(ExitCodes.Ok, Merge.Run(Dir("k8s"), [.. Enumerable.Range(0, 3).Select(i => Dir($"k8s-{i}"))], [TablesExperiment.Mergeable()], TextRunLog.Silent()));
            var whole = WithoutTime(Path.Combine(Dir("whole"), "tables.csv"));
            Assert.Equal(whole, WithoutTime(Path.Combine(Dir("slurm"), "tables.csv")));
            Assert.Equal(whole, WithoutTime(Path.Combine(Dir("k8s"), "tables.csv")));

            // A missing or repeated task is refused, listed, and creates nothing; --allow-compute computes the missing units and gives the same rows.
            output.Rejects<InputException>(() => Merge.Run(Dir("gap"), [Dir("slurm-0"), Dir("slurm-1")], [TablesExperiment.Mergeable()], TextRunLog.Silent()), "3/3", "missing", "--allow-compute");
            output.Rejects<InputException>(() => Merge.Run(Dir("twice"), [Dir("slurm-0"), Dir("k8s-0"), Dir("slurm-1"), Dir("slurm-2")], [TablesExperiment.Mergeable()], TextRunLog.Silent()), "1/3", "more than once", "slurm-0", "k8s-0");
            Assert.False(Directory.Exists(Dir("gap")) || Directory.Exists(Dir("twice")), "a refused merge creates no folder");
            Assert.Equal(ExitCodes.Ok, Merge.Run(Dir("computed"), [Dir("slurm-0"), Dir("slurm-1")], [TablesExperiment.Mergeable()], TextRunLog.Silent(), allowCompute: true));
            Assert.Equal(whole, WithoutTime(Path.Combine(Dir("computed"), "tables.csv")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Shard Run(TablesSettings settings, DataDirectory data, string folder, string shard, Func<string, string?> env)
    {
        var options = RunOptions.Create(folder, 1, 2, shard, env);
        Assert.Equal(ExitCodes.Ok, TablesExperiment.Run(settings, options, data, TextRunLog.Silent()));
        return options.Shard;
    }

    private static string[] WithoutTime(string file) => File.ReadAllLines(file).Select(l => string.Join(",", l.Split(',').Where((_, i) => i != 8))).ToArray();
}
