using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Experiments.Hessian;
using SymmetryProofs.Spectra;
using SymmetryProofs.Symmetry;
using PlantedMatrix = SymmetryProofs.Properties.Spectra.Planted;

namespace SymmetryProofs.Properties.Experiments.Hessian;

/// <summary>
/// Every reading of <see cref="HessianAnalysis.Analyse"/> besides the counts (the shortest tangent,
/// the angles, the curvatures, the softest non-gauge eigenvalue) on Hessians Q diag(lambda) Q^T
/// whose eigenvectors Q are known, so each reading has an exact value; and
/// <see cref="HessianAnalysis.OrbitCoordinates"/> on points planted on a torus orbit.
/// </summary>
public class HessianAnalysisReadingsTests
{
    /// <summary>
    /// Eigenvalues, Rayleigh quotients and lengths of a rotated diagonal of norm at most 1 and size 8
    /// are recovered to a few n u |H| (backward-stable solver, one product each): 1e-13 leaves room
    /// and sits ten orders below the smallest gap between the readings the tests tell apart (1e-3).
    /// </summary>
    private const double ValueTolerance = 1e-13;

    /// <summary>
    /// Principal angles between planted eigenvector spans: the computed eigenvectors of eigenvalues
    /// at least 1e-3 apart move by ~ u |H| / gap ~ 1e-13 rad; 1e-6 degrees leaves room and is far
    /// from the 90 degrees of an orthogonal direction.
    /// </summary>
    private const double AngleTolerance = 1e-6;

    /// <summary>The planted H and its eigenvectors (columns of Q, in the order of <paramref name="values"/>).</summary>
    private static (Matrix<double> H, Matrix<double> Q) Plant(double[] values, int seed) => PlantedMatrix.Matrix(values, new Random(seed));

    private static Matrix<double> Columns(params Vector<double>[] columns) => Matrix<double>.Build.DenseOfColumnVectors(columns);

    /// <summary>
    /// Gauge q0 (lambda 0), tangents 2 q1 and 3 q2 (lambda 1e-3 and -2e-3), the rest stiff with the most
    /// negative eigenvalue -0.9: no non-gauge direction is flat, so there is no flat-space angle; the
    /// softest non-gauge eigenvalue is 1e-3 (the gauge's 0 is left out, -0.9 is smaller but not softer),
    /// the two softest non-gauge eigenvectors span the tangents, and the shortest tangent is 2 / |W| = 0.5.
    /// </summary>
    [Fact]
    public void Softest_reading_skips_the_gauge_and_orders_by_magnitude()
    {
        var (h, q) = Plant([0, 1e-3, -2e-3, 0.5, -0.7, 0.2, -0.9, 1], 3);
        var gauge = Columns(q.Column(0));
        var tangents = Columns(2 * q.Column(1), 3 * q.Column(2));
        var a = HessianAnalysis.Analyse(h, SymmetricSpectrum.Of(h), gauge, tangents, 4.0);

        Assert.Equal(2, a.OrbitDim);
        Assert.Equal(0, a.NFlat);
        Assert.Equal(1, a.NFlatGauge);
        Assert.Equal(0.5, a.TangentNormRel, ValueTolerance);
        // The flat space has only the gauge direction; with nothing flat outside it there is no angle to report.
        Assert.True(double.IsNaN(a.MaxAngle), $"max angle {a.MaxAngle} with no non-gauge flat direction");
        Assert.Equal(1e-3, a.Softest, ValueTolerance);
        Assert.True(a.SoftestAngle < AngleTolerance, $"softest-span angle {a.SoftestAngle} degrees");
        // Rayleigh quotients of the tangents are their eigenvalues whatever their length: mean (1e-3 - 2e-3) / 2.
        Assert.Equal(-5e-4, a.Curvature, ValueTolerance);
        Assert.Equal(0, a.GaugeCurvature, ValueTolerance);

        // Negative control: without the gauge the softest reading is the gauge's eigenvalue 0, not 1e-3.
        var noGauge = HessianAnalysis.Analyse(h, SymmetricSpectrum.Of(h), Matrix<double>.Build.Dense(8, 0), tangents, 4.0);
        Assert.Equal(0, noGauge.Softest, ValueTolerance);
        Assert.True(double.IsNaN(noGauge.GaugeCurvature), "gauge curvature without a gauge direction");
    }

