using FsCheck;
using FsCheck.Fluent;
using SymmetryProofs.Kernels;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;
using static SymmetryProofs.Properties.Kernels.KernelFixtures;

namespace SymmetryProofs.Properties.Kernels;

/// <summary>The closed-form Mercer spectra of the torus kernels (<see cref="TorusSpectra"/>).</summary>
public class TorusSpectraProperties(ITestOutputHelper output)
{
    /// <summary>Every case of the experiment in dimension d: each finite group, then translation (index = count).</summary>
    private static (KernelSpectrum Plain, KernelSpectrum Invariant, InvariantSubspace Sub, string Name) Case(int d, int index, int radius, bool untruncated)
    {
        double s = (d + 1) / 2.0;
        var lattice = new FrequencyLattice(d, radius, s);
        var groups = TorusGroup.TestGroups(d);
        if (index < groups.Count)
        {
            var (p, i) = TorusSpectra.ForGroup(d, s, radius, groups[index], 0.2, untruncated);
            return (p, i, InvariantSubspace.ForGroup(lattice, groups[index]), groups[index].Name);
        }
        var (pt, it) = TorusSpectra.ForTranslation(d, s, radius, d - 1, 0.2, untruncated);
        return (pt, it, InvariantSubspace.ForTranslation(lattice, d - 1), "translation");
    }

    private static int CaseCount(int d) => TorusGroup.TestGroups(d).Count + (d >= 2 ? 1 : 0);

    /// <summary>
    /// The multiplicity of w_m is the number of lattice points of the shell |k|^2 = m for the plain kernel and
    /// the number of G-orbits on them for K_G; both equal what <see cref="FrequencyLattice"/> and
    /// <see cref="InvariantSubspace"/> (which builds the averaging projection feature by feature) count per
    /// shell. Integers, compared exactly.
    /// </summary>
    private static Property MultiplicitiesMatch(Coverage coverage, int dRaw, int indexRaw, int rRaw, bool invariant)
    {
        int d = Dimension(dRaw);
        int index = Math.Abs(indexRaw % CaseCount(d));
        int radius = Size(rRaw, 1, Radius(d));
        var (plain, inv, sub, name) = Case(d, index, radius, false);
        var lattice = sub.Lattice;
        long[] Count(IEnumerable<int> features)
        {
            var c = new long[radius * radius + 1];
            foreach (int i in features) c[FrequencyLattice.Norm2(lattice.FrequencyOf(i))]++;
            return c;
        }
        var expected = invariant ? Count(sub.Columns.Select(col => col[0].Index)) : Count(Enumerable.Range(0, lattice.FeatureCount));
        var levels = inv.Levels; // the invariant spectrum; the negative control reads its multiplicities as if they were the plain ones
        var bad = levels.Where(l => (long)l.Multiplicity != expected[Shell(lattice, l.Eigenvalue)]).ToList();
        bool plainOk = !invariant || plain.Levels.All(l => (long)l.Multiplicity == Count(Enumerable.Range(0, lattice.FeatureCount))[Shell(lattice, l.Eigenvalue)]);
        return coverage.Case((bad.Count == 0 && plainOk && levels.Sum(l => l.Multiplicity) == expected.Sum())
            .Label($"D = {d}, {name}, R = {radius}: " + string.Join("; ", bad.Take(3).Select(l => $"shell |k|^2 = {Shell(lattice, l.Eigenvalue)}: spectrum says {l.Multiplicity}, lattice counts {expected[Shell(lattice, l.Eigenvalue)]}"))),
            ("some eigenvalue degenerate", levels.Any(l => l.Multiplicity > 1)), ("averaging removed modes", inv.ModeCount < plain.ModeCount), ("D = 3", d == 3));
    }

    private static int Shell(FrequencyLattice lattice, double eigenvalue) =>
        Enumerable.Range(0, lattice.Radius * lattice.Radius + 1).First(m => lattice.Weight(m) == eigenvalue);

