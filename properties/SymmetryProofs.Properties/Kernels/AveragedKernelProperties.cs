using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Kernels;
using static SymmetryProofs.Properties.Kernels.KernelFixtures;

namespace SymmetryProofs.Properties.Kernels;

/// <summary>The group-averaged kernel K_G(x, y) = (1/|G|) sum_g K(g x, y) (Tahmasebi and Jegelka, Sec. 3).</summary>
public class AveragedKernelProperties
{
    /// <summary>K_G(g x, h y) = K_G(x, y) for all g, h in G, bit for bit (canonical orbit points make it one computation).</summary>
    [Property(MaxTest = 40)]
    public Property Averaged_kernel_is_invariant_in_both_arguments(int seed, int dRaw)
    {
        int d = Dimension(dRaw);
        var pts = Points(seed, 4, d);
        var failures = new List<string>();
        foreach (var group in TorusGroup.TestGroups(d))
        {
            var kg = new AveragedKernel(Kernel(d), group);
            double k = kg.Evaluate(pts[0], pts[1]);
            foreach (var g in group.Elements)
                foreach (var h in group.Elements)
                {
                    double kgh = kg.Evaluate(g.Act(pts[0]), h.Act(pts[1]));
                    if (BitConverter.DoubleToInt64Bits(kgh) != BitConverter.DoubleToInt64Bits(k))
                        failures.Add($"{group}: g = {g}, h = {h}, x = {Show(pts[0])}, y = {Show(pts[1])}: {kgh:R} vs {k:R}");
                }
        }
        return (failures.Count == 0).Label(string.Join("\n", failures.Take(3)));
    }

    /// <summary>
    /// The canonicalised K_G equals the plain average (1/|G|) sum_g K(g x, y) and the double average
    /// (1/|G|^2) sum_(g,h) K(g x, h y). Tolerance 1e-12 K(0,0): each side sums at most 64 kernel
    /// values, each at most K(0,0) and itself a sum of a few hundred modes, in different orders.
    /// </summary>
    [Property(MaxTest = 40)]
    public Property Averaged_kernel_equals_the_group_average(int seed, int dRaw)
    {
        int d = Dimension(dRaw);
        var pts = Points(seed, 2, d);
        var kernel = Kernel(d);
        double tol = 1e-12 * kernel.Evaluate(pts[0], pts[0]);
        var failures = new List<string>();
        foreach (var group in TorusGroup.TestGroups(d))
        {
            var kg = new AveragedKernel(kernel, group);
            double value = kg.Evaluate(pts[0], pts[1]);
            double single = kg.EvaluateDirect(pts[0], pts[1]);
            double twice = group.Elements.Sum(g => group.Elements.Sum(h => kernel.Evaluate(g.Act(pts[0]), h.Act(pts[1])))) / (group.Order * group.Order);
            if (Math.Abs(value - single) > tol || Math.Abs(value - twice) > tol)
                failures.Add($"{group}: x = {Show(pts[0])}, y = {Show(pts[1])}: {value:R}, {single:R}, {twice:R}");
        }
        return (failures.Count == 0).Label(string.Join("\n", failures));
    }

    /// <summary>
    /// The Gram matrix of K_G is symmetric positive semi-definite, on samples that contain whole
    /// orbits (so it is singular). Tolerance on the smallest eigenvalue: -1e-13 m K(0,0), a few
    /// hundred times the backward error m eps ||K|| of the symmetric eigensolver.
    /// </summary>
    [Property(MaxTest = 30)]
    public Property Averaged_kernel_Gram_matrix_is_positive_semidefinite(int seed, int dRaw, int mRaw)
    {
        int d = Dimension(dRaw);
        var kernel = Kernel(d);
        var failures = new List<string>();
        foreach (var group in TorusGroup.TestGroups(d))
        {
            var kg = new AveragedKernel(kernel, group);
            var pts = Points(seed, Size(mRaw, 2, 6), d);
            pts.AddRange(pts.Select(x => group.Elements[^1].Act(x)).ToList());
            var (symmetric, minEig, tol) = Psd(kg.Evaluate, pts);
            if (!symmetric || minEig < -tol) failures.Add($"{group}: {pts.Count} points, symmetric {symmetric}, smallest eigenvalue {minEig:R} (tolerance {tol:R})");
        }
        var kt = d >= 2 ? new TranslationAveragedKernel(d, Radius(d), (d + 1) / 2.0, d - 1) : null;
        if (kt is not null)
        {
            var (symmetric, minEig, tol) = Psd(kt.Evaluate, Points(seed, Size(mRaw, 2, 8), d));
            if (!symmetric || minEig < -tol) failures.Add($"{kt.Name}: symmetric {symmetric}, smallest eigenvalue {minEig:R}");
        }
        return (failures.Count == 0).Label(string.Join("\n", failures));
    }

