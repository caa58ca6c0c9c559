using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Features;

/// <summary>A map phi: R^InputDim -> R^OutputDim applied to an input before the network.</summary>
public interface IFeatureMap
{
    /// <summary>Short name used in tables and CSV files (x, x2, neighbour, permutation, quadratic, ...).</summary>
    string Name { get; }
    int InputDim { get; }
    int OutputDim { get; }

    /// <summary>True when every term has even degree, so phi(-x) = phi(x) (Eqs. 7-9).</summary>
    bool IsEven { get; }

    Vector<double> Apply(Vector<double> x);
}
