namespace SymmetryProofs.Networks;

/// <summary>
/// How far biases can move the logits (claim 5). Compare a net with biases b(n) to the same
/// weights without them, on the same input x. Write z(n), z'(n) for the two nets' activations
/// and e(n) = |z'(n) - z(n)|_inf, with e(0) = 0. For a tanh layer, tanh is 1-Lipschitz in every
/// coordinate, so
///   e(n+1) = |tanh(W(n) z'(n) + b(n)) - tanh(W(n) z(n))|_inf &lt;= |W(n)|_inf e(n) + |b(n)|_inf,
/// where |W|_inf = max_i sum_j |W_ij| is the operator norm induced by the max-norm. The logit
/// layer is linear, so the same step holds without tanh. Unrolling over the N layers,
///   |s'(x) - s(x)|_inf &lt;= Delta = sum_{n=0}^{N-1} |b(n)|_inf prod_{m=n+1}^{N-1} |W(m)|_inf,
/// which with every |b| &lt;= eps is eps (1 + sum_{n=0}^{N-2} prod_{m=n+1}^{N-1} |W(m)|_inf).
/// Delta does not depend on x. Any difference of two logits s_a - s_c moves by at most 2 Delta,
/// so if the bias-free net's margin (largest minus second largest logit) exceeds 2 Delta, the
/// net with biases predicts the same class, ties and tie rules included.
/// </summary>
public static class BiasBound
{
    /// <summary>Delta above for the biases of <paramref name="net"/> (0 for a bias-free net).</summary>
    public static double LogitShift(Mlp net)
    {
        ArgumentNullException.ThrowIfNull(net);
        if (net.Biases is null) return 0;
        double delta = 0;
        for (int n = 0; n < net.Layers; n++)
        {
            double gain = 1;
            for (int m = n + 1; m < net.Layers; m++) gain *= net.Weights[m].InfinityNorm();
            delta += net.Biases[n].InfinityNorm() * gain;
        }
        return delta;
    }

    /// <summary>The same weights with every bias removed: the odd net that claim 5 perturbs.</summary>
    public static Mlp WithoutBiases(Mlp net)
    {
        ArgumentNullException.ThrowIfNull(net);
        return new Mlp(net.Weights);
    }
}
