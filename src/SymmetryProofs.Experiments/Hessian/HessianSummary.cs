using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>One trained setting of summary.json, over its seeds: medians of the counts (per-seed values beside them), maxima of the angles and of the gradient, means of the rest; null where a number is undefined.</summary>
internal sealed record HessianSettingSummary(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("setting")] string Setting,
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("group_dim")] int GroupDim,
    [property: JsonPropertyName("k")] int K,
    [property: JsonPropertyName("n_params")] int NParams,
    [property: JsonPropertyName("n_samples")] int NSamples,
    [property: JsonPropertyName("seeds")] int Seeds,
    [property: JsonPropertyName("orbit_dim")] int OrbitDim,
    [property: JsonPropertyName("tangent_norm_rel")] double? TangentNormRel,
    [property: JsonPropertyName("n_flat")] int NFlat,
    [property: JsonPropertyName("n_flat_per_seed")] int[] NFlatPerSeed,
    [property: JsonPropertyName("n_flat_gauge")] int NFlatGauge,
    [property: JsonPropertyName("max_principal_angle_deg")] double? MaxPrincipalAngleDeg,
    [property: JsonPropertyName("softest_angle_deg")] double? SoftestAngleDeg,
    [property: JsonPropertyName("tangent_curvature")] double? TangentCurvature,
    [property: JsonPropertyName("tangent_curvature_sd")] double? TangentCurvatureSd,
    [property: JsonPropertyName("tangent_curvature_rel")] double? TangentCurvatureRel,
    [property: JsonPropertyName("gauge_curvature")] double? GaugeCurvature,
    [property: JsonPropertyName("lambda_max")] double? LambdaMax,
    [property: JsonPropertyName("lambda_max_sd")] double? LambdaMaxSd,
    [property: JsonPropertyName("grad_norm")] double? GradNorm,
    [property: JsonPropertyName("converged_seeds")] int ConvergedSeeds,
    [property: JsonPropertyName("train_accuracy")] double? TrainAccuracy,
    [property: JsonPropertyName("spectrum_path")] string SpectrumPath,
    [property: JsonPropertyName("n_flat_outside_per_seed")] int[] NFlatOutsidePerSeed,
    [property: JsonPropertyName("tangent_residual_rel_max")] double? TangentResidualRelMax,
    [property: JsonPropertyName("complement_softest_rel_min")] double? ComplementSoftestRelMin,
    [property: JsonPropertyName("analysis_seconds")] double? AnalysisSeconds,
    [property: JsonPropertyName("seconds")] double? Seconds,
    [property: JsonPropertyName("paths_agree")] bool? PathsAgree);

/// <summary>summary.json of a hessian run: the protocol, the conventions the numbers follow, and every setting.</summary>
internal sealed record HessianSummary(
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("group_dim")] int GroupDim,
    [property: JsonPropertyName("quick")] bool Quick,
    [property: JsonPropertyName("hidden")] int Hidden,
    [property: JsonPropertyName("spectrum_path")] string SpectrumPath,
    [property: JsonPropertyName("seeds")] int Seeds,
    [property: JsonPropertyName("penalty")] double Penalty,
    [property: JsonPropertyName("penalty_form")] string PenaltyForm,
    [property: JsonPropertyName("flat_threshold")] string FlatThreshold,
    [property: JsonPropertyName("gauge_convention")] string GaugeConvention,
    [property: JsonPropertyName("integer_fields")] string IntegerFields,
    [property: JsonPropertyName("runtime_seconds")] double RuntimeSeconds,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("settings")] IReadOnlyList<HessianSettingSummary> Settings);
