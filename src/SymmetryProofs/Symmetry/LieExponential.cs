using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Symmetry;

/// <summary>
/// The matrix exponential exp(A) by scaling and squaring with the degree-13 Padé approximant
/// (Higham, SIAM J. Matrix Anal. Appl. 26, 2005). MathNet has no expm for general matrices, and
/// an eigendecomposition is unsafe for defective or nearly defective matrices.
/// </summary>
internal static class LieExponential
{
    // Higham's theta_13: below this 1-norm the [13/13] Padé approximant is accurate to double precision.
    private const double Theta13 = 5.371920351148152;

    private static readonly double[] B =
    {
        64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000,
        10559470521600, 670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1,
    };

    public static Matrix<double> Exp(Matrix<double> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.RowCount != a.ColumnCount) throw new ArgumentException($"exp needs a square matrix; got {a.RowCount}x{a.ColumnCount}.", nameof(a));
        foreach (var entry in a.Enumerate())
            if (!double.IsFinite(entry)) throw new ArgumentException($"exp needs a finite matrix; found {entry}.", nameof(a));
        int n = a.RowCount;
        double norm = a.L1Norm();
        int s = norm > Theta13 ? Math.Max(0, (int)Math.Ceiling(Math.Log2(norm / Theta13))) : 0;
        var x = s > 0 ? a / Math.Pow(2, s) : a;
        var id = Matrix<double>.Build.DenseIdentity(n);
        var x2 = x * x;
        var x4 = x2 * x2;
        var x6 = x4 * x2;
        var u = x * (x6 * (B[13] * x6 + B[11] * x4 + B[9] * x2) + B[7] * x6 + B[5] * x4 + B[3] * x2 + B[1] * id);
        var v = x6 * (B[12] * x6 + B[10] * x4 + B[8] * x2) + B[6] * x6 + B[4] * x4 + B[2] * x2 + B[0] * id;
        var r = (v - u).Solve(v + u);
        for (int k = 0; k < s; k++) r = r * r;
        return r;
    }
}
