using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Properties.Experiments.Runs;

/// <summary>
/// Units that start from another unit's result (a seed's sweeps from its first minimum): through
/// <see cref="IExperiment{TSettings, TUnit, TResult}.ShardPosition"/> a group runs in one shard, in the plan's order,
/// and reads the result it starts from through <see cref="IExperiment{TSettings, TUnit, TResult}.Open"/>, whether it
/// was computed in this run or reused from the checkpoint; the shards join with `merge` into the whole sweep's results.
/// </summary>
public sealed class DependentUnitsTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("dependent-units").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private sealed record Settings(int Groups, int PerGroup);

    private sealed record Unit(int Group, int Index);

    /// <summary>Unit (g, 0) is worth 100 g; unit (g, i) starts from it and is worth 100 g + i.</summary>
    private class Chained(bool grouped) : IExperiment<Settings, Unit, int>
    {
        private IFinishedUnits<int>? finished;

        public List<Unit> Executed { get; } = [];

        public Dictionary<Unit, int> Reported { get; } = [];

        public string Name => grouped ? "chained" : "chained-ungrouped";

        public void Validate(Settings settings, RunOptions options) { }

        // The results do not depend on PerGroup: a longer plan reuses the units of a shorter one.
        public Fingerprint Fingerprint(Settings settings) => SymmetryProofs.Experiments.Runs.Fingerprint.Of(settings.Groups);

        public IReadOnlyList<Unit> Plan(Settings settings, RunOptions options, IRunLog log) =>
            Enumerable.Range(0, settings.Groups).SelectMany(g => Enumerable.Range(0, settings.PerGroup).Select(i => new Unit(g, i))).ToList();

        public string Key(Unit unit) => $"g={unit.Group};i={unit.Index}";

        public int ShardPosition(Unit unit, int position) => grouped ? unit.Group : position;

        public void Open(IFinishedUnits<int> finished) => this.finished = finished;

        public int Execute(Unit unit)
        {
            Executed.Add(unit);
            if (unit.Index == 0) return 100 * unit.Group;
            return finished!.TryGet(Key(unit with { Index = 0 }), out int start) ? start + unit.Index : throw new InvalidOperationException($"{Key(unit)}: its start is not finished");
        }

        public IReadOnlyList<Check> Report(FinishedRun<Settings, Unit, int> run)
        {
            foreach (var (u, r) in run.Results) Reported[u] = r;
            return [new Check("every unit", true, "")];
        }
    }

    private string Folder(string name) => Path.Combine(root, name);

    private static RunOptions Options(string folder, string shard = "1/1") => new(folder, 1, 1, Shard.Parse(shard));

    [Fact]
    public void A_group_runs_in_one_shard_and_the_merged_shards_give_every_unit()
    {
        var settings = new Settings(5, 3);
        foreach (int i in new[] { 1, 2 })
        {
            var experiment = new Chained(grouped: true);
            Assert.Equal(ExitCodes.Ok, Runner.Run(experiment, settings, Options(Folder($"shard{i}"), $"{i}/2"), TextRunLog.Silent()));
            Assert.All(experiment.Executed, u => Assert.Equal(i - 1, u.Group % 2));
            Assert.NotEmpty(experiment.Executed);
        }
        var merged = new Chained(grouped: true);
        Assert.Equal(ExitCodes.Ok, Merge.Run(Folder("merged"), [Folder("shard1"), Folder("shard2")], [Runner.Mergeable(merged)], TextRunLog.Silent()));
        Assert.Empty(merged.Executed);
        Assert.Equal(15, merged.Reported.Count);
        Assert.All(merged.Reported, kv => Assert.Equal(100 * kv.Key.Group + kv.Key.Index, kv.Value));
    }

    /// <summary>Negative control: by their own positions a group's units are spread over the shards, and one starts from a unit no shard has given it.</summary>
    [Fact]
    public void Without_the_shared_position_a_later_unit_misses_its_start()
    {
        var e = Assert.Throws<AggregateException>(() => Runner.Run(new Chained(grouped: false), new Settings(5, 3), Options(Folder("shard2"), "2/2"), TextRunLog.Silent()));
        Assert.Contains("its start is not finished", e.Flatten().InnerExceptions.Single().Message);
    }

    [Fact]
    public void A_unit_starts_from_a_result_reused_from_the_checkpoint()
    {
        Assert.Equal(ExitCodes.Ok, Runner.Run(new Chained(grouped: true), new Settings(2, 1), Options(Folder("run")), TextRunLog.Silent()));
        var longer = new Chained(grouped: true);
        Assert.Equal(ExitCodes.Ok, Runner.Run(longer, new Settings(2, 3), Options(Folder("run")), TextRunLog.Silent()));
        Assert.DoesNotContain(longer.Executed, u => u.Index == 0);
        Assert.Equal(4, longer.Executed.Count);
        Assert.Equal([0, 1, 2, 100, 101, 102], longer.Reported.OrderBy(kv => kv.Key.Group).ThenBy(kv => kv.Key.Index).Select(kv => kv.Value).ToArray());
    }
}
