using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Data;
using SymmetryProofs.Networks;

namespace SymmetryProofs.Objectives;

/// <summary>
/// Cross-entropy L(y, s) = -log p_y = logsumexp(s) - s_y of one sample, and its sum over a
/// labelled set. Sums, not means, so that the augmented utility of Eq. 15 is literally a sum of
/// these terms and its invariance is an identity between sums.
/// </summary>
public static class CrossEntropy
{
    /// <summary>-log softmax(s)_y; see <see cref="Of(ReadOnlySpan{double}, int)"/>.</summary>
    public static double Of(Vector<double> logits, int label)
    {
        ArgumentNullException.ThrowIfNull(logits);
        return Of(logits.AsArray() ?? logits.ToArray(), label);
    }

    /// <summary>
    /// -log softmax(s)_y = (m - s_y) + log1p(sum_{a != k} exp(s_a - m)), with m = s_k the largest
    /// logit. Both terms are non-negative, so nothing cancels: a well-classified sample's tiny loss
    /// keeps its relative precision, which logsumexp(s) - s_y (a difference of two O(|s|)
    /// numbers) would lose. Sums of such losses can then be compared with a relative tolerance.
    /// </summary>
    public static double Of(ReadOnlySpan<double> logits, int label)
    {
        if (label < 0 || label >= logits.Length)
            throw new ArgumentOutOfRangeException(nameof(label), label, $"Label {label} is outside the {logits.Length} classes 0..{logits.Length - 1}.");
        int k = 0;
        for (int a = 1; a < logits.Length; a++) if (logits[a] > logits[k]) k = a;
        double m = logits[k];
        double rest = 0;
        for (int a = 0; a < logits.Length; a++) if (a != k) rest += Math.Exp(logits[a] - m);
        return (m - logits[label]) + LogOnePlus(rest);
    }

    /// <summary>
    /// log(1 + x) for x &gt;= 0 to full relative precision (Kahan's trick: the rounding of u = 1 + x
    /// cancels in log(u) x / (u - 1)); log(1 + x) itself would round away a small x.
    /// </summary>
    public static double LogOnePlus(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
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
