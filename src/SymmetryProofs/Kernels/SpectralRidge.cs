using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Spectra;

namespace SymmetryProofs.Kernels;

/// <summary>
/// Ridge solves (G + lambda I) gamma = b for one symmetric positive semi-definite normal matrix G
/// (e.g. <see cref="FeatureRidge"/>'s Psi^T Psi) and many penalties and right-hand sides: G = Q diag(e) Q^T
/// once (LAPACK through <see cref="SymmetricSpectrum"/>, ~9 m^3/3 flops), then each solve costs 2 m^2
/// instead of a Cholesky factorisation's m^3/3, so a penalty search over ten penalties and several
/// targets sharing the same inputs pays for one decomposition. Rounding: eigenvalues of G carry
/// absolute errors ~ m eps ||G||, so a penalty far below that (relative 1e-13) is not meaningful
/// with either method.
/// </summary>
public sealed class SpectralRidge
{
    private readonly SymmetricSpectrum _spectrum;
    public int Dimension => _spectrum.Dimension;

    public SpectralRidge(Matrix<double> gram) => _spectrum = SymmetricSpectrum.Of(gram);

    /// <summary>Q^T b: the right-hand side in the eigenbasis, computed once per target.</summary>
    public Vector<double> Rotate(Vector<double> rhs)
    {
        if (rhs.Count != Dimension) throw new ArgumentException($"Expected a right-hand side of length {Dimension}; got {rhs.Count}.");
        return _spectrum.Vectors.TransposeThisAndMultiply(rhs);
    }

    /// <summary>gamma = Q diag(1/(e + lambda)) (Q^T b) for a rotated right-hand side from <see cref="Rotate"/>.</summary>
    public Vector<double> Solve(Vector<double> rotated, double lambda)
    {
        if (!(lambda > 0) || !double.IsFinite(lambda)) throw new ArgumentException($"The ridge penalty must be positive and finite; got {lambda}.");
        var scaled = Vector<double>.Build.Dense(Dimension, i => rotated[i] / (Math.Max(_spectrum.Values[i], 0) + lambda));
        return _spectrum.Vectors * scaled;
    }
}
