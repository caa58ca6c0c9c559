using SymmetryProofs.Experiments.Hessian;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Properties.Experiments.Hessian;

/// <summary>
/// The hessian sweep's plan (no training): a unit per trained setting with the checkpoint keys the protocol has always
/// used, every setting of a seed in that seed's shard, a sweep that cannot start before its seed's fine minimum is
/// finished, and the reports' rows (the K sweep's K = fine K is the fine run, relabelled).
/// </summary>
public sealed class HessianSweepTests
{
    private static readonly HessianSettings So2Quick = new(HessianGroup.So2, Quick: true, Penalty: 1e-3, KeepFixedModes: false, FineK: null);

    private static (HessianSweep Sweep, IReadOnlyList<HessianRunId> Units) Planned(int seeds)
    {
        var sweep = new HessianSweep(null);
        var options = new RunOptions(Path.Combine(Path.GetTempPath(), $"hessian-plan-{Guid.NewGuid():N}"), seeds, 1, Shard.Whole);
        sweep.Validate(So2Quick, options);
        return (sweep, sweep.Plan(So2Quick, options, TextRunLog.Silent()));
    }

    [Fact]
    public void The_plan_has_every_setting_of_every_seed_once_under_the_protocol_keys()
    {
        var (sweep, units) = Planned(2);
        // so2 --quick: 5 main settings, the K sweep 2..128 without K = 128 (the fine run), 4 sampling rates.
        Assert.Equal(2 * (5 + 9 + 4), units.Count);
        Assert.Equal(units.Count, units.Select(sweep.Key).Distinct().Count());
        Assert.Equal("seed=0;kind=main;setting=fine;k=128", sweep.Key(units[0]));
        Assert.Contains("seed=1;kind=k-sweep;setting=grid;k=96", units.Select(sweep.Key));
        Assert.Contains("seed=1;kind=rate-sweep;setting=random;k=64", units.Select(sweep.Key));
        Assert.DoesNotContain("seed=0;kind=k-sweep;setting=grid;k=128", units.Select(sweep.Key));
    }

    [Fact]
    public void Every_setting_of_a_seed_runs_in_that_seeds_shard()
    {
        var (sweep, units) = Planned(3);
        IExperiment<HessianSettings, HessianRunId, HessianUnit> experiment = sweep;
        for (int n = 1; n <= 3; n++)
        {
            var owners = units.Select((u, position) => (u.Seed, Shard: Enumerable.Range(1, n).Single(i => new Shard(i, n).Owns(experiment.ShardPosition(u, position)))));
            Assert.All(owners.GroupBy(o => o.Seed), g => Assert.Single(g.Select(o => o.Shard).Distinct()));
        }
    }

    [Fact]
    public void A_sweep_setting_does_not_start_before_its_fine_minimum_is_finished()
    {
        var (sweep, units) = Planned(1);
        sweep.Open(new Nothing());
        var e = Assert.Throws<InvalidOperationException>(() => sweep.Execute(units.First(u => u.Kind == SettingKind.KSweep)));
        Assert.Contains("seed=0;kind=main;setting=fine;k=128", e.Message);
    }

    private sealed class Nothing : IFinishedUnits<HessianUnit>
    {
        public bool TryGet(string unit, out HessianUnit value)
        {
            value = null!;
            return false;
        }
    }

    [Fact]
    public void The_reports_list_the_K_sweep_with_the_fine_run_at_K_equal_fine_K()
    {
        var problem = HessianProblem.Create(HessianGroup.So2, quick: true, dataDir: null, keepFixedModes: false);
        var runner = new HessianRunner(problem, 1e-3, TextRunLog.Silent());
        var rows = runner.Results(0, Stub).ToList();
        Assert.Equal(5 + 10 + 4, rows.Count);
        var sweep = rows.Where(r => r.Id.Kind == SettingKind.KSweep).ToList();
        Assert.Equal(problem.KSweep, sweep.Select(r => r.Id.K));
        var atFine = sweep.Single(r => r.Id.K == problem.FineK);
        Assert.Equal(Augmentation.Grid, atFine.Id.Setting);
        Assert.Equal(Stub(runner.Fine(0)).Point, atFine.Point);
        Assert.Equal([Augmentation.Fine, Augmentation.Coarse, Augmentation.Random, Augmentation.Invariant, Augmentation.None],
            rows.Where(r => r.Id.Kind == SettingKind.Main).Select(r => r.Id.Setting));
    }

    /// <summary>A result that names its setting in its loss (K + 1000 seed), so the relabelled fine row can be told apart.</summary>
    private static HessianResult Stub(HessianRunId id) => new(id, new HessianSize(HessianGroup.So2, 1, 39, 48),
        new CriticalPointReached(0, id.K + 1000 * id.Seed + (int)id.Setting * 1e-3, 1, true, 0, 0, 0), new FlatCount(1, 1, 1, 0, 0),
        new Curvatures(0, 0, 0, 1, 0, 0, 0, 0, 0), new PathRun(SpectrumPath.Full, double.NaN, 0, 0, []));
}