    /// <summary>
    /// Gauge q0, q1 at lambda 0.25 and 0.75 (stiff, given as 3 x the eigenvectors), tangents q2 (lambda 0)
    /// and q3 (lambda 0.3), a flat direction q4 (lambda 0) outside both: the non-gauge flat space
    /// span(q2, q4) meets the tangent span span(q2, q3) at principal angles 0 and 90 degrees, the
    /// largest is reported; the gauge curvature is the mean 0.5, the tangent curvature the mean 0.15.
    /// </summary>
    [Fact]
    public void Angles_are_the_largest_principal_angle_and_curvatures_are_means()
    {
        var (h, q) = Plant([0.25, 0.75, 0, 0.3, 0, 1, -0.6, 0.45], 5);
        var gauge = 3 * Columns(q.Column(0), q.Column(1));
        var tangents = Columns(q.Column(2), q.Column(3));
        var a = HessianAnalysis.Analyse(h, SymmetricSpectrum.Of(h), gauge, tangents, 1.0);

        Assert.Equal(2, a.OrbitDim);
        Assert.Equal(2, a.NFlat);
        Assert.Equal(0, a.NFlatGauge);
        Assert.Equal(90, a.MaxAngle, AngleTolerance);
        // The two softest non-gauge eigenvectors are the flat pair span(q2, q4): the same angles.
        Assert.Equal(90, a.SoftestAngle, AngleTolerance);
        Assert.Equal(0.5, a.GaugeCurvature, ValueTolerance);
        Assert.Equal(0.15, a.Curvature, ValueTolerance);
        Assert.Equal(0, a.Softest, ValueTolerance);

        // Negative control: with the outside flat direction given as a tangent too, the flat space lies in the tangent span.
        var all = HessianAnalysis.Analyse(h, SymmetricSpectrum.Of(h), gauge, Columns(q.Column(2), q.Column(3), q.Column(4)), 1.0);
        Assert.True(all.MaxAngle < AngleTolerance, $"max angle {all.MaxAngle} degrees with every flat direction a tangent");
    }

    /// <summary>
    /// Without live tangents (none given, or every one shorter than DegenerateTangent |W|) the counts
    /// stand and every tangent reading is NaN; the shortest tangent's length is still reported when
    /// tangents were given.
    /// </summary>
    [Fact]
    public void Without_live_tangents_the_tangent_readings_are_NaN()
    {
        // q1's 1e-7 is flat (below 1e-6 lambda_max) but apart from the gauge's 0: the computed eigenvectors mix the two
        // by ~ u |H| / 1e-7 ~ 1e-9 rad, far inside the angle tolerance.
        var (h, q) = Plant([0, 1e-7, 0.4, -0.2, 1, 0.7], 11);
        var gauge = Columns(q.Column(0));
        var spec = SymmetricSpectrum.Of(h);
        var dead = Columns(1e-7 * q.Column(1));
        foreach (var (tangents, normRel) in new[] { ((Matrix<double>?)null, double.NaN), (dead, 1e-7) })
        {
            var a = HessianAnalysis.Analyse(h, spec, gauge, tangents, 1.0);
            Assert.Equal(0, a.OrbitDim);
            Assert.Equal(1, a.NFlat);
            Assert.Equal(1, a.NFlatGauge);
            if (double.IsNaN(normRel)) Assert.True(double.IsNaN(a.TangentNormRel));
            else Assert.Equal(normRel, a.TangentNormRel, 1e-20);
            Assert.True(double.IsNaN(a.MaxAngle) && double.IsNaN(a.SoftestAngle) && double.IsNaN(a.Curvature),
                $"angles {a.MaxAngle}, {a.SoftestAngle}, curvature {a.Curvature} without live tangents");
            Assert.Equal(1e-7, a.Softest, ValueTolerance);
        }
        // Negative control: the same tangent ten times longer than the rule's floor is live, flat, with curvature q1's 1e-7.
        var live = HessianAnalysis.Analyse(h, spec, gauge, Columns(1e-5 * q.Column(1)), 1.0);
        Assert.True(live.OrbitDim == 1 && live.MaxAngle < AngleTolerance && Math.Abs(live.Curvature - 1e-7) < ValueTolerance,
            $"orbit dim {live.OrbitDim}, max angle {live.MaxAngle}, curvature {live.Curvature}");
    }

