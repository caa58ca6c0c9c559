using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.Bergman;

/// <summary>`--train-ratio`: the one check that a split ratio leaves every class a sample on each side.</summary>
internal static class SplitRatio
{
    /// <summary>Refuses a train ratio that leaves some class without a sample on either side of the split (the real constraint, checked before any work).</summary>
    public static void Validate(LabelledSet digits, SplitProtocol protocol, double ratio)
    {
        if (!(ratio > 0 && ratio < 1)) throw new InputException($"--train-ratio: got {ratio}; expected a number strictly between 0 and 1.");
        int factor = protocol == SplitProtocol.Paper ? Shift.FiveFold.Count : 1;
        for (int c = 0; c < digits.Classes; c++)
        {
            int n = digits.Labels.Count(l => l == c) * factor;
            int train = (int)Math.Round(ratio * n, MidpointRounding.AwayFromZero);
            if (train < 1 || train > n - 1)
                throw new InputException($"--train-ratio: {ratio} puts {train} of the {n} samples of class {c} in training; every class needs at least one sample on each side (for these data: between {MinRatio(digits, factor):G3} and {1 - MinRatio(digits, factor):G3}).");
        }
    }

    private static double MinRatio(LabelledSet digits, int factor) =>
        Enumerable.Range(0, digits.Classes).Max(c => 0.5 / (digits.Labels.Count(l => l == c) * factor)) * 1.0001;
}
