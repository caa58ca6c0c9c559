using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Data;

/// <summary>
/// A split that keeps class proportions: within each class the samples are shuffled with an
/// explicit seed and the first round(ratio n_c) go to training. Indices are returned sorted.
/// </summary>
public static class StratifiedSplit
{
    public static (int[] Train, int[] Test) Indices(IReadOnlyList<int> labels, int classes, double trainRatio, int seed)
    {
        if (!(trainRatio > 0 && trainRatio < 1))
            throw new ArgumentOutOfRangeException(nameof(trainRatio), trainRatio, "The training ratio must lie strictly between 0 and 1.");
        var rng = new Random(seed);
        var train = new List<int>();
        var test = new List<int>();
        for (int c = 0; c < classes; c++)
        {
            var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == c).ToArray();
            for (int i = members.Length - 1; i > 0; i--)
            {
                int j = rng.Next(i + 1);
                (members[i], members[j]) = (members[j], members[i]);
            }
            int nTrain = (int)Math.Round(trainRatio * members.Length, MidpointRounding.AwayFromZero);
            train.AddRange(members.Take(nTrain));
            test.AddRange(members.Skip(nTrain));
        }
        train.Sort();
        test.Sort();
        return (train.ToArray(), test.ToArray());
    }

    public static LabelledSet Subset(LabelledSet set, IReadOnlyList<int> rows)
    {
        if (rows.Count == 0) throw new ArgumentException("A subset needs at least one row.", nameof(rows));
        var inputs = Matrix<double>.Build.DenseOfRowVectors(rows.Select(set.Input));
        return new LabelledSet(inputs, rows.Select(i => set.Labels[i]).ToArray(), set.Classes);
    }
}
