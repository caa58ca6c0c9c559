using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Experiments.Tables;
using SymmetryProofs.Optimisation;
using SymmetryProofs.Properties.Data;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Experiments.Tables;

/// <summary>The tables experiment end to end on the real digits with a tiny budget: outputs, the theory's checks, resume, fingerprints, bad ratios.</summary>
public class TablesExperimentTests(ITestOutputHelper output)
{
    private static DataDirectory Data() => DataSamples.Shipped();

    [Fact]
    public void Tables_writes_all_rows_passes_the_checks_and_resumes_without_retraining()
    {
        var outDir = Directory.CreateTempSubdirectory("tables-test").FullName;
        try
        {
            var settings = new TablesSettings(SplitProtocol.SplitFirst, 0.8, new TrainingOptions(MaxEvaluations: 8));
            var options = RunOptions.Create(outDir, 1, 2, null);
            var log = TextRunLog.Silent();
            Assert.Equal(ExitCodes.Ok, TablesExperiment.Run(settings, options, Data(), log));
            var csv = Path.Combine(outDir, "tables.csv");
            var lines = File.ReadAllLines(csv);
            Assert.Equal(TablesCsv.Header, lines[0]);
            Assert.Equal(BergmanConfig.All.Count, lines.Length - 1);
            var md = File.ReadAllText(Path.Combine(outDir, "tables.md"));
            Assert.Contains("## Table 2, protocol `split-first`", md);
            // The irreducible-norms rows ran end to end, with R-bar = R among the checks that passed, and the report computed what they coincide with.
            foreach (var c in BergmanConfig.All.Where(c => !c.InPaper))
                Assert.Contains(lines.Skip(1), l => l.StartsWith($"split-first,{c.Bias.Name()},{c.Features.Name()},X,0,"));
            Assert.Contains($"{FeatureMaps.Label(FeatureSet.IrrepsInversion)} is {TablesCoincidence.SameOrder} to x_i^2 on all", md);
            Assert.Contains("2 of 2 of its runs reproduce the x_i^2 run of the same seed and biases bit for bit", md);
            Assert.Contains($"{FeatureMaps.Label(FeatureSet.IrrepsD4)} coincides with none of the paper's maps", md);
            Assert.True(new FileInfo(Path.Combine(outDir, "tables.png")).Length > 1000);

            // Resume: the same settings reuse every run (timing columns and all), so the CSV is unchanged.
            var before = File.ReadAllText(csv);
            var again = TextRunLog.Silent();
            Assert.Equal(ExitCodes.Ok, TablesExperiment.Run(settings, options, Data(), again));
            Assert.Equal(before, File.ReadAllText(csv));
            Assert.Contains(again.Lines, l => l.Contains($"{BergmanConfig.All.Count} finished unit(s) reused"));

            // Other settings: nothing is reused, and the log says which setting differs.
            var other = TextRunLog.Silent();
            Assert.Equal(ExitCodes.Ok, TablesExperiment.Run(settings with { Training = new TrainingOptions(MaxEvaluations: 9) }, options, Data(), other));
            output.WriteLine(string.Join("\n", other.Lines.Where(l => l.StartsWith("resume"))));
            Assert.Contains(other.Lines, l => l.Contains($"refused {BergmanConfig.All.Count} unit(s) made with other settings") && l.Contains("MaxEvaluations"));
            Assert.All(File.ReadAllLines(csv).Skip(1), l => Assert.InRange(int.Parse(l.Split(',')[7]), 1, 9));
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    /// <summary>Two shards of a tables sweep, joined by `merge`, give the tables.csv of the whole sweep (but for its time column).</summary>
    [Fact]
    public void Shards_joined_by_merge_write_the_whole_sweeps_rows()
    {
        var root = Directory.CreateTempSubdirectory("tables-shards").FullName;
        try
        {
            var settings = new TablesSettings(SplitProtocol.SplitFirst, 0.8, new TrainingOptions(MaxEvaluations: 4));
            string Dir(string name) => Path.Combine(root, name);
            Assert.Equal(ExitCodes.Ok, TablesExperiment.Run(settings, RunOptions.Create(Dir("whole"), 1, 2, null), Data(), TextRunLog.Silent()));
            foreach (var shard in new[] { "1/2", "2/2" })
                Assert.Equal(ExitCodes.Ok, TablesExperiment.Run(settings, RunOptions.Create(Dir(shard.Replace('/', '-')), 1, 2, shard), Data(), TextRunLog.Silent()));
            Assert.False(File.Exists(Path.Combine(Dir("1-2"), "tables.csv")));
            Assert.Equal(ExitCodes.Ok, Merge.Run(Dir("merged"), [Dir("1-2"), Dir("2-2")], [TablesExperiment.Mergeable()], TextRunLog.Silent()));
            static string[] WithoutTime(string file) => File.ReadAllLines(file).Select(l => string.Join(",", l.Split(',').Where((_, i) => i != 8))).ToArray();
            Assert.Equal(WithoutTime(Path.Combine(Dir("whole"), "tables.csv")), WithoutTime(Path.Combine(Dir("merged"), "tables.csv")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.9999)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_train_ratio_that_empties_a_class_on_one_side_is_refused_before_any_work(double ratio)
    {
        var digits = Optdigits.LoadVerified(Data());
        var e = output.Rejects<InputException>(() => SplitRatio.Validate(digits, SplitProtocol.SplitFirst, ratio), "--train-ratio");
        Assert.DoesNotContain("\n", e.Message);
    }
}
