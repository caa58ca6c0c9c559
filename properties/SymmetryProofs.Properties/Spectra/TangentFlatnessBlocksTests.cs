using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Spectra;

namespace SymmetryProofs.Properties.Spectra;

/// <summary>
/// What <see cref="TangentFlatness.Analyse"/> reports block by block, on Hessians Q diag(lambda) Q^T
/// whose eigenvectors are the planted gauge, tangent and outside directions, so each block's Ritz
/// values, each tangent's curvature, lambda_max, the threshold, the coupling and the cost have exact
/// values; and its refusals of inputs that do not fit together.
/// </summary>
public class TangentFlatnessBlocksTests
{
    /// <summary>
    /// Eigenvalues, Ritz values and residuals of a rotated diagonal of norm at most 4 and size at most 30,
    /// through products H v and (on the complement) a complete Lanczos run with full reorthogonalisation:
    /// a few n u |H| ~ 1e-13; 1e-11 leaves room and sits five orders below the smallest planted value the
    /// tests tell apart from 0 (2e-6).
    /// </summary>
    private const double ValueTolerance = 1e-11;

    private static (Matrix<double> H, Matrix<double> Q) Plant(double[] values, int seed) => Planted.Matrix(values, new Random(seed));

    private static Matrix<double> Columns(params Vector<double>[] columns) => Matrix<double>.Build.DenseOfColumnVectors(columns);

    /// <summary>H v through a counter of the calls.</summary>
    private sealed class CountedOperator(Matrix<double> h)
    {
        public int Calls { get; private set; }

        public double[] Apply(double[] v)
        {
            Calls++;
            return (h * Vector<double>.Build.DenseOfArray(v)).ToArray();
        }
    }

    /// <summary>
    /// Thirty parameters: gauge q0 (lambda 0) and q1 (0.25); tangents 1e-8 q2 (dead: shorter than
    /// DegenerateTangent |W|), 2 q3 (lambda 0) and 0.5 q4 (0.3); outside q5 at 2e-6 (flat: below
    /// 1e-6 x lambda_max = 4e-6) and q6 at 8e-6 (not flat); lambda_max = 4 from the most negative
    /// eigenvalue -4; the rest, q2 included (a dead tangent's direction is not in the tangent span), in the complement. The report has each of these in its block, in the order stated, with the cost
    /// of one product per live tangent, per gauge and tangent-block column and per Lanczos step.
    /// </summary>
    [Fact]
    public void Each_block_reports_its_planted_values_and_the_cost_counts_every_product()
    {
        var rng = new Random(23);
        var rest = Enumerable.Range(0, 22).Select(i => (i % 2 == 0 ? 1 : -1) * (0.1 + 3.4 * rng.NextDouble())).ToArray();
        double[] values = [0, 0.25, 0.6, 0, 0.3, 2e-6, 8e-6, .. rest, -4];
        var (h, q) = Plant(values, 29);
        var gauge = 3 * Columns(q.Column(0), q.Column(1));
        var tangents = Columns(1e-8 * q.Column(2), 2 * q.Column(3), 0.5 * q.Column(4));
        var op = new CountedOperator(h);
        var report = new TangentFlatness().Analyse(op.Apply, 30, tangents, gauge, 1.0);

        Assert.Equal(4, report.LambdaMax, ValueTolerance);
        Assert.True(report.LambdaMaxResidual < ValueTolerance, $"lambda_max residual {report.LambdaMaxResidual:G3}");
        Assert.Equal(TangentFlatness.DefaultFlatThreshold * report.LambdaMax, report.Threshold);
        Assert.Equal(2, report.OrbitDim);

        // Tangents: the dead one (generator 0) is left out; each live one has its length, eigenvalue and |Ht|/|t| = |lambda|.
        Assert.Equal([1, 2], report.Tangents.Select(t => t.Generator));
        Assert.Equal(2, report.Tangents[0].Norm, ValueTolerance);
        Assert.Equal(0, report.Tangents[0].Curvature, ValueTolerance);
        Assert.Equal(0, report.Tangents[0].Residual, ValueTolerance);
        Assert.Equal(0.5, report.Tangents[1].Norm, ValueTolerance);
        Assert.Equal(0.3, report.Tangents[1].Curvature, ValueTolerance);
        Assert.Equal(0.3, report.Tangents[1].Residual, ValueTolerance);
        Assert.Equal(0.15, report.MeanTangentCurvature, ValueTolerance);

        // The blocks: exact eigenvectors, so Ritz values are the planted eigenvalues with zero residual, and no coupling.
        AssertBlock([0, 0.25], report.GaugeBlock);
        AssertBlock([0, 0.3], report.TangentBlock);
        Assert.True(report.Coupling < ValueTolerance, $"coupling {report.Coupling:G3}");

        // The complement: dimension 30 - 2 - 2, complete; the flat one plus Reported more, smallest |theta| first.
        Assert.Equal(26, report.ComplementDimension);
        Assert.Equal(26, report.ComplementSteps);
        Assert.Equal(1 + new TangentFlatness().Reported, report.Complement.Count);
        Assert.Equal(2e-6, report.Complement[0].Value, ValueTolerance);
        Assert.Equal(8e-6, report.Complement[1].Value, ValueTolerance);
        var magnitudes = report.Complement.Select(r => Math.Abs(r.Value)).ToArray();
        Assert.Equal(magnitudes.Order(), magnitudes);
        // The complement holds q2 (the dead tangent's direction, 0.6) and q5 onwards.
        var expected = values.Skip(5).Append(values[2]).Select(Math.Abs).Order().Take(report.Complement.Count).ToArray();
        Assert.All(magnitudes.Zip(expected), p => Assert.Equal(p.Second, p.First, ValueTolerance));
        Assert.All(report.Complement, r => Assert.True(r.Residual < ValueTolerance, $"complement residual {r.Residual:G3}"));

        Assert.Equal((1, 1, 2, 1), (report.NFlatTangent, report.NFlatOutside, report.NFlat, report.NFlatGauge));
        Assert.True(report.Decisive, $"margin {report.Margin:G3}");

        // Cost: 2 live tangents, 2 gauge and 2 tangent-block columns, 30 steps on H (capped by n), 26 on the complement.
        Assert.Equal(op.Calls, report.HessianVectorProducts);
        Assert.Equal(2 + 2 + 2 + 30 + 26, op.Calls);

        // Negative control: at a tenth of the rule's fraction (threshold 4e-7) q5's 2e-6 is not flat, and the tangent q3's exact 0 still is.
        var strict = new TangentFlatness { FlatThreshold = 1e-7 }.Analyse(new CountedOperator(h).Apply, 30, tangents, gauge, 1.0);
        Assert.Equal((1, 0, 1), (strict.NFlatTangent, strict.NFlatOutside, strict.NFlatGauge));
    }

