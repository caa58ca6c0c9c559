using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Networks;

/// <summary>How a class is chosen from logits. The tie rule matters for claim 3: see docs/claims.md.</summary>
public static class Prediction
{
    /// <summary>The index of the largest logit; among equal maxima the lowest index wins.</summary>
    public static int ArgMax(Vector<double> logits)
    {
        int best = 0;
        for (int a = 1; a < logits.Count; a++)
            if (logits[a] > logits[best]) best = a;
        return best;
    }

    /// <summary>The index of the smallest logit; among equal minima the lowest index wins.</summary>
    public static int ArgMin(Vector<double> logits)
    {
        int best = 0;
        for (int a = 1; a < logits.Count; a++)
            if (logits[a] < logits[best]) best = a;
        return best;
    }

    /// <summary>True when the largest logit is attained by more than one class.</summary>
    public static bool HasTiedMaximum(Vector<double> logits)
    {
        double max = logits.Maximum();
        return logits.Count(v => v == max) > 1;
    }

    /// <summary>Decision margin: largest logit minus the second largest (0 when tied).</summary>
    public static double Margin(Vector<double> logits)
    {
        if (logits.Count < 2) return double.PositiveInfinity;
        var sorted = logits.OrderByDescending(v => v).ToArray();
        return sorted[0] - sorted[1];
    }
}
