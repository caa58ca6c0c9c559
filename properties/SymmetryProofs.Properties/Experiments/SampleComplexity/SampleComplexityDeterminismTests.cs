using SymmetryProofs.Experiments.SampleComplexity;

namespace SymmetryProofs.Properties.Experiments.SampleComplexity;

/// <summary>
/// A (D, seed) unit gives the same bits whichever thread runs it and whatever runs beside it: the
/// D = 1 units of the quick design (small tensors, the case where libtorch never initialises a
/// worker thread's thread count by itself) run one after the other on the test thread and then
/// concurrently on fresh threads, as the sweep's --jobs and shards run them.
/// </summary>
public class SampleComplexityDeterminismTests
{
    [Fact]
    public void D1_units_run_concurrently_on_fresh_threads_equal_one_after_the_other_bit_for_bit()
    {
        var design = SampleComplexityDesign.Create(quick: true, seeds: 2, maxLog2: 8);
        SymmetryProofs.Runtime.TorchSetup.Initialise();
        var plan = SampleComplexityTruncation.Plan(design).Single(p => p.D == 1);
        int[] seeds = [0, 1, 2];
        // The reference thread runs libtorch with the one thread TorchSetup promises, whichever thread xunit gave this test.
        TorchSharp.torch.set_num_threads(1);
        var reference = seeds.Select(seed => SampleComplexityCurve.Run(1, seed, design, plan)).ToList();
        var concurrent = new List<CurvePoint>[seeds.Length];
        var threads = seeds.Select((seed, i) => new Thread(() => concurrent[i] = SampleComplexityCurve.Run(1, seed, design, plan))).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        for (int i = 0; i < seeds.Length; i++)
        {
            Assert.Equal(reference[i].Count, concurrent[i].Count);
            for (int k = 0; k < reference[i].Count; k++)
            {
                var (a, b) = (reference[i][k], concurrent[i][k]);
                Assert.True(Bits(a) == Bits(b), $"seed {seeds[i]}, {a.Group} {a.Estimator} n = {a.N}: {a} against {b}");
            }
        }
    }

    private static string Bits(CurvePoint p) => string.Join(",", new[] { p.Risk, p.Nu, p.ValidationMse, p.RiskPredicted }.Select(BitConverter.DoubleToInt64Bits)) + $";{p.Radius}";
}