    private static void AssertBlock(double[] expected, IReadOnlyList<RitzPair> block)
    {
        Assert.Equal(expected.Length, block.Count);
        Assert.All(expected.Zip(block.OrderBy(r => r.Value)), p =>
        {
            Assert.Equal(p.First, p.Second.Value, ValueTolerance);
            Assert.True(p.Second.Residual < ValueTolerance, $"Ritz value {p.Second.Value:G3} with residual {p.Second.Residual:G3}");
        });
    }

    /// <summary>
    /// A tangent between two eigenvectors, t = (q0 + q1) / sqrt 2 with lambda 0 and 1 and no gauge: the
    /// tangent block is the 1 x 1 t'Ht = 0.5 with residual |Ht - 0.5 t| = 0.5, the coupling twice that,
    /// the tangent's residual |Ht| / |t| = 1 / sqrt 2; the verdict is then not certified (the coupling
    /// exceeds the distance of 0.5 from the threshold).
    /// </summary>
    [Fact]
    public void A_tangent_that_is_not_an_eigenvector_couples_its_block_to_the_rest()
    {
        var (h, q) = Plant([0, 1, 0.6, -0.8, 0.4], 31);
        var tangent = (q.Column(0) + q.Column(1)) / Math.Sqrt(2);
        var report = new TangentFlatness().Analyse(new CountedOperator(h).Apply, 5, Columns(tangent), Matrix<double>.Build.Dense(5, 0), 1.0);

        Assert.Empty(report.GaugeBlock);
        var block = Assert.Single(report.TangentBlock);
        Assert.Equal(0.5, block.Value, ValueTolerance);
        Assert.Equal(0.5, block.Residual, ValueTolerance);
        Assert.Equal(1.0, report.Coupling, ValueTolerance);
        var t = Assert.Single(report.Tangents);
        Assert.Equal(0.5, t.Curvature, ValueTolerance);
        Assert.Equal(1 / Math.Sqrt(2), t.Residual, ValueTolerance);
        Assert.False(report.Decisive, $"margin {report.Margin:G3} with coupling 1");

        // Negative control: the eigenvector q0 as the tangent has no coupling and a decisive verdict.
        var exact = new TangentFlatness().Analyse(new CountedOperator(h).Apply, 5, Columns(q.Column(0)), Matrix<double>.Build.Dense(5, 0), 1.0);
        Assert.True(exact.Coupling < ValueTolerance && exact.Decisive, $"coupling {exact.Coupling:G3}, margin {exact.Margin:G3}");
    }

