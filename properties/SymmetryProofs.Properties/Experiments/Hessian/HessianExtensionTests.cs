using SymmetryProofs.Experiments.Hessian;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Properties.Experiments.Hessian;

/// <summary>
/// The grids beyond the fine K (no training): they are planned after the protocol's units under keys of their own (so a
/// checkpoint of the units planned before is reused whole), a seed continues to the next grid only while the grid before
/// left it unresolved, claim 9 is judged on each seed's final grid, and the next grid an unresolved seed would need is the
/// smallest multiple of the period at or above the prediction and beyond the grid tried.
/// </summary>
public sealed class HessianExtensionTests
{
    private const double Threshold = HessianAnalysis.FlatThreshold;

    /// <summary>The full translations protocol's plan shape (no data is loaded: planning needs none).</summary>
    private static HessianProblem Translations(int fineK, int[] extension) => new()
    {
        GroupId = HessianGroup.Translations,
        Group = new TorusTranslations(8, 8),
        Samples = 12,
        Hidden = 3,
        FineK = fineK,
        CoarseK = 4,
        RandomM = 16,
        KSweep = [2, 4, 8, fineK],
        RateSweep = [1, 4],
        Extension = extension,
        RoamSteps = 1,
        RoamBatch = 1,
        DataDescription = "",
        InvariantDescription = "",
    };

    private static HessianResult Result(SettingKind kind, Augmentation setting, int k, int seed, double curvatureRel, int nFlat = 2, int orbitDim = 2, double angle = 0.01) =>
        new(new HessianRunId(kind, setting, k, seed), new HessianSize(HessianGroup.Translations, 2, 235, 12 * k * k),
            new CriticalPointReached(1e-10, 0.1, 1, true, 0, 0, 100), new FlatCount(orbitDim, 0.5, nFlat, 0, 0),
            new Curvatures(curvatureRel, curvatureRel, 1e-3, 1, 0, 0, 1e-4, angle, angle), new PathRun(SpectrumPath.Full, double.NaN, 0, 0, []));

    [Fact]
    public void Extension_grids_follow_the_protocols_units_under_their_own_keys()
    {
        var runner = new HessianRunner(Translations(128, [192, 256]), 1e-3, TextRunLog.Silent());
        var before = new HessianRunner(Translations(128, []), 1e-3, TextRunLog.Silent());
        var units = runner.Units(3).ToList();
        var old = before.Units(3).ToList();
        // The units planned without the extension come first and unchanged, so their checkpoint keys are reused.
        Assert.Equal(old.Select(HessianRunner.Key), units.Take(old.Count).Select(HessianRunner.Key));
        Assert.Equal(["seed=3;kind=extension;setting=grid;k=192", "seed=3;kind=extension;setting=grid;k=256"], units.Skip(old.Count).Select(HessianRunner.Key));
        Assert.Equal(runner.Fine(3), runner.Previous(units[^2]));
        Assert.Equal(units[^2], runner.Previous(units[^1]));
        Assert.Throws<ArgumentException>(() => runner.Previous(runner.Fine(3)));
    }

    /// <summary>The rule: continue only after a trained grid at or above the threshold. A rule that continues after a resolved grid, or after one not needed, fails here.</summary>
    [Fact]
    public void A_seed_continues_only_while_its_previous_grid_is_unresolved()
    {
        HessianUnit Unit(double c) => new(Result(SettingKind.Main, Augmentation.Fine, 128, 0, c), [0.0]);
        Assert.True(FinalGrid.Continues(Unit(4.6e-6)));
        Assert.True(FinalGrid.Continues(Unit(Threshold)));
        Assert.True(FinalGrid.Continues(Unit(-2 * Threshold)));
        Assert.False(FinalGrid.Continues(Unit(Threshold * 0.999)));
        Assert.False(FinalGrid.Continues(Unit(2.4e-10)));
        Assert.False(FinalGrid.Continues(HessianUnit.NotNeeded));
    }

    [Fact]
    public void Claim_9_is_judged_on_each_seeds_final_grid()
    {
        var results = new List<HessianResult>
        {
            Result(SettingKind.Main, Augmentation.Fine, 128, 0, 2e-10),
            Result(SettingKind.Main, Augmentation.Fine, 128, 1, 4.6e-6, nFlat: 1),
            Result(SettingKind.Extension, Augmentation.Grid, 192, 1, 3e-7),
            Result(SettingKind.Main, Augmentation.Fine, 128, 2, 5e-6, nFlat: 1),
            Result(SettingKind.Extension, Augmentation.Grid, 192, 2, 2e-6, nFlat: 1),
            Result(SettingKind.Extension, Augmentation.Grid, 256, 2, 4e-7),
        };
        Assert.Equal([128, 192, 256], FinalGrid.PerSeed(results).Select(r => r.Id.K));
        var claim9 = HessianChecks.Evaluate(results).Single(c => c.Name.StartsWith("claim 9: where", StringComparison.Ordinal));
        Assert.True(claim9.Held && claim9.Conclusive, claim9.ToString());
        Assert.Contains("resolved in 3 of 3 seeds", claim9.ToString(), StringComparison.Ordinal);

        // Negative control: a final grid that resolves the orbit but has one flat direction too few fails the claim.
        results[^1] = Result(SettingKind.Extension, Augmentation.Grid, 256, 2, 4e-7, nFlat: 1);
        var fails = HessianChecks.Evaluate(results).Single(c => c.Name.StartsWith("claim 9: where", StringComparison.Ordinal));
        Assert.False(fails.Held, fails.ToString());
    }

    [Theory]
    [InlineData(143.2, 128, 8, 144)]
    [InlineData(129.0, 128, 8, 136)]
    [InlineData(100.0, 128, 8, 136)]
    [InlineData(32.0, 16, 8, 32)]
    [InlineData(31.4, 16, 1, 32)]
    [InlineData(17.0, 16, 8, 24)]
    public void The_next_grid_is_the_smallest_multiple_of_the_period_at_or_above_the_prediction_and_beyond_the_grid_tried(double predicted, int tried, int step, int next) =>
        Assert.Equal(next, HessianClaimsReport.NextGrid(predicted, tried, step));
}
