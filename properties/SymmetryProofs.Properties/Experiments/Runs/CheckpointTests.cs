using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Experiments.Runs;

/// <summary>The one resume rule: reuse only units of the same settings, intact; refuse and explain the rest.</summary>
public sealed class CheckpointTests(ITestOutputHelper output) : IDisposable
{
    private sealed record Settings(int Budget, double Ratio);
    private sealed record Result(double Risk, int[] Sizes);
    private readonly string dir = Directory.CreateTempSubdirectory("checkpoint-test").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private Checkpoint<Result> Open(Settings s, TextRunLog log) => Checkpoint<Result>.Open(dir, Fingerprint.Of(s), log);

    private string FilePath => Path.Combine(dir, Checkpoint<Result>.FileName);

    [Fact]
    public void Units_of_the_same_settings_are_reused_exactly()
    {
        var c = Open(new Settings(300, 0.8), TextRunLog.Silent());
        c.Append("seed=0", new Result(0.1 + 0.2, [64, 128]));
        c.Append("seed=1", new Result(double.NaN, []));
        var again = Open(new Settings(300, 0.8), TextRunLog.Silent());
        Assert.Equal(2, again.Reused);
        Assert.True(again.TryGet("seed=0", out var r));
        Assert.Equal(0.1 + 0.2, r.Risk);
        Assert.Equal([64, 128], r.Sizes);
        Assert.True(again.TryGet("seed=1", out var nan) && double.IsNaN(nan.Risk));
    }

    [Fact]
    public void Units_of_other_settings_are_refused_naming_the_setting_that_differs()
    {
        Open(new Settings(300, 0.8), TextRunLog.Silent()).Append("seed=0", new Result(1, []));
        var log = TextRunLog.Silent();
        var other = Open(new Settings(1500, 0.8), log);
        output.WriteLine(string.Join("\n", log.Lines));
        Assert.Equal(0, other.Reused);
        Assert.Contains(log.Lines, l => l.Contains("refused 1 unit(s) made with other settings") && l.Contains("Budget: 300 -> 1500") && !l.Contains("Ratio"));
    }

    [Fact]
    public void A_hand_edited_line_a_torn_last_line_and_CRLF_are_handled()
    {
        var c = Open(new Settings(1, 1), TextRunLog.Silent());
        c.Append("a", new Result(1, []));
        c.Append("b", new Result(2, []));
        var lines = File.ReadAllLines(FilePath);
        // Edit b's risk by hand, convert to CRLF, and add half a line as SIGKILL during a write would leave.
        lines[1] = lines[1].Replace("\"Risk\":2", "\"Risk\":3");
        File.WriteAllText(FilePath, string.Join("\r\n", lines) + "\r\n" + lines[0][..20]);
        var log = TextRunLog.Silent();
        var again = Open(new Settings(1, 1), log);
        output.WriteLine(string.Join("\n", log.Lines));
        Assert.Equal(1, again.Reused);
        Assert.True(again.TryGet("a", out _));
        Assert.False(again.TryGet("b", out _));
        Assert.Contains(log.Lines, l => l.Contains(":2: checksum does not match"));
        Assert.Contains(log.Lines, l => l.Contains(":3: torn last line"));
    }

    [Fact]
    public void A_tear_at_any_byte_of_the_last_line_never_loses_a_finished_unit()
    {
        var c = Open(new Settings(2, 1), TextRunLog.Silent());
        c.Append("a", new Result(1, [1]));
        c.Append("b", new Result(2, [2]));
        var whole = File.ReadAllBytes(FilePath);
        int secondStart = Array.IndexOf(whole, (byte)'\n') + 1;
        // Every cut of b's line, from nothing written to all but its newline.
        for (int cut = secondStart; cut < whole.Length; cut++)
        {
            File.WriteAllBytes(FilePath, whole[..cut]);
            var log = TextRunLog.Silent();
            var resumed = Open(new Settings(2, 1), log);
            bool bIntact = cut == whole.Length - 1;
            Assert.True(resumed.Reused == (bIntact ? 2 : 1), $"cut at byte {cut}: reused {resumed.Reused}\n{string.Join("\n", log.Lines)}");
            resumed.Append("c", new Result(3, [3]));
            var after = TextRunLog.Silent();
            var again = Open(new Settings(2, 1), after);
            Assert.True(again.TryGet("a", out _) && again.TryGet("c", out _) && again.TryGet("b", out _) == bIntact,
                $"cut at byte {cut}: a finished unit was lost\n{string.Join("\n", after.Lines)}");
            Assert.DoesNotContain(after.Lines, l => l.Contains("refused", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_checkpoint_that_is_a_directory_is_bad_input_naming_it()
    {
        Directory.CreateDirectory(FilePath);
        output.Rejects<InputException>(() => Open(new Settings(1, 1), TextRunLog.Silent()), Checkpoint<Result>.FileName, "is a directory");
    }
}