    /// <summary>
    /// Without tangents or gauge (an invariant model) the complement is everything: the Lanczos run
    /// holds the whole spectrum, here two zeros among five, and the coupling is 0; with gauge and
    /// tangents spanning everything there is no complement run at all.
    /// </summary>
    [Fact]
    public void With_no_spans_the_complement_is_everything_and_with_full_spans_it_is_empty()
    {
        var (h, q) = Plant([0, 0, 0.7, -1, 0.2], 37);
        var none = new TangentFlatness().Analyse(new CountedOperator(h).Apply, 5, null, Matrix<double>.Build.Dense(5, 0), 1.0);
        Assert.Equal((0, 0, 2, 0), (none.OrbitDim, none.NFlatTangent, none.NFlatOutside, none.NFlatGauge));
        Assert.Equal(0, none.Coupling);
        Assert.Equal((5, 5), (none.ComplementDimension, none.ComplementSteps));
        Assert.Equal(5, none.Complement.Count);
        Assert.True(double.IsNaN(none.MeanTangentCurvature));

        var op = new CountedOperator(h);
        var full = new TangentFlatness().Analyse(op.Apply, 5, Columns(q.Column(1), q.Column(2), q.Column(3)), Columns(q.Column(0), q.Column(4)), 1.0);
        Assert.Equal((0, 0), (full.ComplementDimension, full.ComplementSteps));
        Assert.Empty(full.Complement);
        Assert.Equal((1, 0, 1), (full.NFlatTangent, full.NFlatOutside, full.NFlatGauge));
        // 3 tangents, 2 + 3 block columns, 5 steps on H; none on the complement.
        Assert.Equal(3 + 5 + 5, op.Calls);
    }

    /// <summary>
    /// The tangent rule at its boundary: a tangent exactly DegenerateTangent |W| long (here |W| = 4, so
    /// the floor 4e-6 and the tangent 4e-6 e_0 are the same double) is dead, one ulp longer is live; the
    /// orbit dimension is the rank of the tangents (a parallel pair counts once) while every long tangent stays live.
    /// </summary>
    [Fact]
    public void Live_tangents_are_those_strictly_longer_than_the_floor()
    {
        double floor = TangentFlatness.DegenerateTangent * 4;
        Matrix<double> Single(double length)
        {
            var t = Matrix<double>.Build.Dense(6, 1);
            t[0, 0] = length;
            return t;
        }
        Assert.Equal((0, 0), Summary(TangentFlatness.LiveTangents(Single(floor), 4)));
        Assert.Equal((1, 1), Summary(TangentFlatness.LiveTangents(Single(Math.BitIncrement(floor)), 4)));
        Assert.Equal((0, 0), Summary(TangentFlatness.LiveTangents(null, 4)));
        Assert.Equal((0, 0), Summary(TangentFlatness.LiveTangents(Matrix<double>.Build.Dense(6, 0), 4)));

        var v = Vector<double>.Build.Dense(6, i => i + 1.0);
        var (rank, live) = TangentFlatness.LiveTangents(Columns(v, 3 * v, 1e-9 * v), 1.0);
        Assert.Equal(1, rank);
        Assert.Equal([0, 1], live);
    }

