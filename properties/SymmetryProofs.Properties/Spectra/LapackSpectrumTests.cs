using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Networks;
using SymmetryProofs.Objectives;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Runtime;
using SymmetryProofs.Spectra;
using TorchSharp;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Spectra;

/// <summary>
/// The LAPACK eigensolver (libtorch's eigh) against MathNet's managed solver, the independent
/// reference: eigenvalues within the perturbation bound of two backward-stable solvers, eigenvectors
/// as residuals, orthogonality and invariant subspaces (never entry by entry: clusters and repeated
/// eigenvalues leave the basis of an eigenspace free).
/// </summary>
public class LapackSpectrumTests(ITestOutputHelper output)
{
    private const double U = 1.1102230246251565e-16;

    /// <summary>
    /// The constant c in the backward-error bound |dH|_2 &lt;= c n u |H|_2 of either solver:
    /// Householder tridiagonalisation plus QL/QR or divide-and-conquer is backward stable with a
    /// modest p(n) (Golub and Van Loan, Sec. 8.3; the LAPACK Users' Guide, Sec. 4.7, even uses
    /// p(n) = 1 for its error bounds). Linear growth with c = 10 bounds what both libraries do at
    /// these sizes with room, and stays four orders below any perturbation of 1e-6 |H|.
    /// The same c bounds orthogonality: the computed V is a product of Householder reflections and
    /// rotations (MathNet: JAMA's tred2/tql2) or of those and the divide-and-conquer eigenvectors,
    /// which Gu and Eisenstat's recomputed z makes orthogonal to working precision (libtorch's eigh
    /// is oneMKL's dsyevd); forming V'V adds at most n u per entry, and max|entry| &lt;= |V'V - I|_2.
    /// Measured on 19,500 planted cases (n = 2..40, every layout) and 1,000 generated Hessians
    /// (n &lt;= 110): the largest ratios to c n u were 0.47 (orthogonality), 0.32 (residual) and 0.30
    /// (eigenvalue gap, of 2 c n u), all at n &lt;= 4, falling with n; no case came near the bound.
    /// </summary>
    private const double C = 10;

    /// <summary>Backward error bound of one solver on an n x n matrix of 2-norm <paramref name="norm"/>.</summary>
    private static double Backward(int n, double norm) => C * n * U * norm;

    /// <summary>
    /// Weyl: a backward-stable solver returns the exact eigenvalues of H + dH, and sorted
    /// eigenvalues move by at most |dH|_2; two solvers on the same H therefore differ by at most
    /// twice the backward error. Vectors: |H v - lambda v| &lt;= |dH| (v is exact for H + dH),
    /// |V^T V - I| &lt;= c n u, and by Davis and Kahan's sin-theta theorem the span of a cluster
    /// separated by gap from the rest is within sin(theta) &lt;= sqrt(k) |dH| / gap of the exact
    /// eigenspace for each solver, so the two spans within twice that.
    /// </summary>
    private static Property Agree(Matrix<double> h, Matrix<double> seenByLapack, double[]? planted, string label)
    {
        int n = h.RowCount;
        var lapack = SymmetricSpectrum.Of(seenByLapack);
        var managed = SymmetricSpectrum.Of(h, EigenSolver.Managed);
        double norm = managed.MaxAbs;
        double bound = Backward(n, norm);
        double valueGap = lapack.Values.Zip(managed.Values, (a, b) => Math.Abs(a - b)).Max();
        double residual = Enumerable.Range(0, n).Max(i => (h * lapack.Vectors.Column(i) - lapack.Values[i] * lapack.Vectors.Column(i)).L2Norm());
        double orthogonality = (lapack.Vectors.TransposeThisAndMultiply(lapack.Vectors) - Matrix<double>.Build.DenseIdentity(n)).Enumerate().Max(Math.Abs);
        var property = Prop.Label(valueGap <= 2 * bound, $"{label}: max |lambda_lapack - lambda_managed| = {valueGap:G3}, bound 2 c n u |H| = {2 * bound:G3}")
            .And(Prop.Label(residual <= bound, $"{label}: max |H v - lambda v| = {residual:G3}, bound {bound:G3}"))
            .And(Prop.Label(orthogonality <= C * n * U, $"{label}: max |V'V - I| = {orthogonality:G3} = {orthogonality / (n * U):G3} n u, bound c n u = {C * n * U:G3}"));
        if (planted is null) return property;
        foreach (var (start, count, gap) in Clusters(planted))
        {
            if (gap == double.PositiveInfinity) continue;
            var a = lapack.Vectors.SubMatrix(0, n, start, count);
            var b = managed.Vectors.SubMatrix(0, n, start, count);
            // sin of the largest principal angle, |(I - A A^T) B|_2, directly: acos of a cosine near 1 loses half the digits.
            double sine = (b - a * a.TransposeThisAndMultiply(b)).L2Norm();
            double sineBound = 2 * Math.Sqrt(count) * bound / gap;
            property = property.And(Prop.Label(sine <= sineBound, $"{label}: cluster of {count} at {planted[start]:G3}: sin(angle) {sine:G3}, bound {sineBound:G3}"));
        }
        return property;
    }

