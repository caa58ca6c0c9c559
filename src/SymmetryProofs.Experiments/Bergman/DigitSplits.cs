using System.Collections.Concurrent;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.Bergman;

/// <summary>
/// The digits a Bergman sweep trains on, loaded with their checksum checked and the split ratio
/// validated once, and each seed's train/test split (seed stream (seed, "split")), made once and
/// shared by every unit of that seed, also by units that run at the same time.
/// </summary>
internal sealed class DigitSplits
{
    private readonly ConcurrentDictionary<int, Lazy<ProtocolSplit>> splits = new();
    private readonly SplitProtocol protocol;
    private readonly double trainRatio;

    /// <summary>Loads the digits from <paramref name="dataDir"/>; bad data or a ratio the data cannot meet is bad input.</summary>
    public DigitSplits(DataDirectory dataDir, SplitProtocol protocol, double trainRatio)
    {
        Digits = Optdigits.LoadVerified(dataDir);
        SplitRatio.Validate(Digits, protocol, trainRatio);
        this.protocol = protocol;
        this.trainRatio = trainRatio;
    }

    /// <summary>Every original digit.</summary>
    public LabelledSet Digits { get; }

    /// <summary>The split of <paramref name="seed"/>.</summary>
    public ProtocolSplit For(int seed) =>
        splits.GetOrAdd(seed, s => new Lazy<ProtocolSplit>(() => protocol.Apply(Digits, trainRatio, SeedStreams.SeedOf(s, "split")))).Value;
}
