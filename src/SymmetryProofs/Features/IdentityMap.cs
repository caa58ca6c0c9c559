using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Features;

/// <summary>phi(x) = x: the raw inputs x_i. Odd, so it is the negative control of claim 6.</summary>
public sealed class IdentityMap(int inputDim) : FeatureMap(inputDim)
{
    public override string Name => "x";
    public override int OutputDim => InputDim;
    public override bool IsEven => false;
    protected override double[] Compute(Vector<double> x) => x.ToArray();
}
