using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Symmetry;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Symmetry;

/// <summary>
/// SO(3) and O(3) on the rows of an N x 3 point cloud: every Haar sample rotates each row and nothing else (orthogonal,
/// det +1 per row for SO(3), the row norms kept), the Haar measure's first two moments of the trace (0 and 1, the
/// defining representation being irreducible), and the Lie generators, quarter turns and Rodrigues' formula agree.
/// </summary>
public sealed class RotationGroup3Tests(ITestOutputHelper output)
{
    /// <summary>Entries of a rotation built from a unit quaternion or Rodrigues' formula are O(1) sums of a few products: a few ulps each.</summary>
    private const double EntryTolerance = 1e-12;

    private static Arbitrary<(int Rows, bool Improper, int Seed)> Cases() =>
        Arb.From(from rows in Gen.Choose(1, 4) from improper in Gen.Elements(false, true) from seed in Gen.Choose(0, 100_000) select (rows, improper, seed), Shrink);

    /// <summary>Fewer rows, then SO(3) rather than O(3), then seed 0.</summary>
    private static IEnumerable<(int Rows, bool Improper, int Seed)> Shrink((int Rows, bool Improper, int Seed) c)
    {
        for (int r = 1; r < c.Rows; r++) yield return (r, c.Improper, c.Seed);
        if (c.Improper) yield return (c.Rows, false, c.Seed);
        if (c.Seed != 0) yield return (c.Rows, c.Improper, 0);
    }

    /// <summary>The sample rotates every row by one 3 x 3 orthogonal matrix, of det +1 unless the group is O(3), and keeps every row's norm.</summary>
    private static Property RotatesEachRow((int Rows, bool Improper, int Seed) c, Func<RotationGroup3, Random, Matrix<double>> sample)
    {
        var group = new RotationGroup3(c.Rows, c.Improper);
        var rng = new Random(c.Seed);
        var u = sample(group, rng);
        var block = u.SubMatrix(0, 3, 0, 3);
        bool orthogonal = (u.TransposeThisAndMultiply(u) - Matrix<double>.Build.DenseIdentity(3 * c.Rows)).Enumerate().All(v => Math.Abs(v) < EntryTolerance);
        bool blockDiagonal = (group.OnRows(block) - u).Enumerate().All(v => Math.Abs(v) < EntryTolerance);
        double det = block.Determinant();
        bool proper = c.Improper ? Math.Abs(Math.Abs(det) - 1) < EntryTolerance : Math.Abs(det - 1) < EntryTolerance;
        var x = Matrix<double>.Build.Dense(c.Rows, 3, (i, j) => rng.NextDouble() - 0.5);
        var moved = u * Vector<double>.Build.DenseOfArray(x.ToRowMajorArray());
        bool norms = Enumerable.Range(0, c.Rows).All(i => Math.Abs(moved.SubVector(3 * i, 3).L2Norm() - x.Row(i).L2Norm()) < EntryTolerance);
        return Prop.Label(orthogonal && blockDiagonal && proper && norms, $"orthogonal {orthogonal}, one block per row {blockDiagonal}, det {det}, row norms kept {norms}")
            .Classify(c.Rows > 1, "several rows").Classify(det < 0, "improper");
    }

    [Fact]
    public void Haar_samples_rotate_every_row_alike()
    {
        var shares = new List<(bool Several, bool Improper)>();
        Assert.Null(NegativeControl.Find(Cases(), c =>
        {
            shares.Add((c.Rows > 1, c.Improper));
            return RotatesEachRow(c, (g, rng) => g.Sample(rng).Matrix);
        }, 200));
        Assert.True(shares.Count(s => s.Several) >= 100, "too few clouds of several points");
        Assert.True(shares.Count(s => s.Improper) >= 60, "too few O(3) cases");
    }