    /// <summary>When the gauge spans every direction there is no non-gauge eigenvalue: the softest reading is NaN.</summary>
    [Fact]
    public void A_gauge_spanning_everything_leaves_no_softest_eigenvalue()
    {
        var (h, q) = Plant([0, 0.5, 1], 2);
        var a = HessianAnalysis.Analyse(h, SymmetricSpectrum.Of(h), q, null, 1.0);
        Assert.True(double.IsNaN(a.Softest), $"softest {a.Softest}");
        Assert.Equal(1, a.NFlatGauge);
        Assert.Equal(0, a.NFlat);
        Assert.Equal(0.5, a.GaugeCurvature, ValueTolerance);
    }

    /// <summary>
    /// The in-span rule (principal angle under 1 degree): a flat direction q0 whose given gauge column
    /// is q0 tilted towards a stiff eigenvector by 0.9 degrees is a gauge direction, by 1.1 degrees it
    /// is not (then it counts in n_flat, and the gauge column's curvature picks up sin^2 of the tilt).
    /// </summary>
    [Fact]
    public void A_flat_direction_counts_as_gauge_only_within_one_degree_of_the_gauge_span()
    {
        var (h, q) = Plant([0, 0.3, -0.5, 1, 0.8], 13);
        var spec = SymmetricSpectrum.Of(h);
        TangentAnalysis At(double degrees)
        {
            double r = degrees * Math.PI / 180;
            return HessianAnalysis.Analyse(h, spec, Columns(Math.Cos(r) * q.Column(0) + Math.Sin(r) * q.Column(3)), null, 1.0);
        }
        var inside = At(0.9);
        Assert.Equal((0, 1), (inside.NFlat, inside.NFlatGauge));
        var outside = At(1.1);
        Assert.Equal((1, 0), (outside.NFlat, outside.NFlatGauge));
        // q3 has lambda 1: the tilted unit column's Rayleigh quotient is sin^2(1.1 degrees).
        Assert.Equal(Math.Pow(Math.Sin(1.1 * Math.PI / 180), 2), outside.GaugeCurvature, ValueTolerance);
    }

    /// <summary>
    /// The gauge rule's boundary, exact: the orthonormal column (1, 1, 1, 1, 0, 0) / 2 takes exactly half of e_0's norm
    /// (|Q' e_0| = 0.5, a gauge direction) and a hair less of (1 - 2^-30) e_0 (not one); e_4 is orthogonal to it and
    /// (e_0 + e_1) / |.| has 1 / sqrt 2 > 0.5 of its norm in it. The softest reading applies this rule to each eigenvector
    /// (the tests above, with norms 0 and 1 and with the gauge left out).
    /// </summary>
    [Fact]
    public void An_eigenvector_with_exactly_half_its_norm_in_the_gauge_span_counts_as_gauge()
    {
        var q = Columns(Vector<double>.Build.DenseOfArray([0.5, 0.5, 0.5, 0.5, 0, 0]));
        Vector<double> E(int i) => Vector<double>.Build.Dense(6, j => j == i ? 1 : 0);
        Assert.True(HessianAnalysis.IsGaugeDirection(q, E(0)), "exactly half the norm in the gauge span");
        Assert.False(HessianAnalysis.IsGaugeDirection(q, (1 - Math.Pow(2, -30)) * E(0)), "just under half");
        Assert.False(HessianAnalysis.IsGaugeDirection(q, E(4)), "orthogonal to the gauge");
        Assert.True(HessianAnalysis.IsGaugeDirection(q, (E(0) + E(1)) / Math.Sqrt(2)), "1 / sqrt 2 of the norm");
    }

