namespace SymmetryProofs.Data;

/// <summary>Whether the split comes before the five-fold enlargement or after it (the paper does not say).</summary>
public enum SplitProtocol
{
    /// <summary>Split the originals, then enlarge each side: no shifted twin of a test digit is trained on.</summary>
    SplitFirst,
    /// <summary>Enlarge, then split: a test digit's shifted twins are usually in the training set.</summary>
    Paper,
}

/// <summary>Training and test sets, and for every row the index of the original digit it was made from.</summary>
public sealed record ProtocolSplit(LabelledSet Train, LabelledSet Test, int[] TrainOrigins, int[] TestOrigins);

public static class SplitProtocols
{
    public static string Name(this SplitProtocol p) => p switch
    {
        SplitProtocol.SplitFirst => "split-first",
        SplitProtocol.Paper => "paper",
        _ => throw new ArgumentOutOfRangeException(nameof(p)),
    };

    public static SplitProtocol Parse(string name) => name switch
    {
        "split-first" => SplitProtocol.SplitFirst,
        "paper" => SplitProtocol.Paper,
        _ => throw new ArgumentException($"Unknown protocol '{name}'; expected split-first or paper."),
    };

    /// <summary>Applies the protocol to the original (unenlarged) digits, with a stratified split of the given ratio and seed.</summary>
    public static ProtocolSplit Apply(this SplitProtocol protocol, LabelledSet originals, double trainRatio, int seed)
    {
        int n = originals.Count;
        if (protocol == SplitProtocol.SplitFirst)
        {
            var (train, test) = StratifiedSplit.Indices(originals.Labels, originals.Classes, trainRatio, seed);
            var trainSet = ShiftAugmentation.Enlarge(StratifiedSplit.Subset(originals, train));
            var testSet = ShiftAugmentation.Enlarge(StratifiedSplit.Subset(originals, test));
            return new ProtocolSplit(trainSet, testSet,
                Enumerable.Range(0, trainSet.Count).Select(r => train[ShiftAugmentation.OriginOf(r, train.Length)]).ToArray(),
                Enumerable.Range(0, testSet.Count).Select(r => test[ShiftAugmentation.OriginOf(r, test.Length)]).ToArray());
        }
        var enlarged = ShiftAugmentation.Enlarge(originals);
        var (tr, te) = StratifiedSplit.Indices(enlarged.Labels, enlarged.Classes, trainRatio, seed);
        return new ProtocolSplit(StratifiedSplit.Subset(enlarged, tr), StratifiedSplit.Subset(enlarged, te),
            tr.Select(r => ShiftAugmentation.OriginOf(r, n)).ToArray(),
            te.Select(r => ShiftAugmentation.OriginOf(r, n)).ToArray());
    }
}
