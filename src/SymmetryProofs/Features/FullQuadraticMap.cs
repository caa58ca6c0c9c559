using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Features;

/// <summary>
/// phi(x) = (x_i x_j) for i &lt;= j: the whole upper triangle of x x^T. It separates inversion
/// orbits: x x^T determines x up to its sign (claim 7).
/// </summary>
public sealed class FullQuadraticMap(int inputDim) : FeatureMap(inputDim)
{
    public override string Name => "quadratic";
    public override int OutputDim => InputDim * (InputDim + 1) / 2;
    public override bool IsEven => true;

    protected override double[] Compute(Vector<double> x)
    {
        var phi = new double[OutputDim];
        int k = 0;
        for (int i = 0; i < InputDim; i++)
            for (int j = i; j < InputDim; j++) phi[k++] = x[i] * x[j];
        return phi;
    }
}
