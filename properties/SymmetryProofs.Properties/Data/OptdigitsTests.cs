using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SymmetryProofs.Data;

namespace SymmetryProofs.Properties.Data;

/// <summary>The optdigits loader: x = v/8 - 1, and every malformed line reported as file:line: what.</summary>
public class OptdigitsTests
{
    private const string File = "digits.tes";

    [Fact]
    public void Scaling_maps_background_to_minus_one_and_full_ink_to_plus_one_exactly()
    {
        Assert.Equal(-1.0, Optdigits.Scale(0));
        Assert.Equal(0.0, Optdigits.Scale(8));
        Assert.Equal(1.0, Optdigits.Scale(16));
        for (int v = 0; v <= 16; v++) Assert.Equal(v / 8.0 - 1.0, Optdigits.Scale(v));
    }

    [Property(MaxTest = 30)]
    public void Valid_text_parses_to_its_values_and_labels(PositiveInt count, int seed)
    {
        var lines = DataSamples.Lines(count.Get % 20 + 1, seed);
        var set = Optdigits.Parse(string.Join("\n", lines) + "\n", File);
        Assert.Equal(lines.Length, set.Count);
        for (int i = 0; i < lines.Length; i++)
        {
            var v = lines[i].Split(',').Select(int.Parse).ToArray();
            Assert.Equal(v[64], set.Labels[i]);
            for (int j = 0; j < 64; j++) Assert.Equal(v[j] / 8.0 - 1, set.Inputs[i, j]);
        }
    }

    [Fact]
    public void A_trailing_empty_line_and_crlf_line_ends_are_accepted()
    {
        var lines = DataSamples.Lines(3, 7);
        Assert.Equal(3, Optdigits.Parse(string.Join("\n", lines) + "\n\n", File).Count);
        Assert.Equal(3, Optdigits.Parse(string.Join("\r\n", lines) + "\r\n", File).Count);
        Assert.Equal(3, Optdigits.Parse(string.Join("\n", lines), File).Count);
    }

    [Theory]
    [InlineData("wrong field count", "1,2,3", "3 fields; expected 65")]
    [InlineData("value out of range", "17", "pixel 1 is 17; expected 0..16")]
    [InlineData("non-integer", "3.5", "pixel 1 is '3.5'; expected a non-negative integer")]
    [InlineData("not a number", "x", "pixel 1 is 'x'; expected a non-negative integer")]
    [InlineData("negative", "-1", "pixel 1 is '-1'; expected a non-negative integer")]
    [InlineData("bad label", "label:10", "label (field 65) is 10; expected 0..9")]
    [InlineData("non-integer label", "label:a", "label (field 65) is 'a'")]
    [InlineData("empty line in the middle", "", "empty line between samples")]
    public void Each_malformed_line_is_reported_as_file_line_what(string _, string corruption, string expected)
    {
        var lines = DataSamples.Lines(5, 11);
        lines[2] = Corrupt(lines[2], corruption);
        var e = Assert.Throws<OptdigitsFormatException>(() => Optdigits.Parse(string.Join("\n", lines) + "\n", File));
        Assert.StartsWith($"{File}:3: ", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.Equal(3, e.Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\r\n\n")]
    public void An_empty_file_is_an_error_at_line_one(string text)
    {
        var e = Assert.Throws<OptdigitsFormatException>(() => Optdigits.Parse(text, File));
        Assert.StartsWith($"{File}:1: empty file", e.Message);
    }

    /// <summary>Whatever line is damaged, the error names that line, not a neighbour.</summary>
    [Property(MaxTest = 40)]
    public Property The_reported_line_is_the_damaged_one(PositiveInt count, NonNegativeInt which, int seed)
    {
        var lines = DataSamples.Lines(count.Get % 15 + 1, seed);
        int k = which.Get % lines.Length;
        lines[k] = Corrupt(lines[k], "99");
        var e = Assert.Throws<OptdigitsFormatException>(() => Optdigits.Parse(string.Join("\n", lines), File));
        return (e.Line == k + 1 && e.Message.StartsWith($"{File}:{k + 1}: ")).Label(e.Message);
    }

    [Fact]
    public void The_shared_test_split_has_1797_digits_with_the_published_class_counts()
    {
        var dir = DataSamples.FindOptdigitsDirectory();
        Assert.True(dir is not null, "optdigits not found: it ships in data/optdigits.");
        var set = Optdigits.Load(Path.Combine(dir!, Optdigits.TestFile));
        Assert.Equal(1797, set.Count);
        int[] expected = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180];
        Assert.Equal(expected, Enumerable.Range(0, 10).Select(c => set.Labels.Count(l => l == c)).ToArray());
        Assert.Equal(3823, Optdigits.Load(Path.Combine(dir!, Optdigits.TrainFile)).Count);
    }

    private static string Corrupt(string line, string corruption)
    {
        if (corruption == "") return "";
        if (corruption.StartsWith("label:"))
        {
            var f = line.Split(',');
            f[64] = corruption["label:".Length..];
            return string.Join(",", f);
        }
        if (corruption.Contains(',')) return corruption;
        var fields = line.Split(',');
        fields[0] = corruption;
        return string.Join(",", fields);
    }
}
