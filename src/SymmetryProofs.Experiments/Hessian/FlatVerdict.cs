using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Spectra;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// The flat-direction verdict at one critical point, as either path computes it: counts (non-gauge
/// n_flat, the part outside the tangent span, gauge), the tangents' mean curvature and largest
/// residual |Ht|/|t|, lambda_max, and the smallest |eigenvalue| of H restricted to the complement of
/// the tangent and gauge spans (exact on the full path, the smallest Ritz value on the tangent path).
/// LambdaMax is max |lambda| on both paths (the scale of the flat rule). Angles and the eigenvalue
/// list exist on the full path only (NaN / empty on the tangent path).
/// </summary>
internal sealed record FlatVerdict(
    SpectrumPath Path, int OrbitDim, double TangentNormRel, int NFlat, int NFlatOutside, int NFlatGauge, double MaxAngle, double SoftestAngle,
    double Curvature, double TangentResidual, double GaugeCurvature, double LambdaMax, double LambdaMaxResidual, double Softest,
    double ComplementSoftest, double Margin, int HessianVectorProducts, double Seconds, double[] Eigenvalues);

/// <summary>Both paths' verdicts from the Hessian of one setting.</summary>
internal static class FlatVerdicts
{
    /// <summary>The full path: the dense Hessian's spectrum, and H compressed to the complement of the tangent and gauge spans.</summary>
    public static FlatVerdict Full(Matrix<double> h, Matrix<double> gauge, Matrix<double>? tangents, double firstLayerNorm, double seconds)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var spec = SymmetricSpectrum.Of(h);
        var a = HessianAnalysis.Analyse(h, spec, gauge, tangents, firstLayerNorm);
        var (_, live) = TangentFlatness.LiveTangents(tangents, firstLayerNorm);
        double residual = live.Length == 0 ? double.NaN : live.Max(i => (h * tangents!.Column(i)).L2Norm() / tangents!.Column(i).L2Norm());
        var qg = FlatDirections.Orthonormal(gauge);
        var qs = live.Length == 0 ? qg : qg.Append(FlatDirections.ProjectOut(Matrix<double>.Build.DenseOfColumnVectors(live.Select(tangents!.Column)), gauge));
        // The complement's orthonormal basis: the left singular vectors of I - Q Q' with singular value 1.
        var qc = FlatDirections.Orthonormal(Matrix<double>.Build.DenseIdentity(h.RowCount) - qs * qs.Transpose());
        var hc = qc.TransposeThisAndMultiply(h * qc);
        var complement = qc.ColumnCount == 0 ? [] : SymmetricSpectrum.Of(0.5 * (hc + hc.Transpose())).Values;
        double threshold = HessianAnalysis.FlatThreshold * spec.MaxAbs;
        double softestOutside = complement.Length == 0 ? double.NaN : complement.MinBy(Math.Abs);
        return new FlatVerdict(SpectrumPath.Full, a.OrbitDim, a.TangentNormRel, a.NFlat, complement.Count(v => FlatRule.IsFlat(v, threshold)), a.NFlatGauge, a.MaxAngle, a.SoftestAngle,
            a.Curvature, residual, a.GaugeCurvature, spec.MaxAbs, 0, a.Softest, softestOutside, double.NaN, 0, seconds + watch.Elapsed.TotalSeconds, spec.Values);
    }

    /// <summary>The tangent path: <see cref="TangentFlatness"/> from HVPs only, with the shared threshold and tangent rule.</summary>
    public static FlatVerdict Tangent(Func<double[], double[]> hvp, int n, Matrix<double> gauge, Matrix<double>? tangents, double firstLayerNorm, int seed)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var report = new TangentFlatness { Seed = seed }.Analyse(hvp, n, tangents, gauge, firstLayerNorm);
        double normRel = tangents is null ? double.NaN : Enumerable.Range(0, tangents.ColumnCount).Min(a => tangents.Column(a).L2Norm()) / firstLayerNorm;
        // The full path's gauge curvature is the mean Rayleigh quotient over an orthonormal gauge basis, trace(Q'HQ)/k: the mean of the gauge block's Ritz values.
        double gaugeCurvature = report.GaugeBlock.Count == 0 ? double.NaN : report.GaugeBlock.Average(r => r.Value);
        var nonGauge = report.TangentBlock.Concat(report.Complement).ToList();
        double softest = nonGauge.Count == 0 ? double.NaN : nonGauge.MinBy(r => Math.Abs(r.Value))!.Value;
        double outside = report.Complement.Count == 0 ? double.NaN : report.Complement.MinBy(r => Math.Abs(r.Value))!.Value;
        double residual = report.Tangents.Count == 0 ? double.NaN : report.Tangents.Max(t => t.Residual);
        double curvature = report.Tangents.Count == 0 ? double.NaN : report.MeanTangentCurvature;
        return new FlatVerdict(SpectrumPath.Tangent, report.OrbitDim, normRel, report.NFlat, report.NFlatOutside, report.NFlatGauge, double.NaN, double.NaN,
            curvature, residual, gaugeCurvature, report.LambdaMax, report.LambdaMaxResidual, softest, outside, report.Margin,
            report.HessianVectorProducts, watch.Elapsed.TotalSeconds, []);
    }
}
