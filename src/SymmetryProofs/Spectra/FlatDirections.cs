using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Symmetry;
using SymmetryProofs.Networks;

namespace SymmetryProofs.Spectra;

/// <summary>
/// Tools to measure the flat directions of Sec. 4.1: the orbit tangents vec(W A_a) of a group
/// acting on the inputs, the softmax gauge directions, principal angles between subspaces and
/// the curvature (Rayleigh quotient) along a direction.
/// </summary>
public static class FlatDirections
{
    /// <summary>
    /// Columns vec(W A_a) in the flat layout: d/dt of theta with W replaced by W exp(t A_a), i.e. the
    /// first-layer block (row-major) holds W A_a and every other entry is zero.
    /// </summary>
    public static Matrix<double> Tangents(int[] widths, bool withBiases, double[] theta, LieGroupAction group)
    {
        if (group.SpaceDim != widths[0])
            throw new ArgumentException($"The group acts on R^{group.SpaceDim}; the network's input has {widths[0]} coordinates.", nameof(group));
        var w = ParameterLayout.Unflatten(widths, withBiases, theta).Weights[0];
        var t = Matrix<double>.Build.Dense(theta.Length, group.Dimension);
        for (int a = 0; a < group.Dimension; a++)
        {
            var wa = w * group.Generators[a];
            for (int i = 0; i < wa.RowCount; i++)
                for (int j = 0; j < wa.ColumnCount; j++) t[i * wa.ColumnCount + j, a] = wa[i, j];
        }
        return t;
    }

    /// <summary>
    /// The softmax gauge: adding the same vector to every row of the logit layer U (one direction per
    /// unit of the last hidden layer) and, with biases, the same number to every output bias.
    /// Cross-entropy is exactly invariant along these, so its Hessian annihilates them everywhere.
    /// </summary>
    public static Matrix<double> Gauge(int[] widths, bool withBiases)
    {
        int layers = widths.Length - 1;
        int classes = widths[^1], hidden = widths[^2];
        int offset = ParameterLayout.WeightOffset(widths, withBiases, layers - 1);
        int n = ParameterLayout.Count(widths, withBiases);
        var g = Matrix<double>.Build.Dense(n, hidden + (withBiases ? 1 : 0));
        for (int j = 0; j < hidden; j++)
            for (int a = 0; a < classes; a++) g[offset + a * hidden + j, j] = 1 / Math.Sqrt(classes);
        if (withBiases)
            for (int a = 0; a < classes; a++) g[offset + classes * hidden + a, hidden] = 1 / Math.Sqrt(classes);
        return g;
    }

    /// <summary>
    /// An orthonormal basis of the column span: thin QR a = Q R, then the SVD of the small R, so
    /// the basis is Q U_R restricted to singular values above the tolerance (the same singular
    /// values and span as the SVD of a). The SVD of a itself would build the full n x n U: for the
    /// 135 gauge columns of a 10,060-parameter net, 800 MB and minutes.
    /// </summary>
    public static Matrix<double> Orthonormal(Matrix<double> a, double relativeRankTolerance = 1e-10)
    {
        if (a.ColumnCount == 0) return a;
        var qr = a.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var svd = qr.R.Svd(true);
        double smax = svd.S.Count > 0 ? svd.S[0] : 0;
        int rank = svd.S.Count(s => s > relativeRankTolerance * smax);
        return qr.Q * svd.U.SubMatrix(0, svd.U.RowCount, 0, rank);
    }

    /// <summary>Principal angles in degrees (ascending) between the column spans of a and b: min(rank a, rank b) of them.</summary>
    public static double[] PrincipalAnglesDegrees(Matrix<double> a, Matrix<double> b)
    {
        var qa = Orthonormal(a);
        var qb = Orthonormal(b);
        if (qa.ColumnCount == 0 || qb.ColumnCount == 0) return Array.Empty<double>();
        var s = (qa.TransposeThisAndMultiply(qb)).Svd(false).S;
        return s.Select(c => Math.Acos(Math.Clamp(c, -1, 1)) * 180 / Math.PI).OrderBy(x => x).ToArray();
    }

    /// <summary>
    /// The full-spectrum path's count: eigenvalues with |lambda| below flatThreshold * max |lambda|
    /// are near-null; those whose eigenspace lies inside the gauge span (principal angle under
    /// InSpanDegrees) are n_flat_gauge, the rest n_flat.
    /// </summary>
    public static (int NFlat, int NFlatGauge) FlatCounts(SymmetricSpectrum spectrum, Matrix<double> gauge, double flatThreshold, double inSpanDegrees = 1.0)
    {
        var nearNull = spectrum.NearNull(flatThreshold);
        int nGauge = nearNull.Length == 0 || gauge.ColumnCount == 0 ? 0
            : PrincipalAnglesDegrees(spectrum.Columns(nearNull), gauge).Count(a => a < inSpanDegrees);
        return (nearNull.Length - nGauge, nGauge);
    }

    public static double RayleighQuotient(Matrix<double> h, Vector<double> v) => v.DotProduct(h * v) / v.DotProduct(v);

    /// <summary>Columns of b minus their projection onto the span of a, re-orthonormalised.</summary>
    public static Matrix<double> ProjectOut(Matrix<double> b, Matrix<double> a)
    {
        var qa = Orthonormal(a);
        return Orthonormal(b - qa * qa.TransposeThisAndMultiply(b));
    }
}