    /// <summary>Runs of planted eigenvalues closer than 1e-6 (their eigenspace is what is determined) with their gap to the rest.</summary>
    private static IEnumerable<(int Start, int Count, double Gap)> Clusters(double[] values)
    {
        int i = 0;
        while (i < values.Length)
        {
            int j = i + 1;
            while (j < values.Length && values[j] - values[j - 1] < 1e-6) j++;
            double gap = Math.Min(i > 0 ? values[i] - values[i - 1] : double.PositiveInfinity, j < values.Length ? values[j] - values[j - 1] : double.PositiveInfinity);
            yield return (i, j - i, gap);
            i = j;
        }
    }

    private static Property PlantedAgreement(Coverage coverage, PlantedSpectrumCase c)
    {
        var values = Planted.Values(c);
        var (h, _) = Planted.Matrix(values, new Random(c.Seed + 1));
        var seen = h.Clone();
        seen[0, 0] += c.Perturbation;
        bool repeated = Clusters(values).Any(k => k.Count > 1);
        return coverage.Case(Agree(h, seen, values, c.ToString()),
            ("repeated or clustered eigenvalues", repeated), ("exact zeros", values.Contains(0)), ("kind", c.Kind));
    }

    /// <summary>LAPACK and MathNet agree on planted spectra of every layout, within the bound of two backward-stable solvers.</summary>
    [Fact]
    public void Lapack_agrees_with_the_managed_solver_on_planted_spectra()
    {
        // Clustered and Repeated always have multiplicities (Zeros too, from n = 4): two fifths of the layouts.
        var coverage = new Coverage(output).AtLeast(0.3, "repeated or clustered eigenvalues", "distinct, well-separated eigenvalues are the easy case for both solvers");
        coverage.Check(Prop.ForAll(Arbs.PlantedSpectra(), c => PlantedAgreement(coverage, c)));
    }

    /// <summary>Negative control: when LAPACK's copy has entry (0, 0) moved by 1e-6 max|lambda|, the agreement fails and shrinks to n = 2.</summary>
    [Fact]
    public void A_perturbed_matrix_fails_the_agreement()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.Dropped.PerturbedSpectra(), c => PlantedAgreement(new Coverage(output), c)), output);
        var shrunk = found.ShrunkAs<PlantedSpectrumCase>();
        Assert.True(shrunk.Perturbation > 0 && shrunk.Size == 2, $"Expected a perturbed 2 x 2 case; got {shrunk}.");
    }

    /// <summary>The real Hessian (R-operator, with the experiment's L2 penalty) of small generated nets: the same agreement.</summary>
    [Fact]
    public void Lapack_agrees_with_the_managed_solver_on_real_hessians()
    {
        var coverage = new Coverage(output).AtLeast(0.3, "at least 20 parameters", "tiny Hessians are the easy case");
        coverage.Check(Prop.ForAll(Arbs.LossCases(), c =>
        {
            using var scope = torch.NewDisposeScope();
            var (objective, theta) = RealHessians.Objective(c, 0.01);
            var (h, _) = TorchObjective.Symmetrised(objective.Hessian(theta));
            return coverage.Case(Agree(h, h, null, $"{c}"),
                ("at least 20 parameters", h.RowCount >= 20));
        }));
    }

    [Fact]
    public void Bad_input_says_what_was_expected()
    {
        var h = Matrix<double>.Build.DenseIdentity(3);
        h[2, 1] = double.NaN;
        Assert.Contains("Entry (2, 1) is NaN", Assert.Throws<ArgumentException>(() => SymmetricSpectrum.Of(h)).Message);
        Assert.Contains("Expected a square matrix; got 2x3", Assert.Throws<ArgumentException>(() => SymmetricSpectrum.Of(Matrix<double>.Build.Dense(2, 3))).Message);
        Assert.Contains("float64, 1 thread(s)", SymmetricSpectrum.DescribeLapack());
    }
}

/// <summary>The experiment's objective (tanh MLP, mean cross-entropy, L2) on a generated net and data set.</summary>
internal static class RealHessians
{
    /// <summary>The objective and the net's parameters; the tensors belong to the caller's dispose scope.</summary>
    public static (MlpObjective Objective, double[] Theta) Objective(LossCase c, double penalty)
    {
        TorchSetup.Initialise();
        var set = c.Data.ToLabelledSet();
        var inputs = Tensors.Float64(set.Inputs.ToRowMajorArray(), [set.Count, set.Dimension]);
        var labels = Tensors.Int64(set.Labels.Select(l => (long)l).ToArray());
        return (new MlpObjective(new TorchMlp(c.Net.Widths, c.Net.HasBiases), inputs, labels, penalty), c.Net.ToMlp().Flatten());
    }
}