    internal static (bool Symmetric, double MinEigenvalue, double Tolerance) Psd(Func<double[], double[], double> k, List<double[]> pts)
    {
        int m = pts.Count;
        var gram = Matrix<double>.Build.Dense(m, m, (i, j) => k(pts[i], pts[j]));
        double scale = Enumerable.Range(0, m).Max(i => Math.Abs(gram[i, i]));
        bool symmetric = Enumerable.Range(0, m).All(i => Enumerable.Range(0, m).All(j => gram[i, j] == gram[j, i]));
        if (!symmetric) return (false, double.NaN, double.NaN);
        return (true, gram.Evd(Symmetricity.Symmetric).EigenValues.Min(e => e.Real), 1e-13 * m * scale);
    }

    /// <summary>Negative control: averaging over a set that is not a group ({e, c}, c a 3-cycle) gives a non-symmetric kernel.</summary>
    [Fact]
    public void Averaging_over_a_non_group_is_not_a_kernel()
    {
        var kernel = Kernel(3);
        var c = new SignedPermutation([1, 2, 0], [1, 1, 1]);
        double OneSided(double[] x, double[] y) => 0.5 * (kernel.Evaluate(x, y) + kernel.Evaluate(c.Act(x), y));
        var message = AssertFalsified(seed =>
        {
            var (symmetric, minEig, tol) = Psd(OneSided, Points(seed, 3, 3));
            return (symmetric && minEig >= -tol).Label($"seed {seed}: the Gram matrix of (K(x,y) + K(c x, y))/2, c = {c}, is not symmetric PSD");
        });
        Assert.Contains("not symmetric PSD", message);
    }

    /// <summary>Negative control: the plain kernel is invariant only jointly, not in one argument.</summary>
    [Fact]
    public void Plain_kernel_is_not_invariant_in_one_argument()
    {
        foreach (int d in new[] { 1, 2, 3 })
            foreach (var group in TorusGroup.TestGroups(d))
            {
                var kernel = Kernel(d);
                var g = group.Generators[0];
                AssertFalsified(seed =>
                {
                    var p = Points(seed, 2, d);
                    double a = kernel.Evaluate(g.Act(p[0]), p[1]), b = kernel.Evaluate(p[0], p[1]);
                    return (Math.Abs(a - b) <= 1e-12).Label($"{group}: K(g x, y) = {a:R} but K(x, y) = {b:R} for g = {g}, x = {Show(p[0])}, y = {Show(p[1])}");
                });
            }
    }

    /// <summary>K_T(x + t e_j, y + u e_j) = K_T(x, y) bit for bit, and K_T equals the average of K over
    /// R + 1 equally spaced shifts (which kills every mode with 0 &lt; |k_j| &lt;= R). Tolerance 1e-12 K(0,0).</summary>
    [Property(MaxTest = 40)]
    public Property Translation_averaged_kernel_is_invariant_and_is_the_shift_average(int seed, int dRaw, double t, double u)
    {
        int d = 2 + Math.Abs(dRaw % 2);
        if (!double.IsFinite(t) || !double.IsFinite(u) || Math.Abs(t) > 1e6 || Math.Abs(u) > 1e6) return true.ToProperty();
        var kt = new TranslationAveragedKernel(d, Radius(d), (d + 1) / 2.0, d - 1);
        var kernel = Kernel(d);
        var p = Points(seed, 2, d);
        double value = kt.Evaluate(p[0], p[1]);
        bool invariant = BitConverter.DoubleToInt64Bits(kt.Evaluate(kt.Translate(p[0], t), kt.Translate(p[1], u))) == BitConverter.DoubleToInt64Bits(value);
        int m = Radius(d) + 1;
        double shifts = Enumerable.Range(0, m).Sum(l => kernel.Evaluate(kt.Translate(p[0], 2.0 * l / m), p[1])) / m;
        bool average = Math.Abs(shifts - value) <= 1e-12 * kernel.Evaluate(p[0], p[0]);
        return (invariant && average).Label($"x = {Show(p[0])}, y = {Show(p[1])}, t = {t:R}, u = {u:R}: invariant {invariant}, K_T = {value:R}, shift average {shifts:R}");
    }

    /// <summary>
    /// |K_(R+6)(x, y) - K_R(x, y)| &lt;= TailBound(R): the stated truncation bound dominates part of the
    /// tail it bounds (the sum over R &lt; |k| &lt;= R + 6), so an understated bound fails here.
    /// </summary>
    [Property(MaxTest = 40)]
    public Property Truncation_error_is_within_the_stated_bound(int seed, int dRaw, int rRaw)
    {
        int d = Dimension(dRaw);
        int r = Size(rRaw, d == 1 ? 2 : 3, 6);
        double s = (d + 1) / 2.0;
        var small = new FrequencyLattice(d, r, s);
        var p = Points(seed, 2, d);
        double diff = Math.Abs(new SpectralKernel(d, r + 6, s).Evaluate(p[0], p[1]) - new SpectralKernel(small).Evaluate(p[0], p[1]));
        return (diff <= small.TailBound()).Label($"D = {d}, R = {r}: |K_(R+6) - K_R| = {diff:R} > bound {small.TailBound():R}");
    }
}
