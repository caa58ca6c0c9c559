using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Kernels;

/// <summary>
/// The empirical Fourier moments M(q) = sum_i exp(i pi q.x_i) of points x_i of the torus [-1,1)^D, for every integer q
/// in the cube [-Q, Q]^D, accumulated as samples arrive, and the Gram matrix Psi^T Psi of a <see cref="FrequencyLattice"/>'s
/// scaled features built from them. By the product-to-sum identities
/// cos a cos b = (cos(a - b) + cos(a + b))/2, sin a sin b = (cos(a - b) - cos(a + b))/2 and
/// cos a sin b = (sin(a + b) - sin(a - b))/2, every entry of Psi^T Psi for frequencies k, l with |k|, |l| &lt;= R is
/// a combination of the real and imaginary parts of M(k - l) and M(k + l), which lie in the cube for Q = 2R. So a row costs
/// about 8 L^D flops (L = 2Q + 1) instead of the 2 m^2 of the product of its features (m = 1 + 2|H| features): in D = 3 at
/// R = 9, 4e5 against 2e7. exp(i pi q.x) is the product over axes of exp(i pi q_j x_j), one sine and cosine per axis and
/// |q_j|; the sum over a chunk of rows is a real matrix product (BLAS, libtorch), so the result is deterministic for a fixed
/// chunking and thread count (<see cref="TorchSetup"/>; use an instance on the thread that made it). Dispose to free the tensors.
/// </summary>
public sealed class FourierMoments : IDisposable
{
    /// <summary>The dimension D of the torus.</summary>
    public int Dimension { get; }

    /// <summary>The bound Q of the cube [-Q, Q]^D of frequencies.</summary>
    public int Bound { get; }

    /// <summary>The number of points added so far.</summary>
    public int SampleCount { get; private set; }

    private readonly int _side;
    private readonly Tensor _re, _im;

    /// <summary>Moments of the cube [-<paramref name="bound"/>, <paramref name="bound"/>]^<paramref name="dimension"/>, all zero.</summary>
    public FourierMoments(int dimension, int bound)
    {
        if (dimension < 1) throw new ArgumentException($"Dimension must be at least 1; got {dimension}.", nameof(dimension));
        if (bound < 0) throw new ArgumentException($"The frequency bound must be non-negative; got {bound}.", nameof(bound));
        TorchSetup.Initialise();
        Dimension = dimension;
        Bound = bound;
        _side = 2 * bound + 1;
        long leading = (long)Math.Pow(_side, dimension - 1);
        _re = zeros([leading, _side], dtype: float64);
        _im = zeros([leading, _side], dtype: float64);
    }

