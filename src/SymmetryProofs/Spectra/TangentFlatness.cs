using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Spectra;

/// <summary>
/// The flat-direction verdict without the full spectrum, from Hessian-vector
/// products only. Three orthonormal blocks: the softmax gauge span G, the tangent span T (the
/// live orbit tangents vec(W A_a) with G projected out) and their complement C. G and T are small:
/// their compressions Q'HQ are diagonalised exactly. On C it runs Lanczos with full
/// reorthogonalisation on P H P (P the projector onto C; the Krylov space stays in C), restarted
/// on invariant subspaces so that repeated eigenvalues appear with their multiplicity. Every
/// block's Ritz values are counted with the full-spectrum rule (<see cref="FlatRule"/>): |theta| strictly below
/// FlatThreshold times max |lambda| (max |lambda| by a separate Lanczos run on H, whose extremes converge first).
/// </summary>
/// <remarks>
/// What is certified and what is relied on: the coupling R = H Q_S - Q_G A_G - Q_T A_T (S = G + T)
/// bounds |H - blockdiag(A_G, A_T, P H P)|_2 by 2 |R|_2 (the off-diagonal part F satisfies
/// |F P_S| = |R| and P_C F P_C = 0), so by Weyl each count is exact when no Ritz value is within
/// that bound plus its own residual of the threshold (<see cref="TangentFlatnessReport.Decisive"/>).
/// A complete complement run (as many steps as dim C) holds every eigenvalue of P H P. An
/// incomplete one is relied on to have reached the bottom of P H P's spectrum: its Ritz values
/// are upper bounds of the smallest eigenvalues (interlacing) and converge first for eigenvalues
/// separated from the rest; an isolated flat direction far below a cluster converges in a few
/// dozen steps, one inside a dense cluster near zero may need hundreds. The residuals say how far
/// each reported value can be from an eigenvalue; they cannot prove that none was missed.
/// </remarks>
public sealed class TangentFlatness
{
    /// <summary>The full-spectrum path's rule: |lambda| below this fraction of max |lambda| counts as flat.</summary>
    public const double DefaultFlatThreshold = 1e-6;

    /// <summary>A tangent shorter than this fraction of |W|_F counts as zero (W fixed by that generator), as in the full path.</summary>
    public const double DegenerateTangent = 1e-6;

    public double FlatThreshold { get; init; } = DefaultFlatThreshold;

    /// <summary>Lanczos steps on H for max |lambda| (the extremes converge first: on the 765-parameter bench net at a random point, 40 steps matched LAPACK to the six digits printed, 0.471867).</summary>
    public int ExtremeSteps { get; init; } = 40;

    /// <summary>Lanczos steps on the complement (capped by its dimension, where the run is complete).</summary>
    public int ComplementSteps { get; init; } = 300;

    /// <summary>Non-flat complement Ritz values kept in the report besides every flat one, smallest |theta| first.</summary>
    public int Reported { get; init; } = 10;

    /// <summary>Seed of the random start and restart vectors.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// The verdict for the Hessian given by <paramref name="hvp"/> (v -> H v, dimension
    /// <paramref name="n"/>), with the orbit tangents as columns (null when there are none, e.g.
    /// for an invariant model), the gauge directions as columns, and |W|_F of the first layer (the
    /// scale of the degenerate-tangent rule).
    /// </summary>
    public TangentFlatnessReport Analyse(Func<double[], double[]> hvp, int n, Matrix<double>? tangents, Matrix<double> gauge, double firstLayerNorm)
    {
        ArgumentNullException.ThrowIfNull(hvp);
        ArgumentNullException.ThrowIfNull(gauge);
        if (gauge.RowCount != n) throw new ArgumentException($"The gauge directions have {gauge.RowCount} rows; expected {n}.", nameof(gauge));
        if (tangents is not null && tangents.RowCount != n) throw new ArgumentException($"The tangents have {tangents.RowCount} rows; expected {n}.", nameof(tangents));
        if (!(firstLayerNorm > 0) || !double.IsFinite(firstLayerNorm)) throw new ArgumentOutOfRangeException(nameof(firstLayerNorm), firstLayerNorm, "Expected |W| > 0.");
        int products = 0;
        Vector<double> H(Vector<double> v)
        {
            products++;
            var hv = hvp(v.ToArray());
            if (hv.Length != n) throw new ArgumentException($"The HVP returned {hv.Length} entries; expected {n}.", nameof(hvp));
            return Vector<double>.Build.DenseOfArray(hv);
        }

        var (orbitDim, live) = LiveTangents(tangents, firstLayerNorm);
        var curvatures = live.Select(a =>
        {
            var t = tangents!.Column(a);
            var ht = H(t);
            double tt = t.DotProduct(t);
            return new TangentCurvature(a, Math.Sqrt(tt), t.DotProduct(ht) / tt, ht.L2Norm() / Math.Sqrt(tt));
        }).ToArray();

        var qg = FlatDirections.Orthonormal(gauge);
        var qt = live.Length == 0 ? Matrix<double>.Build.Dense(n, 0)
            : FlatDirections.ProjectOut(Matrix<double>.Build.DenseOfColumnVectors(live.Select(tangents!.Column)), gauge);
        var hg = Apply(H, qg);
        var ht = Apply(H, qt);
        var (gaugeBlock, rg) = Block(qg, hg);
        var (tangentBlock, rt) = Block(qt, ht);
        var residual = rg.Append(rt);
        double coupling = residual.ColumnCount == 0 ? 0 : 2 * residual.L2Norm();

        var rng = new Random(Seed);
        var extremes = Lanczos.Run(v => H(Vector<double>.Build.DenseOfArray(v)).ToArray(), Uniform(n, rng), Math.Min(ExtremeSteps, n), () => Uniform(n, rng));
        var (ev, _) = extremes.Ritz();
        var er = extremes.RitzResiduals();
        int top = LargestMagnitudeEnd(ev, er);
        double lambdaMax = Math.Abs(ev[top]);
        double threshold = FlatThreshold * lambdaMax;

        var qs = qg.Append(qt);
        Vector<double> Project(Vector<double> v) => qs.ColumnCount == 0 ? v : v - qs * qs.TransposeThisAndMultiply(v);
        int dimC = n - qs.ColumnCount;
        var complement = new List<RitzPair>();
        int steps = Math.Min(ComplementSteps, dimC);
        if (steps > 0)
        {
            double[] Start() => Project(Vector<double>.Build.DenseOfArray(Uniform(n, rng))).ToArray();
            var run = Lanczos.Run(v => Project(H(Project(Vector<double>.Build.DenseOfArray(v)))).ToArray(), Start(), steps, Start,
                v => Project(Vector<double>.Build.DenseOfArray(v)).ToArray());
            steps = run.Steps;
            var (values, _) = run.Ritz();
            var res = run.RitzResiduals();
            var byMagnitude = Enumerable.Range(0, values.Length).OrderBy(i => Math.Abs(values[i])).ToArray();
            int flat = byMagnitude.Count(i => FlatRule.IsFlat(values[i], threshold));
            complement.AddRange(byMagnitude.Take(flat + Reported).Select(i => new RitzPair(values[i], res[i])));
        }
        return new TangentFlatnessReport(FlatThreshold, lambdaMax, er[top], threshold, orbitDim, curvatures, tangentBlock, gaugeBlock,
            complement, dimC, steps, coupling, products);
    }

