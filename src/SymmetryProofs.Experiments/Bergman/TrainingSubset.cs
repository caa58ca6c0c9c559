using SymmetryProofs.Data;

namespace SymmetryProofs.Experiments.Bergman;

/// <summary>
/// A fraction of the training originals, stratified and nested: within each class the originals are shuffled once by
/// the seed's "subset" stream and the first max(1, round(f n_c)) are kept, so a smaller fraction's set is contained in
/// every larger one's (the curve measures more data, not other data). Every shifted copy of a kept original is kept, in
/// the order of the enlarged set, so fraction 1 trains on exactly the training set of `tables` for that seed.
/// </summary>
internal static class TrainingSubset
{
    /// <summary>Originals kept from a class of <paramref name="classSize"/> at <paramref name="fraction"/>: at least one.</summary>
    public static int CountFor(int classSize, double fraction) =>
        Math.Max(1, (int)Math.Round(fraction * classSize, MidpointRounding.AwayFromZero));

    /// <summary>The training originals of a split-first split by class: origin index -> label, in ascending origin order.</summary>
    public static SortedDictionary<int, int> Originals(ProtocolSplit split)
    {
        var labels = new SortedDictionary<int, int>();
        for (int r = 0; r < split.Train.Count; r++) labels.TryAdd(split.TrainOrigins[r], split.Train.Labels[r]);
        return labels;
    }

    /// <summary>The number of training originals kept at <paramref name="fraction"/> (the same for every seed: class sizes do not depend on it).</summary>
    public static int Size(ProtocolSplit split, double fraction) =>
        Originals(split).GroupBy(kv => kv.Value).Sum(g => CountFor(g.Count(), fraction));

    /// <summary>The split with its training side cut to <paramref name="fraction"/> of the originals; <paramref name="rng"/> must be the same fresh stream for every fraction of a seed.</summary>
    public static ProtocolSplit Take(ProtocolSplit split, double fraction, Random rng)
    {
        var originals = Originals(split);
        var keep = new HashSet<int>();
        foreach (var group in originals.GroupBy(kv => kv.Value).OrderBy(g => g.Key))
        {
            var members = group.Select(kv => kv.Key).ToArray();
            for (int i = members.Length - 1; i > 0; i--)
            {
                int j = rng.Next(i + 1);
                (members[i], members[j]) = (members[j], members[i]);
            }
            keep.UnionWith(members.Take(CountFor(members.Length, fraction)));
        }
        var rows = Enumerable.Range(0, split.Train.Count).Where(r => keep.Contains(split.TrainOrigins[r])).ToArray();
        return split with { Train = StratifiedSplit.Subset(split.Train, rows), TrainOrigins = rows.Select(r => split.TrainOrigins[r]).ToArray() };
    }

    /// <summary>
    /// The split's training side cut in two by originals for early stopping: <paramref name="fitFraction"/> of each class's
    /// originals (at least one) to fit on, the others, with all their shifted copies, to validate on (a digit and its shifts
    /// are always on the same side). Stream: the seed's "validation".
    /// </summary>
    public static (LabelledSet Fit, LabelledSet Validation) Validation(ProtocolSplit split, double fitFraction, Random rng)
    {
        var fit = Take(split, fitFraction, rng);
        var kept = new HashSet<int>(fit.TrainOrigins);
        var rows = Enumerable.Range(0, split.Train.Count).Where(r => !kept.Contains(split.TrainOrigins[r])).ToArray();
        return (fit.Train, StratifiedSplit.Subset(split.Train, rows));
    }
}
