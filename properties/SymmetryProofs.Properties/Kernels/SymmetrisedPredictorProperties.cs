using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Kernels;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;
using static SymmetryProofs.Properties.Kernels.KernelFixtures;

namespace SymmetryProofs.Properties.Kernels;

/// <summary>The plain KRR predictor symmetrised at test time, f_G(x) = (1/|G|) sum_g f(g x).</summary>
public class SymmetrisedPredictorProperties(ITestOutputHelper output)
{
    private const double Eps = 2.220446049250313e-16;

    /// <summary>Plain KRR (feature space) on a few random points and labels: its coefficients on the unscaled features.</summary>
    private static double[] PlainFit(FrequencyLattice lattice, int seed, int n)
    {
        var x = Points(seed, n, lattice.Dimension);
        var rng = new Random(seed ^ 0x2545F491);
        var psi = Matrix<double>.Build.DenseOfRowArrays(x.Select(p => { var v = new double[lattice.FeatureCount]; lattice.ScaledFeatures(p, v); return v; }));
        var ridge = new FeatureRidge(lattice.FeatureCount);
        ridge.Add(psi, Vector<double>.Build.Dense(n, _ => 2 * rng.NextDouble() - 1));
        var gamma = ridge.Solve(Math.Pow(10, -2 + 2 * rng.NextDouble()));
        return gamma.Select((g, i) => i == 0 ? g : g * Math.Sqrt(2 * lattice.EigenvalueOf(i))).ToArray();
    }

    /// <summary>
    /// For every group of dimension d (and translation of the last coordinate): f_G(g x) = f_G(x) bit for bit,
    /// and f_G(x) equals the explicit average of f over the group (translations: over R + 1 equally spaced
    /// shifts, which average every mode with 0 &lt; |k_j| &lt;= R to zero) within 8 eps F (1 + pi R) sum |c|:
    /// each of the F features at g x or at a shifted point rounds by a few ulps (a shift by up to 2 moves
    /// pi k_j x_j by up to pi R ulps). With <paramref name="project"/> false the coefficients are left
    /// unprojected (the premise dropped): canonical points keep the bits, but the average is lost.
    /// </summary>
    private static Property SymmetrisedIsTheGroupAverage(Coverage coverage, int seed, int dRaw, int nRaw, bool project)
    {
        int d = Dimension(dRaw);
        var lattice = new FrequencyLattice(d, Radius(d), (d + 1) / 2.0);
        var c = PlainFit(lattice, seed, Size(nRaw, 2, 6));
        var f = new InvariantTarget(lattice, c);
        double tol = 8 * Eps * lattice.FeatureCount * (1 + Math.PI * lattice.Radius) * c.Sum(Math.Abs);
        var probe = Points(seed + 11, 2, d);
        var failures = new List<string>();
        bool plainVaries = false;
        foreach (var group in TorusGroup.TestGroups(d))
        {
            var sub = InvariantSubspace.ForGroup(lattice, group);
            var fg = SymmetrisedPredictor.ForGroup(sub, group, c);
            Func<double[], double> eval = project ? fg.Evaluate : x => f.Evaluate(group.Canonical(x));
            foreach (var x in probe)
            {
                double value = eval(x), average = group.Elements.Sum(g => f.Evaluate(g.Act(x))) / group.Order;
                plainVaries |= group.Elements.Any(g => Math.Abs(f.Evaluate(g.Act(x)) - f.Evaluate(x)) > tol);
                if (Math.Abs(value - average) > tol) failures.Add($"{group}: f_G(x) = {value:R} but the group average is {average:R} at x = {Show(x)}");
                foreach (var g in group.Elements)
                    if (BitConverter.DoubleToInt64Bits(eval(g.Act(x))) != BitConverter.DoubleToInt64Bits(value))
                        failures.Add($"{group}: f_G(g x) = {eval(g.Act(x)):R} != f_G(x) = {value:R}, g = {g}, x = {Show(x)}");
            }
        }
        if (d >= 2 && project)
        {
            var kt = new TranslationAveragedKernel(d, lattice.Radius, lattice.Smoothness, d - 1);
            var ft = SymmetrisedPredictor.ForTranslation(InvariantSubspace.ForTranslation(lattice, d - 1), c);
            int m = lattice.Radius + 1;
            foreach (var x in probe)
            {
                double value = ft.Evaluate(x), average = Enumerable.Range(0, m).Sum(l => f.Evaluate(kt.Translate(x, 2.0 * l / m))) / m;
                if (Math.Abs(value - average) > tol) failures.Add($"translation: f_T(x) = {value:R} but the shift average is {average:R} at x = {Show(x)}");
                double shifted = ft.Evaluate(kt.Translate(x, 0.3 + seed % 7));
                if (BitConverter.DoubleToInt64Bits(shifted) != BitConverter.DoubleToInt64Bits(value))
                    failures.Add($"translation: f_T(x + t e) = {shifted:R} != f_T(x) = {value:R} at x = {Show(x)}");
            }
        }
        return coverage.Case((failures.Count == 0).Label($"D = {d}, seed {seed}: " + string.Join("; ", failures.Take(2))),
            ("the plain predictor is not invariant there", plainVaries), ("D >= 2 (a group of order > 2 and translation)", d >= 2));
    }

