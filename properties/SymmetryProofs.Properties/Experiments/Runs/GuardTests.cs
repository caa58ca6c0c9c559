using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Properties.Experiments.Runs;

/// <summary>
/// The one mapping of exceptions to exit codes: a full disk or a refused write is bad input naming the path
/// (also when several parallel units fail at once), a bug among them is still a bug, and a message is printed once.
/// </summary>
public sealed class GuardTests
{
    private static (int Code, string Line) Run(Func<int> action)
    {
        var error = new StringWriter();
        int code = Guard.Run("tables", action, error);
        return (code, error.ToString().Trim());
    }

    private static IOException DiskFull(string path) => new($"No space left on device : '{path}'");

    [Fact]
    public void A_full_disk_is_exit_2_naming_the_path_with_what_to_do()
    {
        var (code, line) = Run(() => throw DiskFull("out/checkpoint.jsonl"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("out/checkpoint.jsonl", line);
        Assert.Contains("disk is full", line);
        Assert.DoesNotContain("\n", line);
    }

    [Fact]
    public void Two_units_failing_on_a_full_disk_at_once_are_still_exit_2()
    {
        var (code, line) = Run(() => throw new AggregateException(DiskFull("out/a.csv"), DiskFull("out/checkpoint.jsonl")));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("out/a.csv", line);
    }

    [Fact]
    public void A_bug_beside_a_full_disk_is_exit_3()
    {
        var (code, line) = Run(() => throw new AggregateException(DiskFull("out/a.csv"), new IndexOutOfRangeException("index 9")));
        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains("IndexOutOfRangeException", line);
    }

    [Fact]
    public void A_refused_write_is_exit_2_naming_the_path()
    {
        var (code, line) = Run(() => throw new UnauthorizedAccessException("Access to the path 'ro/tables.csv' is denied."));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("ro/tables.csv", line);
        Assert.Contains("Permission denied", line);
    }

    [Fact]
    public void A_message_that_names_the_command_is_not_prefixed_twice()
    {
        var (_, line) = Run(() => throw new InputException("tables: shard(s) 2/2 missing"));
        Assert.Equal("tables: shard(s) 2/2 missing", line);
    }
}
