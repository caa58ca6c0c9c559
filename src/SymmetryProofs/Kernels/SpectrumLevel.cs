namespace SymmetryProofs.Kernels;

/// <summary>
/// One eigenvalue of a kernel's integral operator under the data distribution, the number of
/// orthonormal eigenfunctions sharing it, and the target's expected squared L2 mass on their
/// span (sum of E v_i^2 over those eigenfunctions). The learning-curve formulas depend on the
/// target only through this sum per eigenvalue, so degenerate eigenspaces need no basis.
/// </summary>
public readonly record struct SpectrumLevel(double Eigenvalue, double Multiplicity, double TargetPower);
