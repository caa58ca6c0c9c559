using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Symmetry;

/// <summary>
/// SO(3), or O(3) = SO(3) x {I, -I}, rotating every row of an N x 3 table (a point cloud of N points; N = 1 is R^3):
/// U(R) = I_N (x) R on the row-major coordinates. A compact Lie group that is not a torus: it has Lie generators
/// (L_x, L_y, L_z, on each row), Haar-random elements (a uniform unit quaternion, from four independent
/// Gaussians, which is uniform on S^3 by rotation invariance of the Gaussian; for O(3) times a fair sign), and
/// as generator elements the quarter turns about the three axes (exact integer matrices, so a shrunk
/// counterexample names one) and, for O(3), the inversion -I.
/// </summary>
public sealed class RotationGroup3 : IGroupAction
{
    /// <summary>N: the number of rows (points) rotated together.</summary>
    public int Rows { get; }

    /// <summary>Whether -I is in the group: O(3) rather than SO(3).</summary>
    public bool Improper { get; }

    public string Name { get; }
    public int SpaceDimension => 3 * Rows;
    public int? Order => null;
    public int LieDimension => 3;
    public IReadOnlyList<Matrix<double>> LieGenerators { get; }

    public RotationGroup3(int rows, bool improper)
    {
        if (rows < 1) throw new ArgumentOutOfRangeException(nameof(rows), rows, "Expected at least one row of 3 coordinates.");
        Rows = rows;
        Improper = improper;
        string group = improper ? "O(3)" : "SO(3)";
        Name = rows == 1 ? $"{group} on R^3" : $"{group} on the rows of {rows}x3";
        LieGenerators = Enumerable.Range(0, 3).Select(a => OnRows(Generator(a))).ToArray();
    }

    /// <summary>L_a: the skew matrix of the infinitesimal rotation about axis a (L_a v = e_a x v).</summary>
    public static Matrix<double> Generator(int axis)
    {
        var l = Matrix<double>.Build.Dense(3, 3);
        int b = (axis + 1) % 3, c = (axis + 2) % 3;
        l[c, b] = 1;
        l[b, c] = -1;
        return l;
    }

    /// <summary>The rotation by <paramref name="angle"/> about the unit vector <paramref name="axis"/> (Rodrigues' formula).</summary>
    public static Matrix<double> Rotation(double[] axis, double angle)
    {
        var k = Matrix<double>.Build.Dense(3, 3);
        for (int a = 0; a < 3; a++) k += axis[a] * Generator(a);
        return Matrix<double>.Build.DenseIdentity(3) + Math.Sin(angle) * k + (1 - Math.Cos(angle)) * (k * k);
    }

    /// <summary>The quarter turns about x, y and z (and -I for O(3)), each an exact integer matrix.</summary>
    public IReadOnlyList<GroupElement> GeneratorElements
    {
        get
        {
            var turns = Enumerable.Range(0, 3).Select(a => new GroupElement($"R{"xyz"[a]}", OnRows(QuarterTurn(a)), false));
            return (Improper ? turns.Append(new GroupElement("-I", -Matrix<double>.Build.DenseIdentity(SpaceDimension), false)) : turns).ToArray();
        }
    }

    /// <summary>A Haar-random rotation (a uniform unit quaternion), for O(3) times -I with probability 1/2.</summary>
    public GroupElement Sample(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        double[] q;
        double norm;
        do
        {
            q = Enumerable.Range(0, 4).Select(_ => Gaussian(rng)).ToArray();
            norm = Math.Sqrt(q.Sum(v => v * v));
        } while (norm < 1e-8);
        q = q.Select(v => v / norm).ToArray();
        bool invert = Improper && rng.Next(2) == 1;
        var r = FromQuaternion(q);
        if (invert) r = -r;
        return new GroupElement(Label(q, invert), OnRows(r), false);
    }

    /// <summary>
    /// The identity, then for each axis the rotations by 2 pi j / <paramref name="resolution"/> (j = 1..K-1), and for
    /// O(3) each of them times -I: a set of named elements, not a quadrature of the Haar measure.
    /// </summary>
    public IReadOnlyList<GroupElement> Representatives(int resolution)
    {
        var id = Matrix<double>.Build.DenseIdentity(3);
        var list = new List<GroupElement> { new("e", OnRows(id), true) };
        for (int a = 0; a < 3; a++)
            for (int j = 1; j < Math.Max(1, resolution); j++)
            {
                double angle = 2 * Math.PI * j / resolution;
                list.Add(new($"rotation by {Fmt(angle)} about {"xyz"[a]}", OnRows(Rotation(Unit(a), angle)), false));
            }
        if (Improper) list.AddRange(list.ToArray().Select(g => new GroupElement(g.IsIdentity ? "-I" : $"-I {g.Label}", -g.Matrix, false)));
        return list;
    }

    /// <summary>I_N (x) r: the 3 x 3 matrix <paramref name="r"/> applied to every row.</summary>
    public Matrix<double> OnRows(Matrix<double> r) => Rows == 1 ? r : Matrix<double>.Build.DenseIdentity(Rows).KroneckerProduct(r);

    private static Matrix<double> QuarterTurn(int axis)
    {
        // exp((pi/2) L_a) = I + L_a + L_a^2 exactly (sin = 1, 1 - cos = 1).
        var l = Generator(axis);
        return Matrix<double>.Build.DenseIdentity(3) + l + l * l;
    }

    private static Matrix<double> FromQuaternion(double[] q)
    {
        double w = q[0], x = q[1], y = q[2], z = q[3];
        return Matrix<double>.Build.DenseOfArray(new[,]
        {
            { 1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y) },
            { 2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x) },
            { 2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y) },
        });
    }

    // The rotation as angle and axis, readable and several words long (a generator's label is one word, so shrinking prefers it).
    private static string Label(double[] q, bool invert)
    {
        double w = Math.Clamp(q[0], -1, 1), s = Math.Sqrt(Math.Max(0, 1 - w * w));
        double angle = 2 * Math.Acos(w);
        var axis = s > 1e-12 ? q.Skip(1).Select(v => v / s).ToArray() : [1.0, 0, 0];
        var text = $"rotation by {Fmt(angle)} about ({string.Join(", ", axis.Select(Fmt))})";
        return invert ? $"-I {text}" : text;
    }

    private static string Fmt(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    private static double[] Unit(int a) => Enumerable.Range(0, 3).Select(b => b == a ? 1.0 : 0.0).ToArray();

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    public override string ToString() => $"{Name}: dim 3, acting on R^{SpaceDimension}";
}
