using SymmetryProofs.Data;
using SymmetryProofs.Experiments;
using SymmetryProofs.Properties.Data;
using SymmetryProofs.Optimisation;

namespace SymmetryProofs.Properties.Experiments;

/// <summary>The tables command end to end on the real digits with a tiny budget: outputs, the theory's checks, resume.</summary>
public class TablesCommandTests
{
    [Fact]
    public void Tables_writes_all_rows_passes_the_checks_and_resumes_without_retraining()
    {
        var dir = DataSamples.FindOptdigitsDirectory();
        Assert.True(dir is not null, "optdigits not found: place ../shared beside the clone.");
        var data = DataDirectory.Resolve(dir);
        var outDir = Directory.CreateTempSubdirectory("tables-test").FullName;
        try
        {
            var options = new TrainingOptions(MaxEvaluations: 8);
            Assert.Equal(0, TablesCommand.Run(SplitProtocol.SplitFirst, 1, outDir, options, data, 0.8, jobs: 2));
            var csv = Path.Combine(outDir, "tables.csv");
            Assert.Equal(TablesCsv.Header, File.ReadLines(csv).First());
            var rows = TablesCsv.ReadRows(csv);
            Assert.Equal(TablesConfig.All.Count, rows.Count);
            Assert.Empty(TablesReport.BoundCheck(rows).Violations);
            Assert.Empty(TablesReport.InvarianceCheck(rows).Violations);
            Assert.All(rows, r => Assert.InRange(r.Epochs, 1, 8));
            Assert.Contains("## Table 2, protocol `split-first`", File.ReadAllText(Path.Combine(outDir, "tables.md")));
            Assert.True(new FileInfo(Path.Combine(outDir, "tables.png")).Length > 1000);

            var before = File.ReadAllText(csv);
            Assert.Equal(0, TablesCommand.Run(SplitProtocol.SplitFirst, 1, outDir, options, data, 0.8, jobs: 2));
            Assert.Equal(before, File.ReadAllText(csv));
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }
}
