namespace SymmetryProofs.Spectra;

/// <summary>Which symmetric eigensolver <see cref="SymmetricSpectrum.Of"/> uses.</summary>
public enum EigenSolver
{
    /// <summary>
    /// libtorch's <c>torch.linalg.eigh</c> (LAPACK's divide-and-conquer <c>syevd</c> in libtorch's
    /// bundled BLAS/LAPACK), float64, on as many threads as <c>TorchSetup.Initialise</c> set (one by
    /// default). The default: 10 to 13 times faster than the managed solver at n = 765..3000.
    /// </summary>
    Lapack,

    /// <summary>
    /// MathNet's managed symmetric solver (Householder tridiagonalisation and implicit QL, after
    /// EISPACK's tred2/tql2): the independent reference the tests hold the LAPACK path to.
    /// </summary>
    Managed,
}
