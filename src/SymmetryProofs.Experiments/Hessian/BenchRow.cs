using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// The costs of one net in `hessian bench --sweep`, as checkpointed and written to bench.json.
/// A phase too slow or too large to run has its time extrapolated: its *_source field says from
/// what, and its CPU time is null.
/// </summary>
internal sealed record BenchRow(
    [property: JsonPropertyName("net")] string Net,
    [property: JsonPropertyName("n_params")] int NParams,
    [property: JsonPropertyName("n_samples")] int NSamples,
    [property: JsonPropertyName("gradient_ms")] double GradientMs,
    [property: JsonPropertyName("gradient_cpu_ms")] double GradientCpuMs,
    [property: JsonPropertyName("hvp_ms")] double HvpMs,
    [property: JsonPropertyName("hvp_cpu_ms")] double HvpCpuMs,
    [property: JsonPropertyName("full_hessian_s")] double FullHessianS,
    [property: JsonPropertyName("full_hessian_cpu_s")] double? FullHessianCpuS,
    [property: JsonPropertyName("full_hessian_source")] string FullHessianSource,
    [property: JsonPropertyName("eigendecomposition_s")] double EigendecompositionS,
    [property: JsonPropertyName("eigendecomposition_cpu_s")] double? EigendecompositionCpuS,
    [property: JsonPropertyName("eigendecomposition_source")] string EigendecompositionSource,
    [property: JsonPropertyName("peak_memory_mb")] double? PeakMemoryMb,
    [property: JsonPropertyName("peak_memory_scope")] string PeakMemoryScope,
    [property: JsonPropertyName("dense_hessian_mb")] double DenseHessianMb,
    [property: JsonPropertyName("relative_asymmetry")] double? RelativeAsymmetry,
    [property: JsonPropertyName("lambda_max")] double? LambdaMax,
    [property: JsonPropertyName("load_average")] string LoadAverage)
{
    public const string Measured = "measured";

    /// <summary>|H v - HVP(v)| / (|H|_max |v|_1) for the fixed direction v: the assembled Hessian against the R-operator's product; null when the Hessian was not built.</summary>
    [JsonPropertyName("hvp_vs_hessian_rel")]
    public double? HvpVsHessian { get; init; }

    /// <summary>The full Hessian's floating-point operations, counted from its code (<see cref="Objectives.MlpObjective.Flops"/>): matrix products and the elementwise work building their operands.</summary>
    [JsonPropertyName("full_hessian_flops")]
    public double? FullHessianFlops { get; init; }

    /// <summary>The rate the full Hessian achieved, in GFLOP/s of wall time; null when it was extrapolated.</summary>
    [JsonPropertyName("full_hessian_gflop_per_s")]
    public double? FullHessianGflopPerS => FullHessianSource == Measured ? FullHessianFlops / FullHessianS / 1e9 : null;

    /// <summary>
    /// (4/3 + 2) n^3: the reduction to tridiagonal form (dsytrd) and the back-transformation of the eigenvectors
    /// (dormtr); the divide-and-conquer tridiagonal solve adds at most about 4/3 n^3 more, less with deflation, so this is a lower bound on the work.
    /// </summary>
    [JsonPropertyName("eigendecomposition_flops_nominal")]
    public double EigendecompositionFlops => 10.0 / 3 * Math.Pow(NParams, 3);

    /// <summary>The rate of the eigendecomposition on its nominal flops, in GFLOP/s of wall time; null when it was extrapolated.</summary>
    [JsonPropertyName("eigendecomposition_gflop_per_s")]
    public double? EigendecompositionGflopPerS => EigendecompositionSource == Measured ? EigendecompositionFlops / EigendecompositionS / 1e9 : null;

    [JsonPropertyName("hvp_over_gradient")]
    public double HvpOverGradient => HvpMs / GradientMs;

    [JsonPropertyName("full_hessian_plus_spectrum_s")]
    public double FullHessianPlusSpectrumS => FullHessianS + EigendecompositionS;

    /// <summary>CPU seconds of the process over both phases (with one thread on an otherwise idle core, close to the wall time); null when either was extrapolated.</summary>
    [JsonPropertyName("full_hessian_plus_spectrum_cpu_s")]
    public double? FullHessianPlusSpectrumCpuS => FullHessianCpuS + EigendecompositionCpuS;

    [JsonPropertyName("extrapolated")]
    public bool Extrapolated => FullHessianSource != Measured || EigendecompositionSource != Measured;
}