    [Fact]
    public void Control_a_rotation_applied_across_the_rows_is_caught()
    {
        // Kronecker factors in the wrong order: R (x) I_N mixes the points instead of rotating each one.
        var found = NegativeControl.Find(Cases(), c => RotatesEachRow(c, (g, rng) =>
        {
            var r = g.Sample(rng).Matrix.SubMatrix(0, 3, 0, 3);
            return r.KroneckerProduct(Matrix<double>.Build.DenseIdentity(g.Rows));
        }), 200);
        Assert.NotNull(found);
        output.WriteLine(found.Message);
        Assert.Equal(2, found.ShrunkAs<(int Rows, bool Improper, int Seed)>().Rows);
    }

    /// <summary>E tr R and E (tr R)^2 over <paramref name="samples"/> rotations.</summary>
    private static (double Mean, double Square) TraceMoments(Func<Random, Matrix<double>> sample, int samples, int seed)
    {
        var rng = new Random(seed);
        var traces = Enumerable.Range(0, samples).Select(_ => sample(rng).Trace()).ToArray();
        return (traces.Average(), traces.Average(t => t * t));
    }

    /// <summary>
    /// Under Haar measure tr R, the character of the irreducible defining representation, has mean 0 and mean square 1
    /// (and |tr R| &lt;= 3, so its square has variance at most 9 - 1): over 4000 samples 5 standard errors are 5/sqrt(4000) = 0.08
    /// for the mean and 5 sqrt(8)/sqrt(4000) = 0.22 for the mean square.
    /// </summary>
    [Fact]
    public void Haar_samples_have_the_trace_moments_of_the_Haar_measure_and_a_uniform_angle_does_not()
    {
        const int samples = 4000;
        var so3 = new RotationGroup3(1, improper: false);
        var (mean, square) = TraceMoments(rng => so3.Sample(rng).Matrix, samples, 11);
        output.WriteLine($"Haar: E tr R = {mean:F4}, E (tr R)^2 = {square:F4}");
        Assert.True(Math.Abs(mean) < 0.08, $"E tr R = {mean}");
        Assert.True(Math.Abs(square - 1) < 0.22, $"E (tr R)^2 = {square}");
        // Control: a uniform axis and a uniform angle over-weight small rotations (E tr R = 1 + 2 E cos = 1).
        var (naive, _) = TraceMoments(rng =>
        {
            var axis = Enumerable.Range(0, 3).Select(_ => rng.NextDouble() - 0.5).ToArray();
            double norm = Math.Sqrt(axis.Sum(v => v * v));
            return RotationGroup3.Rotation(axis.Select(v => v / norm).ToArray(), 2 * Math.PI * rng.NextDouble());
        }, samples, 11);
        output.WriteLine($"uniform angle: E tr R = {naive:F4}");
        Assert.False(Math.Abs(naive) < 0.08, $"the moment test cannot tell a uniform angle from Haar: {naive}");
    }

    [Fact]
    public void Quarter_turns_are_exact_and_the_Lie_generators_exponentiate_to_Rodrigues_rotations()
    {
        var o3 = new RotationGroup3(2, improper: true);
        var generators = o3.GeneratorElements;
        Assert.Equal(["Rx", "Ry", "Rz", "-I"], generators.Select(g => g.Label));
        Assert.All(generators, g => Assert.All(g.Matrix.Enumerate(), v => Assert.True(v == Math.Round(v), $"{g.Label} has a non-integer entry {v}")));
        for (int a = 0; a < 3; a++)
        {
            var axis = Enumerable.Range(0, 3).Select(b => b == a ? 1.0 : 0.0).ToArray();
            foreach (double angle in new[] { 0.3, Math.PI / 2, 2.5 })
            {
                var viaExp = LieExponential.Exp(angle * RotationGroup3.Generator(a));
                Assert.True((viaExp - RotationGroup3.Rotation(axis, angle)).Enumerate().Max(Math.Abs) < EntryTolerance, $"axis {a}, angle {angle}");
            }
            Assert.True((o3.OnRows(LieExponential.Exp(Math.PI / 2 * RotationGroup3.Generator(a))) - generators[a].Matrix).Enumerate().Max(Math.Abs) < EntryTolerance);
            Assert.True((o3.LieGenerators[a] - o3.OnRows(RotationGroup3.Generator(a))).Enumerate().Max(Math.Abs) == 0);
        }
    }
}
