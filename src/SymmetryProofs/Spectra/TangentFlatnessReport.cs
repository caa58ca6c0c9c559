namespace SymmetryProofs.Spectra;

/// <summary>One orbit tangent t = vec(W A_a): its curvature t'Ht/|t|^2 and residual |Ht|/|t|.</summary>
public sealed record TangentCurvature(int Generator, double Norm, double Curvature, double Residual);

/// <summary>A Ritz value theta of a block and its residual |H y - theta y|: an eigenvalue of H lies within the residual.</summary>
public sealed record RitzPair(double Value, double Residual);

/// <summary>
/// What <see cref="TangentFlatness"/> found. The flat-direction count follows the full-spectrum
/// rule (<see cref="FlatRule"/>: |lambda| strictly below <see cref="Threshold"/> = FlatThreshold * max |lambda|; the part inside the
/// softmax gauge span counted apart) applied to three blocks: the gauge span G, the tangent span T
/// with G projected out, and the complement of both (Lanczos on P H P).
/// </summary>
public sealed record TangentFlatnessReport(
    double FlatThreshold,
    double LambdaMax,
    double LambdaMaxResidual,
    double Threshold,
    int OrbitDim,
    IReadOnlyList<TangentCurvature> Tangents,
    IReadOnlyList<RitzPair> TangentBlock,
    IReadOnlyList<RitzPair> GaugeBlock,
    IReadOnlyList<RitzPair> Complement,
    int ComplementDimension,
    int ComplementSteps,
    double Coupling,
    int HessianVectorProducts)
{
    /// <summary>Flat directions inside the tangent span (gauge removed): tangent-block Ritz values below the threshold.</summary>
    public int NFlatTangent => TangentBlock.Count(r => FlatRule.IsFlat(r.Value, Threshold));

    /// <summary>Flat directions outside the tangent and gauge spans: complement Ritz values below the threshold.</summary>
    public int NFlatOutside => Complement.Count(r => FlatRule.IsFlat(r.Value, Threshold));

    /// <summary>The non-gauge flat count, as the full-spectrum path's n_flat.</summary>
    public int NFlat => NFlatTangent + NFlatOutside;

    /// <summary>Flat directions inside the softmax gauge span, as the full-spectrum path's n_flat_gauge.</summary>
    public int NFlatGauge => GaugeBlock.Count(r => FlatRule.IsFlat(r.Value, Threshold));

    /// <summary>Mean Rayleigh quotient of the tangents (the full path's tangent curvature); NaN without tangents.</summary>
    public double MeanTangentCurvature => Tangents.Count == 0 ? double.NaN : Tangents.Average(t => t.Curvature);

    /// <summary>Whether the complement run was complete (as many Lanczos steps as its dimension): then it holds the whole spectrum of P H P.</summary>
    public bool ComplementComplete => ComplementSteps >= ComplementDimension;

    /// <summary>
    /// How far the verdict is from changing: the smallest, over every Ritz value reported, of
    /// ||theta| - threshold| minus (Coupling + its residual + FlatThreshold times lambda_max's
    /// residual, which bounds the threshold's own error). Positive means each block's count is certified: H differs from block-diag(G, T, P H P) by at
    /// most Coupling in norm (Weyl), and each Ritz value is within its residual of an eigenvalue of
    /// its block. It does not cover eigenvalues of P H P that an incomplete Lanczos run never reached.
    /// </summary>
    public double Margin =>
        TangentBlock.Concat(GaugeBlock).Concat(Complement)
            .Select(r => Math.Abs(Math.Abs(r.Value) - Threshold) - (Coupling + r.Residual + FlatThreshold * LambdaMaxResidual))
            .DefaultIfEmpty(double.PositiveInfinity).Min();

    /// <summary>The verdict cannot change within the stated bounds: <see cref="Margin"/> is positive.</summary>
    public bool Decisive => Margin > 0;
}
