using SymmetryProofs.Experiments;

namespace SymmetryProofs.Properties.Experiments;

/// <summary>Resume reads tables.csv back; a damaged file stops the run with file:line, and the report's checks can fail.</summary>
public class TablesCsvTests
{
    private static readonly TablesRow Row = new("split-first", "none", "x", "X", 3, 0.8723, 0.0011, 400, 2.5);

    private static string WithLines(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tables-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join("", lines.Select(l => l + "\n")));
        return path;
    }

    [Fact]
    public void Rows_round_trip_exactly()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tables-{Guid.NewGuid():N}.csv");
        var row = Row with { AccTest = 1.0 / 3, AccTestInverted = 2.0 / 7 };
        TablesCsv.Append(path, TablesCsv.Header, TablesCsv.Format(row));
        var back = Assert.Single(TablesCsv.ReadRows(path));
        Assert.Equal(row with { TrainSeconds = 2.5 }, back);
        Assert.Equal(TablesCsv.Header, File.ReadLines(path).First());
        File.Delete(path);
    }

    [Theory]
    [InlineData("split-first,none,x,X,4,0.9,0.1,400", "8 fields; expected 9")]
    [InlineData("split-first,none,x,X,4,1.5,0.1,400,2.0", "acc_test is '1.5'; expected a decimal in [0, 1]")]
    [InlineData("split-first,maybe,x,X,4,0.5,0.1,400,2.0", "bias is 'maybe'")]
    [InlineData("split-first,none,x2,X+-X,4,0.5,0.1,400,2.0", "No configuration")]
    [InlineData("later,none,x,X,4,0.5,0.1,400,2.0", "protocol is 'later'")]
    [InlineData("split-first,none,x,X,4,0.5,0.1,many,2.0", "epochs is 'many'")]
    public void A_malformed_row_stops_resume_naming_file_and_line(string bad, string expected)
    {
        var path = WithLines(TablesCsv.Header, TablesCsv.Format(Row), bad);
        var e = Assert.Throws<ResultsFormatException>(() => TablesCsv.ReadRows(path));
        Assert.StartsWith($"{path}:3: ", e.Message);
        Assert.Contains(expected, e.Message);
        File.Delete(path);
    }

    [Fact]
    public void Duplicates_wrong_header_and_a_half_written_line_are_errors()
    {
        var dup = WithLines(TablesCsv.Header, TablesCsv.Format(Row), TablesCsv.Format(Row));
        Assert.Contains($"{dup}:3: ", Assert.Throws<ResultsFormatException>(() => TablesCsv.ReadRows(dup)).Message);
        var header = WithLines("protocol,bias", TablesCsv.Format(Row));
        Assert.Contains($"{header}:1: header", Assert.Throws<ResultsFormatException>(() => TablesCsv.ReadRows(header)).Message);
        var half = Path.Combine(Path.GetTempPath(), $"tables-{Guid.NewGuid():N}.csv");
        File.WriteAllText(half, TablesCsv.Header + "\nsplit-first,none,x,X,3,0.8");
        Assert.Contains($"{half}:2: last line has no line end", Assert.Throws<ResultsFormatException>(() => TablesCsv.ReadRows(half)).Message);
        foreach (var p in new[] { dup, header, half }) File.Delete(p);
    }

    /// <summary>The report's checks flag what they must: a bias-free raw run with R + R-bar > 1, an invariant run with R-bar != R.</summary>
    [Fact]
    public void Report_checks_detect_violations()
    {
        var ok = new[] { Row, Row with { Features = "x2", AccTest = 0.7, AccTestInverted = 0.7 } };
        Assert.Empty(TablesReport.BoundCheck(ok).Violations);
        Assert.Empty(TablesReport.InvarianceCheck(ok).Violations);
        var bad = new[] { Row with { AccTest = 0.6, AccTestInverted = 0.41 }, Row with { Features = "x2", AccTest = 0.7, AccTestInverted = 0.7000000000000001 } };
        Assert.Single(TablesReport.BoundCheck(bad).Violations);
        Assert.Single(TablesReport.InvarianceCheck(bad).Violations);
    }
}
