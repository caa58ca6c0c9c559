using FsCheck;
using FsCheck.Fluent;
using SymmetryProofs.Kernels;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Kernels;

/// <summary><see cref="FrequencyLattice.LargestDroppedEigenvalue"/> against the lattice points themselves.</summary>
public class FrequencyLatticeTests(ITestOutputHelper output)
{
    /// <summary>
    /// The largest weight over the integer points of the box [-(R + 2), R + 2]^D outside the ball of radius R (the
    /// smallest |k| &gt; R lies in it: (R + 1, 0, ..., 0) does), equal bit for bit: both are the same weight function of an
    /// integer |k|^2. <paramref name="claimed"/> is the value under test.
    /// </summary>
    private static Property DroppedEigenvalueIsTheLargestOutsideTheBall(int dRaw, int rRaw, Func<FrequencyLattice, double> claimed, Coverage? coverage = null)
    {
        int d = 1 + Math.Abs(dRaw % 3), radius = 1 + Math.Abs(rRaw % 12), box = radius + 2;
        var lattice = new FrequencyLattice(d, radius, (d + 1) / 2.0);
        int smallest = int.MaxValue;
        var k = new int[d];
        void Visit(int j)
        {
            if (j == d)
            {
                int norm2 = FrequencyLattice.Norm2(k);
                if (norm2 > radius * radius) smallest = Math.Min(smallest, norm2);
                return;
            }
            for (int v = -box; v <= box; v++) { k[j] = v; Visit(j + 1); }
        }
        Visit(0);
        double expected = lattice.Weight(smallest), actual = claimed(lattice);
        var verdict = (actual == expected, $"D = {d}, R = {radius}: {actual:R} against the weight {expected:R} at |k|^2 = {smallest}");
        return coverage is null ? Prop.Label(verdict.Item1, verdict.Item2) : coverage.Case(verdict, ("D = 1", d == 1));
    }

    [Fact]
    public void The_largest_dropped_eigenvalue_is_the_weight_of_the_nearest_lattice_point_outside_the_ball()
    {
        var coverage = new Coverage(output).AtLeast(0.2, "D = 1", "the one dimension where R^2 + 1 is not a squared norm");
        coverage.Check(Prop.ForAll<int, int>((d, r) => DroppedEigenvalueIsTheLargestOutsideTheBall(d, r, l => l.LargestDroppedEigenvalue(), coverage)));
    }

    /// <summary>Negative control: the weight at |k|^2 = R^2 + 1, which no lattice point has in D = 1, is told apart.</summary>
    [Fact]
    public void The_weight_at_R_squared_plus_one_is_wrong_in_one_dimension()
    {
        var found = NegativeControl.Require(Prop.ForAll<int, int>((d, r) => DroppedEigenvalueIsTheLargestOutsideTheBall(d, r, l => l.Weight(l.Radius * l.Radius + 1))), output);
        Assert.Contains("D = 1", found.Labels);
    }
}
