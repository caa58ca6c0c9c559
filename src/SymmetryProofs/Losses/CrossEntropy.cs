using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Data;
using SymmetryProofs.Networks;

namespace SymmetryProofs.Losses;

/// <summary>
/// Cross-entropy L(y, s) = -log p_y = logsumexp(s) - s_y of one sample, and its sum over a
/// labelled set. Sums, not means, so that the augmented utility of Eq. 15 is literally a sum of
/// these terms and its invariance is an identity between sums.
/// </summary>
public static class CrossEntropy
{
    /// <summary>-log softmax(s)_y, with the maximum logit shifted out so that exp never overflows.</summary>
    public static double Of(Vector<double> logits, int label)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (label < 0 || label >= logits.Count)
            throw new ArgumentOutOfRangeException(nameof(label), label, $"Label {label} is outside the {logits.Count} classes 0..{logits.Count - 1}.");
        return LogSumExp(logits.AsArray() ?? logits.ToArray()) - logits[label];
    }

    /// <summary>log sum_a exp(s_a), computed as m + log sum exp(s_a - m) with m = max s.</summary>
    public static double LogSumExp(ReadOnlySpan<double> logits)
    {
        double max = double.NegativeInfinity;
        foreach (var v in logits) if (v > max) max = v;
        double sum = 0;
        foreach (var v in logits) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }

    /// <summary>sum_i L(y_i, f(x_i)): the plain (non-augmented) training loss of a net on a set.</summary>
    public static double Total(Mlp net, LabelledSet set)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(set);
        RequireCompatible(net, set);
        double total = 0;
        for (int i = 0; i < set.Count; i++) total += Of(net.Logits(set.Input(i)), set.Labels[i]);
        return total;
    }

    internal static void RequireCompatible(Mlp net, LabelledSet set)
    {
        if (set.Dimension != net.InputDim)
            throw new ArgumentException($"Data set has dimension {set.Dimension}; the network expects {net.InputDim}.", nameof(set));
        if (set.Classes != net.OutputDim)
            throw new ArgumentException($"Data set has {set.Classes} classes; the network has {net.OutputDim} logits.", nameof(set));
    }
}
