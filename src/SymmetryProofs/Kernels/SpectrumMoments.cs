namespace SymmetryProofs.Kernels;

/// <summary>
/// The sums over all modes i (eigenvalue l_i, learnability L_i = l_i/(l_i + kappa)) that the
/// learning-curve formulas need at one kappa: sum L_i, sum L_i^2, sum L_i (1 - L_i) (= -kappa
/// d(sum L_i)/d kappa, for Newton's method) and the bias sum (1 - L_i)^2 v_i^2.
/// </summary>
public struct SpectrumMoments
{
    public double Learnable;
    public double LearnableSquared;
    public double Derivative;
    public double Bias;
}