    /// <summary>Adds <paramref name="rows"/> points, given row-major (rows x D).</summary>
    public void Add(double[] points, int rows)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (rows < 1 || points.Length != rows * Dimension) throw new ArgumentException($"Expected {rows} x {Dimension} coordinates (at least one row); got {points.Length} values.", nameof(points));
        int bad = Array.FindIndex(points, v => !double.IsFinite(v));
        if (bad >= 0) throw new ArgumentException($"Coordinate {bad} is {points[bad]}; expected finite coordinates.", nameof(points));
        using var scope = NewDisposeScope();
        // a = prod over the first D - 1 axes of exp(i pi q_j x_j), rows x L^(j+1) after axis j (complex, as real and imaginary parts).
        Tensor ar = ones([rows, 1], dtype: float64), ai = zeros([rows, 1], dtype: float64);
        for (int j = 0; j + 1 < Dimension; j++)
        {
            var (er, ei) = AxisExponentials(points, rows, j);
            var (r3, i3, er3, ei3) = (ar.unsqueeze(2), ai.unsqueeze(2), er.unsqueeze(1), ei.unsqueeze(1));
            var nr = r3.mul(er3).add(i3.mul(ei3).neg(), Scalars.One).reshape(rows, -1);
            var ni = r3.mul(ei3).add(i3.mul(er3), Scalars.One).reshape(rows, -1);
            (ar, ai) = (nr, ni);
        }
        var (lr, li) = AxisExponentials(points, rows, Dimension - 1);
        // Explicit alphas (Runtime/Scalars): the one-argument add_ makes a temporary Scalar of 1 that can be freed while libtorch reads it.
        _re.add_(ar.t().mm(lr), Scalars.One);
        _re.add_(ai.t().mm(li).neg(), Scalars.One);
        _im.add_(ar.t().mm(li), Scalars.One);
        _im.add_(ai.t().mm(lr), Scalars.One);
        SampleCount += rows;
    }

    /// <summary>cos and sin of pi v x_j for v = -Q..Q (rows x L each); the negative frequencies by symmetry, so M(-q) is exactly the conjugate of M(q) row by row.</summary>
    private (Tensor Re, Tensor Im) AxisExponentials(double[] points, int rows, int axis)
    {
        var re = new double[rows * _side];
        var im = new double[rows * _side];
        for (int i = 0; i < rows; i++)
        {
            double x = points[i * Dimension + axis];
            int row = i * _side + Bound;
            re[row] = 1.0;
            for (int v = 1; v <= Bound; v++)
            {
                var (sin, cos) = Math.SinCos(Math.PI * (v * x));
                re[row + v] = cos;
                im[row + v] = sin;
                re[row - v] = cos;
                im[row - v] = -sin;
            }
        }
        return (Tensors.Float64(re, [rows, _side]), Tensors.Float64(im, [rows, _side]));
    }

    /// <summary>Re M and Im M over the cube, flattened row-major in (q_1 + Q, ..., q_D + Q).</summary>
    public (double[] Re, double[] Im) Values()
    {
        using var scope = NewDisposeScope();
        return (_re.contiguous().data<double>().ToArray(), _im.contiguous().data<double>().ToArray());
    }

    /// <summary>
    /// The leading <paramref name="size"/> x <paramref name="size"/> block of Psi^T Psi for the scaled features of
    /// <paramref name="lattice"/> (<see cref="FrequencyLattice.ScaledFeatures"/>) of the points added so far; needs 2R &lt;= Q.
    /// Exactly symmetric: each entry is computed once, from the moment of the frequency with the larger flat index
    /// (M(-q) is the conjugate of M(q)).
    /// </summary>
    public Matrix<double> Gram(FrequencyLattice lattice, int size)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        if (lattice.Dimension != Dimension) throw new ArgumentException($"The lattice is {lattice.Dimension}-dimensional; the moments are {Dimension}-dimensional.", nameof(lattice));
        if (2 * lattice.Radius > Bound) throw new ArgumentException($"Radius {lattice.Radius} needs frequencies up to {2 * lattice.Radius}; the moments reach {Bound}.", nameof(lattice));
        if (size < 1 || size > lattice.FeatureCount) throw new ArgumentException($"Block size {size} is not in 1..{lattice.FeatureCount}.", nameof(size));
        var (re, im) = Values();
        // The flat index of q is centre + offset(q), offset linear in q, so k + l and k - l are centre + offset(k) +- offset(l).
        int centre = 0, stride = 1;
        var strides = new int[Dimension];
        for (int j = Dimension - 1; j >= 0; j--) { strides[j] = stride; centre += Bound * stride; stride *= _side; }
        int halfCount = size / 2;
        var offset = new int[halfCount];
        var scale = new double[halfCount];
        for (int h = 0; h < halfCount; h++)
        {
            var k = lattice.Half[h];
            for (int j = 0; j < Dimension; j++) offset[h] += k[j] * strides[j];
            scale[h] = Math.Sqrt(2.0 * lattice.HalfWeights[h]);
        }
        double Cos(int index) => index >= centre ? re[index] : re[2 * centre - index];
        double Sin(int index) => index >= centre ? im[index] : -im[2 * centre - index];
        // Feature f > 0 is cos (odd f) or sin (even f) of Half[(f - 1) / 2] times its scale; feature 0 is the constant 1.
        var g = new double[size, size];
        g[0, 0] = re[centre];
        for (int a = 1; a < size; a++)
        {
            int h = (a - 1) / 2;
            bool aSin = (a - 1) % 2 == 1;
            g[a, 0] = scale[h] * (aSin ? Sin(centre + offset[h]) : Cos(centre + offset[h]));
            for (int b = 1; b <= a; b++)
            {
                int e = (b - 1) / 2;
                bool bSin = (b - 1) % 2 == 1;
                int sum = centre + offset[h] + offset[e], difference = centre + offset[h] - offset[e];
                double value = (aSin, bSin) switch
                {
                    (false, false) => Cos(difference) + Cos(sum),
                    (true, true) => Cos(difference) - Cos(sum),
                    (false, true) => Sin(sum) - Sin(difference),
                    (true, false) => Sin(sum) + Sin(difference),
                };
                g[a, b] = scale[h] * scale[e] * 0.5 * value;
            }
        }
        return Matrix<double>.Build.Dense(size, size, (i, j) => i >= j ? g[i, j] : g[j, i]);
    }

    public void Dispose()
    {
        _re.Dispose();
        _im.Dispose();
    }
}
