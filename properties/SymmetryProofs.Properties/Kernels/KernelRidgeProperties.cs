using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Kernels;
using static SymmetryProofs.Properties.Kernels.KernelFixtures;

namespace SymmetryProofs.Properties.Kernels;

/// <summary>Kernel ridge regression with invariant kernels (Tahmasebi and Jegelka, Sec. 3-4).</summary>
public class KernelRidgeProperties
{
    /// <summary>Relative tolerance for two Cholesky solves of the same problem: condition numbers here stay below
    /// (40 K(0,0) + lambda)/lambda &lt; 1e3 and backward errors near N eps, so forward errors are ~1e-11; 1e-9 leaves margin.</summary>
    private const double SolveTolerance = 1e-9;

    private static (List<double[]> X, double[] Y, double Lambda) Data(int seed, int nRaw, int d)
    {
        var x = Points(seed, Size(nRaw, 1, 5), d);
        var rng = new Random(seed ^ 0x5bd1e995);
        var y = x.Select(_ => 2 * rng.NextDouble() - 1).ToArray();
        double lambda = Math.Pow(10, -1 + 1.5 * rng.NextDouble());
        return (x, y, lambda);
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= SolveTolerance * (1 + Math.Abs(a) + Math.Abs(b));

    /// <summary>f_hat(g x) = f_hat(x) bit for bit for KRR with K_G (and with the translation-averaged kernel):
    /// every K_G(x_i, g x) is the same floating-point computation as K_G(x_i, x), summed in the same order.</summary>
    [Property(MaxTest = 30)]
    public Property Invariant_kernel_predictor_is_exactly_invariant(int seed, int dRaw, int nRaw, double t)
    {
        int d = Dimension(dRaw);
        var (x, y, lambda) = Data(seed, nRaw, d);
        var probe = Points(seed + 1, 2, d);
        var failures = new List<string>();
        foreach (var group in TorusGroup.TestGroups(d))
        {
            var fit = KernelRidge.Fit(new AveragedKernel(Kernel(d), group), x, y, lambda);
            foreach (var p in probe.Concat(x))
                foreach (var g in group.Elements)
                    if (BitConverter.DoubleToInt64Bits(fit.Predict(g.Act(p))) != BitConverter.DoubleToInt64Bits(fit.Predict(p)))
                        failures.Add($"{group}: f(g x) = {fit.Predict(g.Act(p)):R}, f(x) = {fit.Predict(p):R}, g = {g}, x = {Show(p)}");
        }
        if (d >= 2 && double.IsFinite(t) && Math.Abs(t) < 1e6)
        {
            var kt = new TranslationAveragedKernel(d, Radius(d), (d + 1) / 2.0, d - 1);
            var fit = KernelRidge.Fit(kt, x, y, lambda);
            foreach (var p in probe)
                if (BitConverter.DoubleToInt64Bits(fit.Predict(kt.Translate(p, t))) != BitConverter.DoubleToInt64Bits(fit.Predict(p)))
                    failures.Add($"translation by {t:R}: x = {Show(p)}");
        }
        return (failures.Count == 0).Label(string.Join("\n", failures.Take(3)));
    }

    /// <summary>
    /// KRR on the orbit-augmented sample {(g x_i, y_i)} with kernel K and penalty lambda equals KRR on
    /// {(x_i, y_i)} with K_G and penalty lambda/|G| (sum-of-squares loss, as in <see cref="KernelRidge"/>).
    /// Derivation: K(g x, g y) = K(x, y) makes f -> f o g an isometry of the RKHS H, so
    /// P f = (1/|G|) sum_g f o g is the orthogonal projection onto the invariant functions H^G, and
    /// P K(., y) = K_G(., y) shows H^G with H's norm is the RKHS of K_G. The augmented objective
    /// J(f) = sum_i sum_g (f(g x_i) - y_i)^2 + lambda ||f||^2 satisfies J(f o h) = J(f) (re-index g -> g h),
    /// and is strictly convex, so its unique minimiser is invariant. On H^G, f(g x_i) = f(x_i), hence
    /// J(f) = |G| [ sum_i (f(x_i) - y_i)^2 + (lambda/|G|) ||f||^2 ], minimised by KRR with K_G and lambda/|G|.
    /// (With the mean loss (1/N) sum the penalty would stay lambda: N grows by |G| as well.)
    /// </summary>
    [Property(MaxTest = 25)]
    public Property Orbit_augmented_regression_equals_averaged_kernel_regression_with_penalty_over_G(int seed, int dRaw, int nRaw)
    {
        int d = Dimension(dRaw);
        var (x, y, lambda) = Data(seed, nRaw, d);
        var kernel = Kernel(d);
        var probe = Points(seed + 7, 3, d).Concat(x).ToList();
        var failures = new List<string>();
        foreach (var group in TorusGroup.TestGroups(d))
        {
            var augX = x.SelectMany(p => group.Elements.Select(g => g.Act(p))).ToList();
            var augY = y.SelectMany(v => group.Elements.Select(_ => v)).ToList();
            var augmented = KernelRidge.Fit(kernel, augX, augY, lambda);
            var averaged = KernelRidge.Fit(new AveragedKernel(kernel, group), x, y, lambda / group.Order);
            foreach (var p in probe)
                if (!Close(augmented.Predict(p), averaged.Predict(p)))
                    failures.Add($"{group}, n = {x.Count}, lambda = {lambda:R}: augmented {augmented.Predict(p):R} vs K_G {averaged.Predict(p):R} at {Show(p)}");
        }
        return (failures.Count == 0).Label(string.Join("\n", failures.Take(3)));
    }

    /// <summary>
    /// The same identity for translations: the cyclic group of m = R + 1 shifts by 2/m along x_(D-1)
    /// averages the truncated kernel exactly to K_T, so augmenting by these m shifts with penalty lambda
    /// equals KRR with K_T and lambda/m. The shifts round, hence the same 1e-9 relative tolerance.
    /// </summary>
    [Property(MaxTest = 25)]
    public Property Shift_augmented_regression_equals_translation_kernel_regression_with_penalty_over_m(int seed, int dRaw, int nRaw)
    {
        int d = 2 + Math.Abs(dRaw % 2);
        var (x, y, lambda) = Data(seed, nRaw, d);
        var kernel = Kernel(d);
        var kt = new TranslationAveragedKernel(d, Radius(d), (d + 1) / 2.0, d - 1);
        int m = Radius(d) + 1;
        var augX = x.SelectMany(p => Enumerable.Range(0, m).Select(l => kt.Translate(p, 2.0 * l / m))).ToList();
        var augY = y.SelectMany(v => Enumerable.Repeat(v, m)).ToList();
        var augmented = KernelRidge.Fit(kernel, augX, augY, lambda);
        var averaged = KernelRidge.Fit(kt, x, y, lambda / m);
        var bad = Points(seed + 7, 3, d).Where(p => !Close(augmented.Predict(p), averaged.Predict(p))).ToList();
        return (bad.Count == 0).Label(string.Join("\n", bad.Select(p => $"D = {d}, m = {m}: {augmented.Predict(p):R} vs {averaged.Predict(p):R} at {Show(p)}")));
    }

    /// <summary>Negative control: KRR with the plain kernel is not invariant, even on an invariant target's labels.</summary>
    [Fact]
    public void Plain_kernel_predictor_is_not_invariant()
    {
        foreach (int d in new[] { 1, 2, 3 })
            foreach (var group in TorusGroup.TestGroups(d))
            {
                var message = AssertFalsified(seed =>
                {
                    var (x, y, lambda) = Data(seed, seed, d);
                    var fit = KernelRidge.Fit(Kernel(d), x, y, lambda);
                    var p = Points(seed + 1, 1, d)[0];
                    var g = group.Generators[0];
                    return Close(fit.Predict(g.Act(p)), fit.Predict(p))
                        .Label($"{group}: plain KRR on n = {x.Count}, lambda = {lambda:R} gives f(g x) = {fit.Predict(g.Act(p)):R} but f(x) = {fit.Predict(p):R}, g = {g}, x = {Show(p)}");
                });
                Assert.Contains("plain KRR", message);
            }
    }

    /// <summary>
    /// KRR solved in feature space (the experiment's solver) equals the kernel-space Cholesky solve, for
    /// the plain kernel with scaled Fourier features and for K_G with the invariant features
    /// u_o . psi(x); the same 1e-9 relative tolerance (both systems have condition number &lt; 1e3).
    /// </summary>
    [Property(MaxTest = 25)]
    public Property Feature_space_ridge_equals_kernel_ridge(int seed, int dRaw, int nRaw)
    {
        int d = Dimension(dRaw);
        var (x, y, lambda) = Data(seed, nRaw, d);
        var lattice = new FrequencyLattice(d, Radius(d), (d + 1) / 2.0);
        var kernel = new SpectralKernel(lattice);
        var failures = new List<string>();
        var probe = Points(seed + 3, 3, d);
        void Compare(string name, IKernel k, Func<double[], double[]> features)
        {
            var dual = KernelRidge.Fit(k, x, y, lambda);
            var psi = Matrix<double>.Build.DenseOfRowArrays(x.Select(features));
            var ridge = new FeatureRidge(psi.ColumnCount);
            ridge.Add(psi, Vector<double>.Build.DenseOfArray(y));
            var gamma = ridge.Solve(lambda);
            foreach (var p in probe)
            {
                double primal = Vector<double>.Build.DenseOfArray(features(p)) * gamma;
                if (!Close(primal, dual.Predict(p))) failures.Add($"{name}: feature space {primal:R} vs kernel space {dual.Predict(p):R} at {Show(p)}");
            }
        }
        double[] Plain(double[] p) { var v = new double[lattice.FeatureCount]; lattice.ScaledFeatures(p, v); return v; }
        Compare("plain", kernel, Plain);
        foreach (var group in TorusGroup.TestGroups(d))
        {
            var sub = InvariantSubspace.ForGroup(lattice, group);
            Compare(group.Name, new AveragedKernel(kernel, group), p => { var v = new double[sub.Count]; sub.Project(Plain(p), v); return v; });
        }
        if (d >= 2)
        {
            var sub = InvariantSubspace.ForTranslation(lattice, d - 1);
            Compare("translation", new TranslationAveragedKernel(d, Radius(d), (d + 1) / 2.0, d - 1), p => { var v = new double[sub.Count]; sub.Project(Plain(p), v); return v; });
        }
        return (failures.Count == 0).Label(string.Join("\n", failures.Take(3)));
    }

    /// <summary>The experiment's targets are invariant: f*(g x) = f*(x) to 1e-12 sum |c| (the features at g x
    /// round differently from those at x, each by a few ulps).</summary>
    [Property(MaxTest = 30)]
    public Property Drawn_targets_are_invariant(int seed, int dRaw)
    {
        int d = Dimension(dRaw);
        var lattice = new FrequencyLattice(d, Radius(d), (d + 1) / 2.0);
        var p = Points(seed, 2, d);
        var failures = new List<string>();
        foreach (var group in TorusGroup.TestGroups(d))
        {
            var f = InvariantTarget.Draw(InvariantSubspace.ForGroup(lattice, group), d, 0.2, new Random(seed));
            double tol = 1e-12 * f.Coefficients.Sum(Math.Abs);
            foreach (var g in group.Elements)
                if (Math.Abs(f.Evaluate(g.Act(p[0])) - f.Evaluate(p[0])) > tol) failures.Add($"{group}: g = {g}, x = {Show(p[0])}");
        }
        if (d >= 2)
        {
            var f = InvariantTarget.Draw(InvariantSubspace.ForTranslation(lattice, d - 1), d - 1, 0.2, new Random(seed));
            var shifted = p[0].ToArray();
            shifted[d - 1] = p[1][d - 1];
            if (Math.Abs(f.Evaluate(shifted) - f.Evaluate(p[0])) > 1e-12 * f.Coefficients.Sum(Math.Abs)) failures.Add($"translation: x = {Show(p[0])}");
        }
        return (failures.Count == 0).Label(string.Join("\n", failures.Take(3)));
    }
}
