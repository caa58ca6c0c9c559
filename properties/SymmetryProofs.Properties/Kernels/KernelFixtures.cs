using FsCheck;
using FsCheck.Fluent;
using SymmetryProofs.Kernels;
using SymmetryProofs.IO;
using SymmetryProofs.Properties.Support;

namespace SymmetryProofs.Properties.Kernels;

/// <summary>
/// Plain data for the kernel properties: a generated seed and size become points on the torus
/// here, never in a shared generator. Small truncation radii keep every property fast.
/// </summary>
internal static class KernelFixtures
{
    public static int Dimension(int raw) => 1 + Math.Abs(raw % 3);
    public static int Size(int raw, int min, int max) => min + Math.Abs(raw % (max - min + 1));
    public static int Radius(int d) => d switch { 1 => 8, 2 => 4, _ => 3 };
    public static SpectralKernel Kernel(int d) => new(d, Radius(d), (d + 1) / 2.0);

    /// <summary>Points drawn from the seed; every other one is snapped to a grid of step 1/4 so
    /// that fixed points of the group actions (0, +-1/2, -1) and orbit ties are exercised too.</summary>
    public static List<double[]> Points(int seed, int count, int d)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var x = Torus.Uniform(rng, d);
            return i % 2 == 1 ? x.Select(v => Torus.Wrap(Math.Round(4 * v) / 4)).ToArray() : x;
        }).ToList();
    }

    public static string Show(double[] x) => Format.Vector(x);

    /// <summary>
    /// Negative control: a property of a seed that should NOT hold. FsCheck (fixed replay seed,
    /// so the search is reproducible) must falsify it by a false result, never by an exception,
    /// and the shrunk seed must falsify it again on replay (<see cref="NegativeControl"/>).
    /// Returns FsCheck's report with the property's label, for the test's assertion.
    /// </summary>
    public static string AssertFalsified(Func<int, Property> property)
    {
        var found = NegativeControl.Require(ArbMap.Default.ArbFor<int>(), property, output: null, maxTest: 200, replay: "12345,67891");
        return found.Message;
    }
}
