using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Kernels;

/// <summary>
/// The normal equations of several targets that share their inputs, accumulated as samples arrive:
/// G = Psi^T Psi (m x m), B = Psi^T Y (m x t) and the label powers y_t . y_t, held in libtorch so each
/// block of p new rows costs one BLAS product (p m^2) and no earlier row is touched again: one
/// nested sample gives a whole learning curve. Unlike <see cref="FeatureRidge"/> (one target, Cholesky
/// per penalty) it serves many targets and hands out leading blocks: when features are ordered by
/// frequency (as in <see cref="FrequencyLattice"/>), the leading m' x m' block is the Gram matrix of the
/// kernel truncated at a smaller radius, so one accumulation serves every radius up to the largest.
/// The constructor calls <see cref="TorchSetup.Initialise"/>, which fixes libtorch's thread count on the
/// calling thread (so the products sum in the same order on every thread); use an instance on the thread
/// that made it. Dispose to free the tensors.
/// Made from a <see cref="FrequencyLattice"/>, it accumulates G through the points' <see cref="FourierMoments"/> (about
/// 8 L^D flops a row, L = 4R + 1) instead of the product of the features (2 m^2 a row); the two agree to rounding.
/// </summary>
public sealed class NormalEquations : IDisposable
{
    public int FeatureCount { get; }
    public int TargetCount { get; }
    public int SampleCount { get; private set; }
    private readonly Tensor? _gram;
    private readonly Tensor _rhs, _power;
    private readonly FrequencyLattice? _lattice;
    private readonly FourierMoments? _moments;

    /// <summary>Normal equations of m features whose Gram matrix is accumulated as the product of the feature rows.</summary>
    public NormalEquations(int featureCount, int targetCount) : this(featureCount, targetCount, null) { }

    /// <summary>Normal equations of the scaled features of <paramref name="lattice"/>, whose Gram matrix is built from the points' Fourier moments; <see cref="Add"/> then needs the points.</summary>
    public NormalEquations(FrequencyLattice lattice, int targetCount) : this(lattice?.FeatureCount ?? throw new ArgumentNullException(nameof(lattice)), targetCount, lattice) { }

    private NormalEquations(int featureCount, int targetCount, FrequencyLattice? lattice)
    {
        if (featureCount < 1 || targetCount < 1) throw new ArgumentException($"Need at least one feature and one target; got {featureCount} and {targetCount}.");
        TorchSetup.Initialise();
        FeatureCount = featureCount;
        TargetCount = targetCount;
        _lattice = lattice;
        if (lattice is null) _gram = zeros([featureCount, featureCount], dtype: float64);
        else _moments = new FourierMoments(lattice.Dimension, 2 * lattice.Radius);
        _rhs = zeros([featureCount, targetCount], dtype: float64);
        _power = zeros([targetCount], dtype: float64);
    }

    /// <summary>
    /// Adds p rows: <paramref name="features"/> is p x m and <paramref name="labels"/> p x t, both row-major; for normal
    /// equations of a lattice also the p x D <paramref name="points"/> the features were computed at (and only then).
    /// </summary>
    public void Add(double[] features, double[] labels, int rows, double[]? points = null)
    {
        if (features.Length != rows * FeatureCount || labels.Length != rows * TargetCount)
            throw new ArgumentException($"Expected {rows} x {FeatureCount} features and {rows} x {TargetCount} labels; got {features.Length} and {labels.Length} values.");
        if ((_moments is null) != (points is null))
            throw new ArgumentException(_moments is null ? "Points are read only by the normal equations of a lattice." : "The normal equations of a lattice need the points of the rows.");
        using var scope = NewDisposeScope();
        var psi = Tensors.Float64(features, [rows, FeatureCount]);
        var y = Tensors.Float64(labels, [rows, TargetCount]);
        // Explicit alphas (Runtime/Scalars): the one-argument add_ makes a temporary Scalar of 1 that can be freed while libtorch reads it.
        if (_moments is null) _gram!.add_(psi.t().mm(psi), Scalars.One);
        else _moments.Add(points!, rows);
        _rhs.add_(psi.t().mm(y), Scalars.One);
        // The dimension named: a bare sum(0) binds to the overload whose argument is a dtype (0 converts to ScalarType.Byte) and sums every target into one byte.
        _power.add_(y.mul(y).sum(dim: 0), Scalars.One);
        SampleCount += rows;
    }

    /// <summary>The leading m' x m' block of G, symmetrised (the BLAS product is symmetric only up to rounding; the moments give it exactly symmetric).</summary>
    public Matrix<double> Gram(int size)
    {
        Require(size);
        if (_moments is not null) return _moments.Gram(_lattice!, size);
        using var scope = NewDisposeScope();
        var block = _gram!.narrow(0, 0, size).narrow(1, 0, size);
        var values = block.add(block.t(), Scalars.One).mul(Scalars.Half).contiguous().data<double>().ToArray();
        return Matrix<double>.Build.Dense(size, size, (i, j) => values[i * size + j]);
    }

    /// <summary>The first m' entries of Psi^T y_t.</summary>
    public Vector<double> Rhs(int size, int target)
    {
        Require(size);
        if (target < 0 || target >= TargetCount) throw new ArgumentException($"Target {target} is not in 0..{TargetCount - 1}.");
        using var scope = NewDisposeScope();
        var values = _rhs.narrow(0, 0, size).select(1, target).contiguous().data<double>().ToArray();
        return Vector<double>.Build.Dense(values);
    }

    /// <summary>y_t . y_t over the samples so far.</summary>
    public double LabelPower(int target) => _power[target].item<double>();

    private void Require(int size)
    {
        if (size < 1 || size > FeatureCount) throw new ArgumentException($"Block size {size} is not in 1..{FeatureCount}.");
    }

    public void Dispose()
    {
        _gram?.Dispose();
        _moments?.Dispose();
        _rhs.Dispose();
        _power.Dispose();
    }
}
