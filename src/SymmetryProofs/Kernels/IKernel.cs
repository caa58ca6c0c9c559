namespace SymmetryProofs.Kernels;

/// <summary>A positive semi-definite kernel on the torus [-1,1)^D.</summary>
public interface IKernel
{
    int Dimension { get; }
    string Name { get; }
    double Evaluate(double[] x, double[] y);
}
