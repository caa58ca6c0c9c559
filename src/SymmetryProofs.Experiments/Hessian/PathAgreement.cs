namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// The tangent path's verdict beside the full path's at the same critical point (`--spectrum both`),
/// with the tolerances each comparison is held to.
/// </summary>
internal sealed record PathAgreement(
    int NFlat, int NFlatOutside, int NFlatGauge, double LambdaMax, double LambdaMaxTolerance, double Curvature, double CurvatureTolerance,
    double ComplementSoftest, double Margin, int HessianVectorProducts, double Seconds)
{
    private const double U = 1.1102230246251565e-16;

    /// <summary>
    /// Compares <paramref name="tangent"/> with <paramref name="full"/> for a net of n parameters
    /// trained on <paramref name="samples"/> samples. lambda_max: the extreme Ritz value has an
    /// eigenvalue within its residual, and LAPACK's eigenvalues are within a few n u |H|, so the
    /// tolerance is that residual plus 10 n u lambda_max. Tangent curvature: both are t'Ht/|t|^2
    /// for the same t, one with the R-operator's H t, one with the assembled dense H; each product
    /// sums n terms over N per-sample contractions, so each rounds by at most ~(n + N) u |H| |t|:
    /// the tolerance is 10 (n + N) u lambda_max.
    /// </summary>
    public static PathAgreement Of(FlatVerdict full, FlatVerdict tangent, int n, int samples)
    {
        double scale = Math.Abs(full.LambdaMax);
        return new PathAgreement(tangent.NFlat, tangent.NFlatOutside, tangent.NFlatGauge, tangent.LambdaMax, tangent.LambdaMaxResidual + 10 * n * U * scale,
            tangent.Curvature, 10 * (n + samples) * U * scale, tangent.ComplementSoftest, tangent.Margin, tangent.HessianVectorProducts, tangent.Seconds);
    }

    /// <summary>The tangent path's verdict is decisive: no count can change within its bounds (see TangentFlatnessReport.Margin).</summary>
    public bool Decisive => Margin > 0;

    /// <summary>The counts agree wherever the tangent path is decisive; lambda_max and the curvature agree within their tolerances.</summary>
    public bool AgreesWith(HessianResult full) => AgreesWith(full.Flat.NFlat, full.Flat.NFlatOutside, full.Flat.NFlatGauge, full.Curvature.LambdaMax, full.Curvature.TangentCurvature);

    /// <summary>The same comparison against the full path's verdict before it became a result row.</summary>
    public bool AgreesWith(FlatVerdict full) => AgreesWith(full.NFlat, full.NFlatOutside, full.NFlatGauge, full.LambdaMax, full.Curvature);

    private bool AgreesWith(int nFlat, int nFlatOutside, int nFlatGauge, double lambdaMax, double curvature) =>
        (!Decisive || (NFlat == nFlat && NFlatGauge == nFlatGauge && NFlatOutside == nFlatOutside))
        && Math.Abs(LambdaMax - Math.Abs(lambdaMax)) <= LambdaMaxTolerance
        && (double.IsNaN(Curvature) && double.IsNaN(curvature) || Math.Abs(Curvature - curvature) <= CurvatureTolerance);
}
