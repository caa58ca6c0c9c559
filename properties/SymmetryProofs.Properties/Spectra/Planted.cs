using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Properties.Spectra;

/// <summary>Builds the matrices the spectra cases describe (inside the properties, from their seeds).</summary>
internal static class Planted
{
    /// <summary>The planted eigenvalues, ascending, with max |lambda| = 1 (one eigenvalue is +-1 exactly).</summary>
    public static double[] Values(PlantedSpectrumCase c)
    {
        var rng = new Random(c.Seed);
        int n = c.Size;
        double Uniform() => 2 * rng.NextDouble() - 1;
        var centres = Enumerable.Range(0, 1 + rng.Next(4)).Select(i => -1 + 0.5 * i + 0.05 * rng.NextDouble()).ToArray();
        var v = c.Kind switch
        {
            SpectrumKind.Spread => Enumerable.Range(0, n).Select(_ => Uniform()).ToArray(),
            SpectrumKind.Clustered => Enumerable.Range(0, n).Select(_ => centres[rng.Next(centres.Length)] + 1e-10 * rng.NextDouble()).ToArray(),
            SpectrumKind.Repeated => Enumerable.Range(0, n).Select(i => centres[i * centres.Length / n]).ToArray(),
            SpectrumKind.Zeros => Enumerable.Range(0, n).Select(i => i % 2 == 0 ? 0 : Uniform()).ToArray(),
            SpectrumKind.Graded => Enumerable.Range(0, n).Select(_ => Math.Sign(Uniform()) * Math.Pow(10, -12 * rng.NextDouble())).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(c), c.Kind, "Unknown layout."),
        };
        v[rng.Next(n)] = rng.NextDouble() < 0.5 ? -1 : 1;
        double scale = v.Max(Math.Abs);
        return v.Select(x => x / scale).Order().ToArray();
    }

    /// <summary>A random orthogonal n x n matrix (Q of a Gaussian-like matrix's QR).</summary>
    public static Matrix<double> Orthogonal(int n, Random rng) => Matrix<double>.Build.Dense(n, n, (_, _) => rng.NextDouble() - 0.5).QR().Q;

    /// <summary>Q diag(values) Q^T, symmetrised exactly, with the eigenvectors Q.</summary>
    public static (Matrix<double> H, Matrix<double> Q) Matrix(double[] values, Random rng)
    {
        var q = Orthogonal(values.Length, rng);
        var h = q * Matrix<double>.Build.DenseOfDiagonalArray(values) * q.Transpose();
        return (0.5 * (h + h.Transpose()), q);
    }

    /// <summary>
    /// The planted Hessian of <paramref name="c"/> with its tangents (random invertible mixtures of
    /// the planted null eigenvectors, lengths 0.5..2, tilted by c.Tilt towards the stiffest
    /// eigenvector) and gauge columns (the gauge eigenvectors, unnormalised by a factor 3).
    /// </summary>
    public static (Matrix<double> H, Matrix<double> Tangents, Matrix<double> Gauge) Hessian(PlantedFlatCase c)
    {
        var rng = new Random(c.Seed);
        var rest = Enumerable.Range(0, c.Rest).Select(i => (i % 3 == 2 ? 1 : 1e-3 + rng.NextDouble()) / 1.001).ToArray();
        rest[0] = 1;
        if (c.Rest > 2) rest[1] = rest[2];
        if (c.Indefinite) for (int i = 1; i < rest.Length; i += 2) rest[i] = -rest[i];
        var d = new double[c.Tangents].Concat(Enumerable.Repeat(c.GaugeFlat ? 0 : 1e-3, c.Gauge)).Concat(new double[c.Outside]).Concat(rest).ToArray();
        var (h, q) = Matrix(d, rng);
        var mix = Matrix<double>.Build.Dense(c.Tangents, c.Tangents, (i, j) => (i == j ? 1.5 : 0) + 0.5 * (rng.NextDouble() - 0.5));
        var tangents = q.SubMatrix(0, c.Size, 0, c.Tangents) * mix;
        var stiff = q.Column(c.Size - c.Rest);
        for (int a = 0; a < c.Tangents; a++) tangents.SetColumn(a, tangents.Column(a) + c.Tilt * tangents.Column(a).L2Norm() * stiff);
        var gauge = 3 * q.SubMatrix(0, c.Size, c.Tangents, c.Gauge);
        return (h, tangents, gauge);
    }
}