    [Fact]
    public void Multiplicities_are_lattice_points_and_orbits_per_shell()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.8, "averaging removed modes", "where K_G keeps every mode the orbit count is the lattice count again")
            .AtLeast(0.15, "D = 3", "the 3-D groups are the richest orbit structure");
        // D = 3 is a third of the cases: 60 random cases fall below 15% in about 1 run in 2,000 (51 of 100,000
        // simulated runs of the generator).
        coverage.Check(Prop.ForAll<int, int, int>((d, i, r) => MultiplicitiesMatch(coverage, d, i, r, true)), maxTest: 60);
    }

    /// <summary>Negative control: the averaged kernel's multiplicities are not the plain lattice counts (it drops the non-invariant modes).</summary>
    [Fact]
    public void Averaged_multiplicities_are_not_the_plain_ones()
    {
        var found = NegativeControl.Require(Prop.ForAll<int, int, int>((d, i, r) => MultiplicitiesMatch(new Coverage(output), d, i, r, false)), output);
        Assert.Contains("R = 1", found.Labels);
    }

    /// <summary>
    /// The Burnside tail stands in for the lattice beyond R: the untruncated spectrum exact to R plus tail
    /// and exact to 2R plus tail predict the same optimal-ridge risk at n = 2^10, 2^20, 2^30. Tolerance 1%: the
    /// tail's error is the lattice-point discrepancy of the shells it replaces, relative O(1/R) of the
    /// tail's share; measured over every case, plain and invariant, at n = 2^10, 2^20, 2^30: at most 0.71%
    /// at these radii (R = 128, 24, 12 in D = 1, 2, 3; the worst is D = 3 translation, a 2-D sublattice).
    /// </summary>
    private static Property TailAgrees(Coverage coverage, int dRaw, int indexRaw, bool withTail)
    {
        int d = Dimension(dRaw);
        int index = Math.Abs(indexRaw % CaseCount(d));
        int radius = d switch { 1 => 128, 2 => 24, _ => 12 };
        var small = Case(d, index, radius, withTail);
        var large = Case(d, index, 2 * radius, true);
        var failures = new List<string>();
        foreach (double n in new[] { 1 << 10, 1 << 20, 1 << 30 })
        {
            double a = LearningCurveTheory.OptimalRidge(small.Invariant, n, 9e-4).ExcessRisk;
            double b = LearningCurveTheory.OptimalRidge(large.Invariant, n, 9e-4).ExcessRisk;
            if (Math.Abs(a / b - 1) > 0.01)
                failures.Add($"D = {d}, {small.Name}, n = {n}: risk with exact shells to R = {radius} {(withTail ? "+ tail" : "only")} {a:G6}, to {2 * radius} + tail {b:G6}");
        }
        return coverage.Case((failures.Count == 0).Label(string.Join("; ", failures)),
            ("translation", small.Name == "translation"), ("D = 3", d == 3));
    }

    [Fact]
    public void Untruncated_tail_matches_more_exact_shells()
    {
        // Six cases are what the exact shells cost; with D drawn from three values, a random sample lacks D = 3 about one run in
        // eleven (CI met one), so the cases are fixed by a replay seed and the D = 3 share is checked on them.
        var coverage = new Coverage(output).AtLeast(0.1, "D = 3", "the tail replaces the most shells in D = 3");
        coverage.Check(Prop.ForAll<int, int>((d, i) => TailAgrees(coverage, d, i, true)), maxTest: 6, replay: "20261130,1");
    }

    /// <summary>Negative control: without the tail (the kernel truncated at R) the large-n risk differs.</summary>
    [Fact]
    public void Truncated_spectrum_misses_the_large_n_risk()
    {
        var found = NegativeControl.Require(Prop.ForAll<int, int>((d, i) => TailAgrees(new Coverage(output), d, i, false)), output);
        output.WriteLine(found.Labels);
    }
}
