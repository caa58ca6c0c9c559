using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Networks;

public static class Softmax
{
    /// <summary>exp(s - max s) / sum: the shift cancels exactly in the ratio and keeps exp from overflowing.</summary>
    public static Vector<double> Of(Vector<double> logits)
    {
        double max = logits.Maximum();
        var e = (logits - max).PointwiseExp();
        return e / e.Sum();
    }
}
