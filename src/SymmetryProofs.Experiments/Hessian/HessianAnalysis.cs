using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Symmetry;
using SymmetryProofs.Spectra;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// Counting flat directions at a critical point: eigenvalues with |lambda| below FlatThreshold *
/// lambda_max are near-null; the part of that eigenspace inside the softmax gauge span
/// (principal angle under 1 degree) is n_flat_gauge, the rest n_flat. The tangents vec(W A_a)
/// (those longer than DegenerateTangent |W|; their numerical rank is the orbit dimension, dim G minus the stabiliser's)
/// are compared with the non-gauge near-null space (principal angles) and with the softest
/// non-gauge eigenvectors (those with less than half their norm in the gauge span), and their curvature is the
/// Rayleigh quotient t^T H t / t^T t.
/// </summary>
internal static class HessianAnalysis
{
    /// <summary>The shared flat rule (<see cref="TangentFlatness.DefaultFlatThreshold"/>): |lambda| below this fraction of lambda_max is flat.</summary>
    public const double FlatThreshold = TangentFlatness.DefaultFlatThreshold;

    /// <summary>The shared tangent rule (<see cref="TangentFlatness.DegenerateTangent"/>): a tangent shorter than this fraction of |W| counts as zero.</summary>
    public const double DegenerateTangent = TangentFlatness.DegenerateTangent;

    public static TangentAnalysis Analyse(Matrix<double> h, SymmetricSpectrum spec, Matrix<double> gauge, Matrix<double>? tangents, double firstLayerNorm)
    {
        int orbitDim = 0;
        double tangentNormRel = double.NaN;
        if (tangents is not null)
        {
            tangentNormRel = Enumerable.Range(0, tangents.ColumnCount).Min(a => tangents.Column(a).L2Norm()) / firstLayerNorm;
            (orbitDim, var live) = TangentFlatness.LiveTangents(tangents, firstLayerNorm);
            tangents = live.Length == 0 ? null : Matrix<double>.Build.DenseOfColumnVectors(live.Select(tangents.Column));
        }
        var (nFlat, nGauge) = FlatDirections.FlatCounts(spec, gauge, FlatThreshold);
        var gq = FlatDirections.Orthonormal(gauge);
        double gaugeCurv = gq.ColumnCount == 0 ? double.NaN : Enumerable.Range(0, gq.ColumnCount).Average(j => FlatDirections.RayleighQuotient(h, gq.Column(j)));
        var nonGauge = Enumerable.Range(0, spec.Dimension).Where(i => !IsGaugeDirection(gq, spec.Vectors.Column(i)))
            .OrderBy(i => Math.Abs(spec.Values[i])).ToArray();
        double softest = nonGauge.Length > 0 ? spec.Values[nonGauge[0]] : double.NaN;
        if (tangents is null) return new TangentAnalysis(orbitDim, tangentNormRel, nFlat, nGauge, double.NaN, double.NaN, double.NaN, gaugeCurv, softest);
        double maxAngle = double.NaN;
        if (nFlat > 0)
        {
            var flat = FlatDirections.ProjectOut(spec.Columns(spec.NearNull(FlatThreshold)), gauge);
            maxAngle = FlatDirections.PrincipalAnglesDegrees(flat, tangents).DefaultIfEmpty(double.NaN).Max();
        }
        var softestSpan = spec.Columns(nonGauge.Take(tangents.ColumnCount).ToArray());
        double softestAngle = FlatDirections.PrincipalAnglesDegrees(softestSpan, tangents).DefaultIfEmpty(double.NaN).Max();
        double curvature = Enumerable.Range(0, tangents.ColumnCount).Average(a => FlatDirections.RayleighQuotient(h, tangents.Column(a)));
        return new TangentAnalysis(orbitDim, tangentNormRel, nFlat, nGauge, maxAngle, softestAngle, curvature, gaugeCurv, softest);
    }

    /// <summary>
    /// The softest reading's gauge rule: <paramref name="v"/> counts as a gauge direction when at least half its norm
    /// lies in the span of <paramref name="gaugeBasis"/>'s orthonormal columns (|Q_G' v| >= 0.5 for a unit v). An eigenvector
    /// of an eigenvalue the gauge does not share lies inside the invariant gauge span or orthogonal to it, so the
    /// half-way mark only decides eigenvectors of a shared, degenerate eigenvalue.
    /// </summary>
    internal static bool IsGaugeDirection(Matrix<double> gaugeBasis, Vector<double> v) => gaugeBasis.TransposeThisAndMultiply(v).L2Norm() >= 0.5;

    /// <summary>
    /// Group coordinates t minimising |W - W0 U(t)|_F by Gauss-Newton from <paramref name="start"/>: where on the orbit W sits.
    /// At most 20 steps, each solving (J'J + 1e-12 trace(J'J) I) step = J'r, stopping after a step shorter than 1e-12.
    /// </summary>
    public static (double[] T, double Residual) OrbitCoordinates(Matrix<double> w, Matrix<double> w0, LieGroupAction group, double[] start)
    {
        var t = start.ToArray();
        int d = group.Dimension;
        for (int iter = 0; iter < 20; iter++)
        {
            var u = group.Element(t);
            var wu = w0 * u;
            var r = Vectorise(w - wu);
            var j = Matrix<double>.Build.DenseOfColumnVectors(Enumerable.Range(0, d).Select(a => Vectorise(wu * group.Generators[a])));
            // A tiny ridge keeps the step finite when a generator fixes W0 (zero tangent): that coordinate then stays put.
            var jtj = j.TransposeThisAndMultiply(j);
            var step = (jtj + 1e-12 * Math.Max(jtj.Trace(), 1e-300) * Matrix<double>.Build.DenseIdentity(d)).Solve(j.TransposeThisAndMultiply(r));
            for (int a = 0; a < d; a++) t[a] += step[a];
            if (step.L2Norm() < 1e-12) break;
        }
        return (t, (w - w0 * group.Element(t)).FrobeniusNorm());
    }

    private static Vector<double> Vectorise(Matrix<double> m) => Vector<double>.Build.DenseOfArray(m.ToRowMajorArray());
}
