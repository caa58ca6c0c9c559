using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Experiments.Hessian;
using SymmetryProofs.IO;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Spectra;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Experiments.Hessian;

/// <summary>
/// The numbers behind the Hessian experiment's headline (<see cref="HessianAnalysis"/>: n_flat,
/// n_flat_gauge, the orbit dimension and its threshold, angles and curvatures) on Hessians with a
/// planted spectrum: gauge directions and orbit tangents planted as eigenvectors with chosen
/// eigenvalues, the rest of the spectrum in [0.1, 1] with the largest |lambda| exactly 1.
/// </summary>
public class HessianAnalysisTests(ITestOutputHelper output)
{
    /// <summary>Where the tangents' eigenvalue sits relative to FlatThreshold x lambda_max (= 1): exactly 0, half of it (flat), twice it (not flat), or 0.3 (stiff).</summary>
    public static readonly double[] TangentEigenvalues = [0, 0.5 * HessianAnalysis.FlatThreshold, 2 * HessianAnalysis.FlatThreshold, 0.3];

    /// <summary>A planted Hessian: P parameters, g gauge directions, t orbit tangents whose eigenvalue is TangentEigenvalues[Level].</summary>
    public sealed record Planted(int Params, int Gauge, int Tangents, int Level, int Seed)
    {
        public double TangentEigenvalue => TangentEigenvalues[Level];
        public bool TangentsFlat => TangentEigenvalue < HessianAnalysis.FlatThreshold;
        public override string ToString() => $"{Params} parameters, {Gauge} gauge, {Tangents} tangent(s) at eigenvalue {Format.Number(TangentEigenvalue)} (seed {Seed})";

        public IEnumerable<Planted> Shrink()
        {
            if (Tangents > 1) yield return this with { Tangents = 1 };
            if (Gauge > 1) yield return this with { Gauge = 1 };
            if (Params > Gauge + Tangents + 2) yield return this with { Params = Gauge + Tangents + 2 };
            if (Seed > 0) yield return this with { Seed = 0 };
        }

        /// <summary>H = Q diag(lambda) Q^T with Q = [gauge, tangent basis, rest]; the tangents are random combinations of their basis (full rank) scaled to |t| ~ |W| = 1.</summary>
        public (Matrix<double> H, Matrix<double> Gauge, Matrix<double> Tangents) Build()
        {
            var rng = new Random(Seed);
            var q = Matrix<double>.Build.Dense(Params, Params, (_, _) => rng.NextDouble() - 0.5).QR().Q;
            var lambda = new double[Params];
            for (int i = Gauge; i < Gauge + Tangents; i++) lambda[i] = TangentEigenvalue;
            for (int i = Gauge + Tangents; i < Params; i++) lambda[i] = (rng.Next(2) == 0 ? -1 : 1) * (0.1 + 0.9 * rng.NextDouble());
            lambda[Params - 1] = 1;
            var h = q * Matrix<double>.Build.DenseOfDiagonalArray(lambda) * q.Transpose();
            var gauge = q.SubMatrix(0, Params, 0, Gauge);
            var mix = Matrix<double>.Build.Dense(Tangents, Tangents, (i, j) => (i == j ? 1 : 0) + 0.3 * (rng.NextDouble() - 0.5));
            var tangents = q.SubMatrix(0, Params, Gauge, Tangents) * mix;
            return (0.5 * (h + h.Transpose()), gauge, tangents);
        }
    }

    private static Arbitrary<Planted> PlantedHessians(params int[] levels) => Arb.From(
        from g in Gen.Choose(1, 3)
        from t in Gen.Choose(1, 3)
        from extra in Gen.Choose(2, 12)
        from level in Gen.Elements(levels)
        from seed in Gen.Choose(0, 1000)
        select new Planted(g + t + extra, g, t, level, seed),
        p => p.Shrink());

    /// <summary>n_flat_gauge = g, n_flat = t when the tangents are below the threshold (else 0), orbit dimension t, the flat space is the tangent span, and the curvature is the planted eigenvalue.</summary>
    private static (bool Holds, string Label) Counts(Planted p)
    {
        var (h, gauge, tangents) = p.Build();
        var a = HessianAnalysis.Analyse(h, SymmetricSpectrum.Of(h), gauge, tangents, 1.0);
        int expectedFlat = p.TangentsFlat ? p.Tangents : 0;
        // Eigenvalues of a rotated diagonal are recovered to ~P u |H| (backward-stable solver), curvatures likewise.
        bool holds = a.NFlatGauge == p.Gauge && a.NFlat == expectedFlat && a.OrbitDim == p.Tangents
            && Math.Abs(a.Curvature - p.TangentEigenvalue) <= 1e-12 && Math.Abs(a.GaugeCurvature) <= 1e-12
            && (!p.TangentsFlat || a.MaxAngle < 1e-4);
        return (holds, $"n_flat {a.NFlat} (expected {expectedFlat}), n_flat_gauge {a.NFlatGauge} (expected {p.Gauge}), orbit dim {a.OrbitDim} (expected {p.Tangents}), " +
            $"curvature {Format.Number(a.Curvature)} (planted {Format.Number(p.TangentEigenvalue)}), gauge curvature {Format.Number(a.GaugeCurvature)}, max angle {Format.Number(a.MaxAngle)} degrees");
    }

