namespace SymmetryProofs.Objectives;

/// <summary>The floating-point operations of one full Hessian (<see cref="MlpObjective.Flops"/>).</summary>
/// <param name="Products">In matrix products, 2 per multiply-add: the sample contractions and the R-passes.</param>
/// <param name="Elementwise">In the elementwise products and sums that build the contractions' operands.</param>
public sealed record HessianFlops(double Products, double Elementwise)
{
    /// <summary>Both.</summary>
    public double Total => Products + Elementwise;
}