    [Fact]
    public void Symmetrised_predictor_is_invariant_and_is_the_group_average()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.8, "the plain predictor is not invariant there", "where the plain predictor is already invariant, symmetrising has nothing to do")
            .AtLeast(0.4, "D >= 2 (a group of order > 2 and translation)", "in D = 1 the only group is a reflection");
        // D >= 2 is two thirds of the cases: 40 random cases fall below 40% in about 1 run in 4,000 (24 of 100,000
        // simulated runs of the generator); the plain predictor varied in 1,000 of 1,000 cases.
        coverage.Check(Prop.ForAll<int, int, int>((s, d, n) => SymmetrisedIsTheGroupAverage(coverage, s, d, n, true)), maxTest: 40);
    }

    /// <summary>Negative control: the unprojected predictor read at canonical points is invariant but is not the group average.</summary>
    [Fact]
    public void Canonical_points_alone_do_not_symmetrise()
    {
        var found = NegativeControl.Require(Prop.ForAll<int, int, int>((s, d, n) => SymmetrisedIsTheGroupAverage(new Coverage(output), s, d, n, false)), output);
        Assert.Contains("group average", found.Labels);
    }

    /// <summary>
    /// For an invariant target, symmetrising never raises the risk: ||P c - c*|| = ||P (c - c*)|| &lt;= ||c - c*||
    /// in the Parseval norm (P an orthogonal projection, P c* = c*); slack 1e-12 relative for rounding of
    /// the two Parseval sums. With a non-invariant target (premise dropped) it can.
    /// </summary>
    private static Property SymmetrisingDoesNotRaiseRisk(Coverage coverage, int seed, int dRaw, bool invariantTarget)
    {
        int d = Dimension(dRaw);
        var lattice = new FrequencyLattice(d, Radius(d), (d + 1) / 2.0);
        var group = TorusGroup.TestGroups(d)[^1];
        var sub = InvariantSubspace.ForGroup(lattice, group);
        var rng = new Random(seed);
        var target = invariantTarget
            ? InvariantTarget.Draw(sub, d, 0.2, rng).Coefficients
            : Enumerable.Range(0, lattice.FeatureCount).Select(_ => Torus.Gaussian(rng) / lattice.FeatureCount).ToArray();
        var c = PlainFit(lattice, seed, 4);
        double plain = InvariantTarget.SquaredDistance(lattice, c, target);
        double sym = InvariantTarget.SquaredDistance(lattice, SymmetrisedPredictor.Project(sub, c), target);
        return coverage.Case((sym <= plain * (1 + 1e-12))
            .Label($"D = {d}, {group.Name}, seed {seed}: risk of f_G {sym:R} > risk of f {plain:R}"),
            ("symmetrising cut the risk by over 1%", sym < 0.99 * plain));
    }

    [Fact]
    public void Symmetrising_never_raises_the_risk_for_an_invariant_target()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.4, "symmetrising cut the risk by over 1%", "an equal risk only checks <= at equality");
        coverage.Check(Prop.ForAll<int, int>((s, d) => SymmetrisingDoesNotRaiseRisk(coverage, s, d, true)));
    }

    /// <summary>Negative control: for a target that is not invariant, symmetrising can raise the risk.</summary>
    [Fact]
    public void Symmetrising_can_raise_the_risk_for_a_non_invariant_target() =>
        NegativeControl.Require(Prop.ForAll<int, int>((s, d) => SymmetrisingDoesNotRaiseRisk(new Coverage(output), s, d, false)), output);
}
