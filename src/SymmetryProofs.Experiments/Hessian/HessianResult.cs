namespace SymmetryProofs.Experiments.Hessian;

/// <summary>Which trained setting a result is: its part of the protocol, its augmentation, its K (or m) and its seed.</summary>
internal sealed record HessianRunId(SettingKind Kind, Augmentation Setting, int K, int Seed);

/// <summary>The size of the problem: the group and its dimension, the parameters and the (augmented) samples.</summary>
internal sealed record HessianSize(HessianGroup Group, int GroupDim, int NParams, int NSamples);

/// <summary>Where training ended: the critical point's gradient norm, loss and training accuracy, and what it took.</summary>
/// <param name="GradNorm">|grad| at the end.</param>
/// <param name="Loss">The loss there.</param>
/// <param name="TrainAccuracy">Accuracy on the (augmented) training set.</param>
/// <param name="Converged">Whether |grad| fell below the critical-point tolerance.</param>
/// <param name="LbfgsIterations">L-BFGS iterations.</param>
/// <param name="NewtonSteps">Newton steps after them.</param>
/// <param name="Seconds">Training and analysis wall time.</param>
internal sealed record CriticalPointReached(double GradNorm, double Loss, double TrainAccuracy, bool Converged, int LbfgsIterations, int NewtonSteps, double Seconds);

/// <summary>The flat-direction counts at the critical point.</summary>
/// <param name="OrbitDim">The orbit dimension (dim G minus the stabiliser's), the expected n_flat.</param>
/// <param name="TangentNormRel">Shortest tangent |W A_a| / |W|.</param>
/// <param name="NFlat">Near-null non-gauge directions.</param>
/// <param name="NFlatGauge">Near-null gauge directions.</param>
/// <param name="NFlatOutside">Near-null directions of H on the complement of the tangent and gauge spans.</param>
internal sealed record FlatCount(int OrbitDim, double TangentNormRel, int NFlat, int NFlatGauge, int NFlatOutside);

/// <summary>
/// The curvatures the verdict rests on. TangentResidualRel is the largest |Ht|/|t| / lambda_max over the tangents;
/// ComplementSoftestRel the smallest |eigenvalue| (full) or Ritz value (tangent) of H on the complement of the tangent
/// and gauge spans, / lambda_max. Angles exist on the full path only (NaN on the tangent path).
/// </summary>
internal sealed record Curvatures(double TangentCurvature, double TangentCurvatureRel, double GaugeCurvature, double LambdaMax, double LambdaSoftest,
    double TangentResidualRel, double ComplementSoftestRel, double MaxPrincipalAngleDeg, double SoftestAngleDeg);

/// <summary>
/// The path that produced the verdict and what it cost: Margin is the tangent path's distance from a changed verdict
/// (NaN on the full path); the eigenvalue list exists on the full path only.
/// </summary>
internal sealed record PathRun(SpectrumPath Spectrum, double Margin, int HessianVectorProducts, double AnalysisSeconds, double[] Eigenvalues);

/// <summary>
/// One trained setting: where it converged and what its Hessian says about flat directions, by the path named in
/// <see cref="PathRun.Spectrum"/>; <paramref name="Agreement"/> is the tangent path's verdict at the same point when both ran.
/// </summary>
internal sealed record HessianResult(HessianRunId Id, HessianSize Size, CriticalPointReached Point, FlatCount Flat, Curvatures Curvature, PathRun Path,
    PathAgreement? Agreement = null);
