namespace SymmetryProofs.Experiments.Hessian;

/// <summary>What <see cref="HessianAnalysis.Analyse"/> reads off a dense Hessian's spectrum about the orbit tangents.</summary>
/// <param name="OrbitDim">Numerical rank of the live tangents: dim G minus the stabiliser's.</param>
/// <param name="TangentNormRel">Shortest tangent |W A_a| / |W| (NaN without tangents).</param>
/// <param name="NFlat">Near-null directions outside the gauge span.</param>
/// <param name="NFlatGauge">Near-null directions within the gauge span.</param>
/// <param name="MaxAngle">Largest principal angle (degrees) between the non-gauge near-null space and the tangents.</param>
/// <param name="SoftestAngle">Largest principal angle (degrees) between the softest non-gauge eigenvectors and the tangents.</param>
/// <param name="Curvature">Mean Rayleigh quotient t'Ht/t't over the tangents.</param>
/// <param name="GaugeCurvature">Mean Rayleigh quotient over an orthonormal gauge basis.</param>
/// <param name="Softest">The non-gauge eigenvalue smallest in magnitude.</param>
internal sealed record TangentAnalysis(int OrbitDim, double TangentNormRel, int NFlat, int NFlatGauge, double MaxAngle, double SoftestAngle,
    double Curvature, double GaugeCurvature, double Softest);
