using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Features;

/// <summary>phi_i(x) = x_i^2 (Eq. 7): invariant under inversion, and under every single sign flip too.</summary>
public sealed class SquaresMap(int inputDim) : FeatureMap(inputDim)
{
    public override string Name => "x2";
    public override int OutputDim => InputDim;
    public override bool IsEven => true;
    protected override double[] Compute(Vector<double> x) => x.Select(v => v * v).ToArray();
}
