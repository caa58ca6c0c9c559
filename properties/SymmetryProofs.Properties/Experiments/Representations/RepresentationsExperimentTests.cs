using SymmetryProofs.Experiments.Representations;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Properties.Cli;
using SymmetryProofs.Representations;

namespace SymmetryProofs.Properties.Experiments.Representations;

/// <summary>
/// `representations`: bad requests are one-line input errors naming the option; a row whose check fails
/// is reported as FAILS, never summarised as passing; the command's exit codes.
/// </summary>
public sealed class RepresentationsExperimentTests
{
    [Theory]
    [InlineData(new[] { "so3" }, null, 1, "--group so3")]
    [InlineData(new[] { "so2" }, "8x8", 1, "--group so2 on --shape 8x8")]
    [InlineData(new[] { "d4" }, "3x4", 1, "--group d4 on --shape 3x4")]
    [InlineData(new[] { "d4" }, "8y8", 1, "--shape 8y8")]
    [InlineData(new[] { "d4" }, "0x8", 1, "--shape 0x8")]
    [InlineData(new[] { "inversion" }, "64", 2, "dimension 4096")]
    [InlineData(new[] { "d4" }, null, 0, "--power")]
    [InlineData(new string[0], "8x8", 1, "--shape and --power need --group")]
    public void A_bad_request_is_an_input_error_naming_what_is_wrong(string[] groups, string? shape, int power, string expected)
    {
        var e = Assert.Throws<InputException>(() => RepresentationsExperiment.Cases(new RepresentationsRequest(groups, shape, power, "unused")));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_row_is_reported_as_FAILS_and_not_counted_as_passing()
    {
        var good = Row(verified: true, multiplicities: true, characters: 6);
        var failing = new[]
        {
            Row(verified: false, multiplicities: true, characters: 6),
            Row(verified: true, multiplicities: false, characters: 6),
            Row(verified: true, multiplicities: true, characters: 7),
        };
        Assert.True(good.Holds);
        foreach (var bad in failing)
        {
            Assert.False(bad.Holds);
            var md = RepresentationsExperiment.Markdown([good, bad]);
            Assert.Contains("1 of 2 decompositions pass every check", md, StringComparison.Ordinal);
            Assert.Contains("FAILS: G on V: " + bad.Failure, md, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_command_exits_0_with_its_reports_and_2_on_an_unknown_group()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"reps-{Guid.NewGuid():N}");
        try
        {
            var ok = CliProcess.Run("representations", "--group", "d4", "--group", "sign-flips", "--shape", "4", "--out", dir);
            Assert.True(ok.Exit == 2, ok.ToString()); // d4 needs a square image: refused before any work
            ok = CliProcess.Run("representations", "--group", "d4", "--group", "mirror", "--shape", "3x3", "--out", dir);
            Assert.True(ok.Exit == 0, ok.ToString());
            foreach (var f in new[] { "representations.md", "representations.csv", "representations.json" }) Assert.True(File.Exists(Path.Combine(dir, f)), f);
            Assert.Contains("2 of 2 decompositions pass every check", File.ReadAllText(Path.Combine(dir, "representations.md")), StringComparison.Ordinal);
            var bad = CliProcess.Run("representations", "--group", "so3", "--out", dir);
            Assert.True(bad.Exit == 2 && bad.Err.Contains("--group so3", StringComparison.Ordinal) && !bad.Err.Contains("   at ", StringComparison.Ordinal), bad.ToString());
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    private static RepresentationRow Row(bool verified, bool multiplicities, double characters) =>
        new("G", "V", 4, "trivial 1R x2 + rho1 2C x1", 3, 6, characters, multiplicities, verified, false, "signed orbits", TimeSpan.Zero, TimeSpan.Zero);
}
