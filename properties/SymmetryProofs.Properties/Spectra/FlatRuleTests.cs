using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Spectra;

namespace SymmetryProofs.Properties.Spectra;

/// <summary>
/// The flat rule both paths share (<see cref="FlatRule"/>), at its exact boundary: a value whose magnitude equals the
/// threshold is not flat, one ulp below it is; and the full path's <see cref="SymmetricSpectrum.NearNull"/> reads it.
/// </summary>
public class FlatRuleTests
{
    /// <summary>|lambda| strictly below the threshold, for either sign; at the threshold (and at 0 against a threshold of 0) not flat.</summary>
    [Fact]
    public void Flat_means_strictly_below_the_threshold()
    {
        const double t = 4e-6;
        Assert.False(FlatRule.IsFlat(t, t));
        Assert.False(FlatRule.IsFlat(-t, t));
        Assert.True(FlatRule.IsFlat(Math.BitDecrement(t), t));
        Assert.True(FlatRule.IsFlat(-Math.BitDecrement(t), t));
        Assert.False(FlatRule.IsFlat(Math.BitIncrement(t), t));
        Assert.True(FlatRule.IsFlat(0, t));
        Assert.False(FlatRule.IsFlat(0, 0));
    }

    /// <summary>
    /// The full path's count on diag(-1, +-1e-6, +-1e-6 one ulp nearer 0, 0.5): max |lambda| = 1, so the threshold
    /// 1e-6 x 1 is the double 1e-6 itself; the two eigenvalues exactly at it are not near-null, the two one ulp inside are.
    /// A diagonal matrix's eigenvalues are its entries, exactly (the premise is asserted).
    /// </summary>
    [Fact]
    public void Near_null_eigenvalues_are_strictly_below_the_threshold()
    {
        const double t = 1e-6;
        double inside = Math.BitDecrement(t);
        double[] diagonal = [-1, t, -t, inside, -inside, 0.5];
        foreach (var solver in new[] { EigenSolver.Lapack, EigenSolver.Managed })
        {
            var spectrum = SymmetricSpectrum.Of(Matrix<double>.Build.DenseOfDiagonalArray(diagonal), solver);
            Assert.Equal(diagonal.OrderBy(x => x), spectrum.Values);
            Assert.Equal(1, spectrum.MaxAbs);
            Assert.Equal([-inside, inside], spectrum.NearNull(t).Select(i => spectrum.Values[i]));
        }
    }
}