    /// <summary>
    /// The end of the Ritz values that gives lambda_max: the larger magnitude; on a tie (-2 and 2) the end with the larger
    /// residual, whichever end that is; on a tie of the residuals as well, the last (positive) end.
    /// </summary>
    [Fact]
    public void Lambda_max_comes_from_the_end_of_larger_magnitude_and_on_a_tie_from_the_larger_residual()
    {
        Assert.Equal(0, TangentFlatness.LargestMagnitudeEnd([-3, 0.5, 2], [0, 0, 1]));
        Assert.Equal(2, TangentFlatness.LargestMagnitudeEnd([-2, 0.5, 3], [1, 0, 0]));
        Assert.Equal(0, TangentFlatness.LargestMagnitudeEnd([-2, 0.5, 2], [1e-3, 0, 1e-5]));
        Assert.Equal(2, TangentFlatness.LargestMagnitudeEnd([-2, 0.5, 2], [1e-5, 0, 1e-3]));
        Assert.Equal(2, TangentFlatness.LargestMagnitudeEnd([-2, 0.5, 2], [1e-4, 0, 1e-4]));
        Assert.Equal(0, TangentFlatness.LargestMagnitudeEnd([-2], [1e-4]));
    }

    /// <summary>
    /// The complement's flat count at its exact boundary. On a 1 x 1 Hessian (h) both Lanczos runs take one step from a
    /// vector of length 1 in one dimension, so lambda_max = |h| and the complement's only Ritz value is h; with FlatThreshold 1
    /// the threshold is |h| itself (these premises are asserted). That value is not flat, so with no non-flat values reported
    /// the complement list is empty; with FlatThreshold one ulp above 1 (threshold one ulp above |h|) it is flat and listed.
    /// </summary>
    [Fact]
    public void A_complement_value_exactly_at_the_threshold_is_not_flat()
    {
        var h = Matrix<double>.Build.Dense(1, 1, -2.5);
        var none = Matrix<double>.Build.Dense(1, 0);
        TangentFlatnessReport Run(double flatThreshold, int reported) =>
            new TangentFlatness { FlatThreshold = flatThreshold, Reported = reported }.Analyse(new CountedOperator(h).Apply, 1, null, none, 1.0);

        var premise = Run(1, 1);
        Assert.Equal(2.5, premise.LambdaMax);
        Assert.Equal(2.5, premise.Threshold);
        Assert.Equal(-2.5, Assert.Single(premise.Complement).Value);

        var at = Run(1, 0);
        Assert.Empty(at.Complement);
        Assert.Equal(0, at.NFlatOutside);

        var above = Run(Math.BitIncrement(1.0), 0);
        Assert.Equal(Math.BitIncrement(2.5), above.Threshold);
        Assert.Equal(-2.5, Assert.Single(above.Complement).Value);
        Assert.Equal(1, above.NFlatOutside);
    }

    private static (int OrbitDim, int Live) Summary((int OrbitDim, int[] Live) t) => (t.OrbitDim, t.Live.Length);

    /// <summary>Inputs that do not fit are refused with the parameter and the mismatch named.</summary>
    [Fact]
    public void Inputs_that_do_not_fit_are_refused()
    {
        var (h, q) = Plant([0, 1, 0.5, -0.3], 41);
        var path = new TangentFlatness();
        var op = new CountedOperator(h);
        var gauge = Columns(q.Column(0));
        var tangents = Columns(q.Column(1));

        Assert.Throws<ArgumentNullException>("hvp", () => path.Analyse(null!, 4, tangents, gauge, 1.0));
        Assert.Throws<ArgumentNullException>("gauge", () => path.Analyse(op.Apply, 4, tangents, null!, 1.0));
        var g = Assert.Throws<ArgumentException>("gauge", () => path.Analyse(op.Apply, 5, null, gauge, 1.0));
        Assert.Contains("have 4 rows; expected 5", g.Message);
        var t = Assert.Throws<ArgumentException>("tangents", () => path.Analyse(op.Apply, 4, Matrix<double>.Build.Dense(3, 1, 1.0), gauge, 1.0));
        Assert.Contains("have 3 rows; expected 4", t.Message);
        foreach (double w in new[] { 0, -1, double.NaN, double.PositiveInfinity })
            Assert.Contains("Expected |W| > 0.", Assert.Throws<ArgumentOutOfRangeException>("firstLayerNorm", () => path.Analyse(op.Apply, 4, tangents, gauge, w)).Message);
        var bad = Assert.Throws<ArgumentException>("hvp", () => path.Analyse(_ => new double[3], 4, tangents, gauge, 1.0));
        Assert.Contains("returned 3 entries; expected 4", bad.Message);

        // Negative control: the same inputs with matching sizes pass.
        Assert.Equal(1, path.Analyse(op.Apply, 4, tangents, gauge, 1.0).NFlatGauge);
    }
}