    /// <summary>
    /// The torus of rotations in the planes (0, 1) and (2, 3) of R^5 acting on a 3 x 5 W0: from t = 0,
    /// Gauss-Newton finds t* of W = W0 U(t*) (one step does not: the map is not linear) to 1e-10 with
    /// residual at rounding level; the negative control, a W off the orbit, keeps a residual of the size of the offset.
    /// </summary>
    [Fact]
    public void Orbit_coordinates_recover_a_planted_point_of_the_orbit()
    {
        var group = Torus();
        var rng = new Random(17);
        var w0 = Matrix<double>.Build.Dense(3, 5, (_, _) => rng.NextDouble() - 0.5);
        double[] target = [0.7, -0.4];
        var w = w0 * group.Element(target);
        var (t, residual) = HessianAnalysis.OrbitCoordinates(w, w0, group, [0, 0]);
        // Coordinates of a well-conditioned 2-parameter least-squares fit converge to ~ u / smallest singular value of J.
        Assert.True(Math.Abs(t[0] - target[0]) < 1e-10 && Math.Abs(t[1] - target[1]) < 1e-10, $"t = ({t[0]:R}, {t[1]:R}), planted ({target[0]}, {target[1]})");
        Assert.True(residual < 1e-13, $"residual {residual:G3} on the orbit");

        var off = w.Clone();
        off[0, 4] += 0.1;
        var (_, offResidual) = HessianAnalysis.OrbitCoordinates(off, w0, group, [0, 0]);
        // Column 4 is outside both rotation planes: no group element moves it, so the 0.1 stays.
        Assert.Equal(0.1, offResidual, 1e-12);
    }

    /// <summary>
    /// A generator that fixes W0 (W0's columns 2, 3 exactly 0, so W0 A_1 = 0 and J'J is singular):
    /// its coordinate stays at its start, the other is recovered, and nothing turns NaN (the ridge
    /// keeps the solve defined).
    /// </summary>
    [Fact]
    public void A_generator_that_fixes_W0_keeps_its_coordinate()
    {
        var group = Torus();
        var rng = new Random(19);
        var w0 = Matrix<double>.Build.Dense(3, 5, (_, j) => j is 2 or 3 ? 0 : rng.NextDouble() - 0.5);
        var w = w0 * group.Element([0.7, 0]);
        var (t, residual) = HessianAnalysis.OrbitCoordinates(w, w0, group, [0, 0]);
        Assert.True(Math.Abs(t[0] - 0.7) < 1e-10 && t[1] == 0, $"t = ({t[0]:R}, {t[1]:R}), planted (0.7, 0)");
        Assert.True(residual < 1e-13, $"residual {residual:G3}");
    }

    /// <summary>
    /// The ridge 1e-12 trace(J'J) freezes a coordinate whose tangent is below ~1e-6 of the others (the
    /// scale of DegenerateTangent): with W0's columns 2, 3 at 1e-6 and the rest ~1e3, |W0 A_1| / |W0 A_0|
    /// is ~1e-9, and W = W0 U(0.7, 0.3) is fitted by t_0 = 0.7 with t_1 kept near its start (each step
    /// moves it by ~ 0.3 |J_1|^2 / ridge ~ 1e-6, for at most 20 steps); what is left is the residual of
    /// the frozen part, |W0[:, 2..3]| |U_1(0.3) - I| ~ 1e-6. A solve without that ridge would chase the
    /// 1e-9 tangent to t_1 = 0.3.
    /// </summary>
    [Fact]
    public void A_generator_that_moves_W0_below_the_tangent_floor_keeps_its_coordinate_near_its_start()
    {
        var group = Torus();
        var rng = new Random(19);
        var w0 = Matrix<double>.Build.Dense(3, 5, (_, j) => j is 2 or 3 ? 1e-6 : 1e3 * (rng.NextDouble() - 0.5));
        var w = w0 * group.Element([0.7, 0.3]);
        var (t, residual) = HessianAnalysis.OrbitCoordinates(w, w0, group, [0, 0]);
        Assert.True(Math.Abs(t[0] - 0.7) < 1e-10, $"t_0 = {t[0]:R}, planted 0.7");
        Assert.True(Math.Abs(t[1]) < 1e-3, $"t_1 = {t[1]:R} for a generator whose tangent is 1e-9 of the other's");
        Assert.True(residual < 1e-5, $"residual {residual:G3}");
    }