    /// <summary>
    /// The full path's tangent rule: the orbit dimension is the number of singular values of the
    /// tangent matrix above DegenerateTangent |W|; tangents shorter than that are dropped.
    /// </summary>
    public static (int OrbitDim, int[] Live) LiveTangents(Matrix<double>? tangents, double firstLayerNorm)
    {
        if (tangents is null || tangents.ColumnCount == 0) return (0, Array.Empty<int>());
        double floor = DegenerateTangent * firstLayerNorm;
        int orbitDim = tangents.Svd(false).S.Count(x => x > floor);
        return (orbitDim, Enumerable.Range(0, tangents.ColumnCount).Where(a => tangents.Column(a).L2Norm() > floor).ToArray());
    }

    /// <summary>
    /// Which end of the ascending Ritz values <paramref name="values"/> gives max |lambda|: index 0 when |theta_min| is
    /// larger, the last index when |theta_max| is. On a tie (|theta_min| = |theta_max|, as for a spectrum symmetric about 0)
    /// max |lambda| is the same from either end and the end with the larger Ritz residual (<paramref name="residuals"/>, in the
    /// same order) is taken, so that the reported residual of lambda_max, which widens the margin's allowance, is the
    /// conservative one; on a tie of the residuals too, the last end.
    /// </summary>
    internal static int LargestMagnitudeEnd(IReadOnlyList<double> values, IReadOnlyList<double> residuals)
    {
        double low = Math.Abs(values[0]), high = Math.Abs(values[^1]);
        int last = values.Count - 1;
        if (low > high) return 0;
        if (low < high) return last;
        return residuals[0] > residuals[last] ? 0 : last;
    }

    private static Matrix<double> Apply(Func<Vector<double>, Vector<double>> h, Matrix<double> q) =>
        q.ColumnCount == 0 ? Matrix<double>.Build.Dense(q.RowCount, 0) : Matrix<double>.Build.DenseOfColumnVectors(q.EnumerateColumns().Select(h));

    /// <summary>Ritz pairs of H compressed to span(q) (q orthonormal, hq = H q) and the block residual H q - q (q' H q).</summary>
    private static (RitzPair[] Pairs, Matrix<double> Residual) Block(Matrix<double> q, Matrix<double> hq)
    {
        if (q.ColumnCount == 0) return (Array.Empty<RitzPair>(), hq);
        var a = q.TransposeThisAndMultiply(hq);
        a = 0.5 * (a + a.Transpose());
        var spec = SymmetricSpectrum.Of(a);
        var pairs = Enumerable.Range(0, spec.Dimension).Select(i =>
        {
            var z = spec.Vectors.Column(i);
            return new RitzPair(spec.Values[i], (hq * z - spec.Values[i] * (q * z)).L2Norm());
        }).ToArray();
        return (pairs, hq - q * a);
    }

    /// <summary>
    /// Start and restart vectors uniform in [-1, 1]^n, not Rademacher: a +-1 vector is orthogonal
    /// to a sparse direction such as (e_i - e_j)/sqrt 2 with probability 1/2, and the null
    /// directions of a Hessian (unused weights, gauge) are often that sparse; a continuous
    /// distribution misses a given direction with probability 0.
    /// </summary>
    private static double[] Uniform(int n, Random rng) => Enumerable.Range(0, n).Select(_ => 2 * rng.NextDouble() - 1).ToArray();
}