    [Fact]
    public void Planted_gauge_and_tangent_null_directions_are_counted_including_near_the_threshold()
    {
        // Each level is a third of the cases: at 100 cases one of the two required levels falls below 20% in
        // about 1 run in 450 (binomial, 0.11% per level); at 300 cases (about 0.4 s) in about 1 in 2 million.
        var coverage = new Coverage(output)
            .AtLeast(0.2, "tangents", "a count is decided by the threshold only near it", value: "just below the threshold")
            .AtLeast(0.2, "tangents", "a count is decided by the threshold only near it", value: "just above the threshold");
        coverage.Check(Prop.ForAll(PlantedHessians(0, 1, 2), p =>
        {
            var (holds, label) = Counts(p);
            return coverage.Case((holds, label), ("tangents", p.Level switch { 0 => "exactly null", 1 => "just below the threshold", _ => "just above the threshold" }));
        }), maxTest: 3 * Suite.Cases);
    }

    /// <summary>Negative control: the same counts with "the tangents are flat" assumed while they have curvature 0.3 fail, and FsCheck shrinks to one tangent.</summary>
    [Fact]
    public void Stiff_tangents_are_not_counted_flat_and_FsCheck_shrinks_the_counterexample()
    {
        static (bool, string) AssumeFlat(Planted p)
        {
            var (h, gauge, tangents) = p.Build();
            var a = HessianAnalysis.Analyse(h, SymmetricSpectrum.Of(h), gauge, tangents, 1.0);
            return (a.NFlat == p.Tangents, $"n_flat {a.NFlat}, planted tangents {p.Tangents} at eigenvalue {Format.Number(p.TangentEigenvalue)}");
        }
        var found = NegativeControl.Require(Prop.ForAll(PlantedHessians(3), p => { var (h, l) = AssumeFlat(p); return Prop.Label(h, l); }), output);
        var shrunk = found.ShrunkAs<Planted>();
        Assert.False(AssumeFlat(shrunk).Item1, "The shrunk case must falsify the property by returning false.");
        Assert.True(shrunk.Tangents == 1 && shrunk.Gauge == 1, $"Expected one tangent and one gauge direction after shrinking; got {shrunk}.");
    }

    /// <summary>
    /// The orbit dimension is the numerical rank of the tangents at DegenerateTangent x |W|: a
    /// tangent at half the threshold is a generator that fixes W and does not count, one at twice
    /// the threshold counts, and a tangent parallel to another adds nothing.
    /// </summary>
    [Fact]
    public void Orbit_dimension_is_the_tangent_rank_at_the_degeneracy_threshold()
    {
        var p = new Planted(12, 1, 2, 0, 7);
        var (h, gauge, tangents) = p.Build();
        var spec = SymmetricSpectrum.Of(h);
        int Dim(Matrix<double> t) => HessianAnalysis.Analyse(h, spec, gauge, t, 1.0).OrbitDim;
        var t0 = tangents.Column(0);
        var t1 = tangents.Column(1) / tangents.Column(1).L2Norm();
        Assert.Equal(2, Dim(tangents));
        Assert.Equal(1, Dim(Matrix<double>.Build.DenseOfColumnVectors(t0, 0.5 * HessianAnalysis.DegenerateTangent * t1)));
        Assert.Equal(2, Dim(Matrix<double>.Build.DenseOfColumnVectors(t0, 2 * HessianAnalysis.DegenerateTangent * t1)));
        Assert.Equal(1, Dim(Matrix<double>.Build.DenseOfColumnVectors(t0, 3 * t0)));
        // Negative control: scaling |W| up by 10^3 moves the threshold above the short tangent.
        Assert.Equal(1, HessianAnalysis.Analyse(h, spec, gauge, Matrix<double>.Build.DenseOfColumnVectors(t0, 2 * HessianAnalysis.DegenerateTangent * t1), 1e3).OrbitDim);
    }
}
