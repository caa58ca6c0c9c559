namespace SymmetryProofs.Objectives;

/// <summary>
/// The penalty (lambda/2) |theta|^2 on every parameter (weights and, where a net has them, biases) that the
/// penalised training protocol adds to the mean cross-entropy. Why it keeps the symmetries the claims rely on:
/// a group acts on the input by an orthogonal U(g), so the first layer's weights become W U(g), and
/// |W U(g)|_F = |W|_F; biases are not acted on. Why it gives training an end point: the cross-entropy is
/// bounded below by 0 and the penalty grows without bound, so the penalised loss has a minimum at finite
/// theta, where the gradient is 0 and the gradient rule can be met (without it, on nearly separable data, the
/// loss keeps falling as the weights grow and no minimum exists).
/// </summary>
public static class L2Penalty
{
    /// <summary>Adds lambda theta to <paramref name="gradient"/> and returns (lambda/2) |theta|^2 (0 and no change when lambda is 0).</summary>
    public static double Add(ReadOnlySpan<double> theta, Span<double> gradient, double lambda)
    {
        if (theta.Length != gradient.Length)
            throw new ArgumentException($"theta has {theta.Length} entries, the gradient {gradient.Length}.", nameof(gradient));
        if (lambda < 0 || !double.IsFinite(lambda)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "The penalty must be finite and at least 0.");
        if (lambda == 0) return 0;
        double squares = 0;
        for (int i = 0; i < theta.Length; i++)
        {
            squares += theta[i] * theta[i];
            gradient[i] += lambda * theta[i];
        }
        return 0.5 * lambda * squares;
    }

    /// <summary>(lambda/2) |theta|^2, summed in the same order as <see cref="Add"/>, so the two agree bit for bit.</summary>
    public static double Value(ReadOnlySpan<double> theta, double lambda)
    {
        if (lambda == 0) return 0;
        double squares = 0;
        for (int i = 0; i < theta.Length; i++) squares += theta[i] * theta[i];
        return 0.5 * lambda * squares;
    }
}
