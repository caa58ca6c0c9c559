using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Experiments.Runs;

/// <summary>Sizes are computed in 64 bits without wrapping, and a peak above the free memory is refused in one line naming the option and both numbers.</summary>
public sealed class MemoryBudgetTests(ITestOutputHelper output)
{
    [Fact]
    public void Products_and_sums_saturate_instead_of_wrapping()
    {
        Assert.Equal(65536L * 65536 * 8, MemoryBudget.Product(65536, 65536, 8));
        Assert.Equal(long.MaxValue, MemoryBudget.Product(100_000_000, 100_000_000, 100_000_000));
        Assert.Equal(long.MaxValue, MemoryBudget.Sum(long.MaxValue - 1, 2));
        Assert.Equal(0, MemoryBudget.Product(0, long.MaxValue, long.MaxValue));
        Assert.Equal(12, MemoryBudget.Sum(5, 7));
    }

    [Fact]
    public void A_peak_above_the_usable_share_is_refused_naming_the_option_and_one_at_it_passes()
    {
        long available = 10L << 30;
        long limit = MemoryBudget.Limit(() => available);
        Assert.Equal((long)(available * MemoryBudget.UsableShare), limit);
        MemoryBudget.Check("--hidden 8", limit, "a test", () => available);
        var e = output.Rejects<InputException>(() => MemoryBudget.Check("--hidden 9", limit + 1, "a test", () => available), "--hidden 9", "8 GiB", "a test");
        Assert.DoesNotContain("\n", e.Message);
    }

    [Fact]
    public void This_machine_reports_free_memory() => Assert.True(MemoryBudget.AvailableBytes() > 0);

    [Theory]
    [InlineData(512L, "512 bytes")]
    [InlineData(1536L, "1.5 KiB")]
    [InlineData(3L << 40, "3 TiB")]
    [InlineData(long.MaxValue, "more than 8 EiB")]
    public void Sizes_are_named_in_binary_units(long bytes, string text) => Assert.Equal(text, MemoryBudget.Format(bytes));
}