    /// <summary>
    /// The stated method, replayed: at most 20 Gauss-Newton steps with the ridge 1e-12 trace(J'J) added to
    /// J'J. W0's columns 2, 3 are scaled so the second generator's |W0 A_1|^2 = mu is half that ridge, and the
    /// planes are disjoint, so J'J is diagonal and t_1 follows its own recurrence,
    /// t_1 += mu sin(t*_1 - t_1) / (mu + ridge) (a rotation by e moves a row y of the plane by y cos e + y A sin e):
    /// it closes a third of the gap per step and never settles below the 1e-12 step rule, so all 20 steps are
    /// taken, and t_1 ends ~1e-4 short of 0.3. Replayed in scalars it agrees with the solver to 1e-12 (each step
    /// is a quotient of sums of a few products, exact to ~1e-16 relative). Controls: the same recurrence run for
    /// 19 or 21 steps, or with the ridge subtracted, lands more than 1e-5 away.
    /// </summary>
    [Fact]
    public void Orbit_coordinates_take_twenty_ridged_Gauss_Newton_steps_along_a_nearly_fixing_generator()
    {
        var group = Torus();
        var rng = new Random(23);
        var w0 = Matrix<double>.Build.Dense(3, 5, (_, _) => rng.NextDouble() - 0.5);
        double Plane(int c0) => Math.Pow(w0.SubMatrix(0, 3, c0, 2).FrobeniusNorm(), 2);
        double mu0 = Plane(0), raw = Plane(2);
        // mu1 = 0.5e-12 (mu0 + mu1): half the ridge.
        double scale = Math.Sqrt(0.5e-12 * mu0 / (1 - 0.5e-12) / raw);
        for (int r = 0; r < 3; r++)
            for (int c = 2; c < 4; c++) w0[r, c] *= scale;
        double mu1 = Plane(2);
        double ridge = 1e-12 * (mu0 + mu1);
        Assert.InRange(mu1 / ridge, 0.4999, 0.5001);

        const double planted = 0.3;
        var w = w0 * group.Element([0.7, planted]);
        var (t, _) = HessianAnalysis.OrbitCoordinates(w, w0, group, [0, 0]);

        double Replay(int steps, double signedRidge)
        {
            double t1 = 0;
            for (int k = 0; k < steps; k++) t1 += mu1 * Math.Sin(planted - t1) / (mu1 + signedRidge);
            return t1;
        }
        Assert.True(Math.Abs(t[0] - 0.7) < 1e-10, $"t_0 = {t[0]:R}, planted 0.7");
        Assert.True(Math.Abs(t[1] - Replay(20, ridge)) < 1e-12, $"t_1 = {t[1]:R}, replayed 20 steps {Replay(20, ridge):R}");
        Assert.InRange(planted - t[1], 1e-5, 1e-3);
        foreach (var (steps, signedRidge) in new[] { (19, ridge), (21, ridge), (20, -ridge) })
            Assert.True(Math.Abs(t[1] - Replay(steps, signedRidge)) > 1e-5, $"the control ({steps} steps, ridge {signedRidge:G3}) is not told apart");
    }

    private static LieGroupAction Torus()
    {
        var a = Matrix<double>.Build.Dense(5, 5);
        a[0, 1] = -1;
        a[1, 0] = 1;
        var b = Matrix<double>.Build.Dense(5, 5);
        b[2, 3] = -1;
        b[3, 2] = 1;
        return new LieGroupAction("rotations of the planes (0, 1) and (2, 3)", [a, b], [2 * Math.PI, 2 * Math.PI]);
    }
}
