using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// Everything that determines the numbers of `hessian bench` (and its --sweep): the nets, the data
/// size, the repeats, the R-operator's chunk, the torch thread count, and the limits beyond which a
/// phase is extrapolated instead of run. Its fingerprint decides which checkpointed nets a resumed sweep reuses.
/// </summary>
public sealed record BenchSettings(
    IReadOnlyList<string> Nets, int Samples, int Repeats, bool WithBiases, long? ChunkElements,
    double MaxPhaseSeconds, double MaxMemoryMb, double BudgetSeconds, double BudgetMb, int Seed, int Threads, int Protocol = 1)
{
    /// <summary>The paper's 64-10-5-10 net: 765 parameters with biases, 740 without.</summary>
    public const string PaperNet = "64-10-5-10";

    /// <summary>About 765, 1,600, 3,100 and 10,000 parameters (with biases) on 64 inputs and 10 classes.</summary>
    public static readonly string[] DefaultSweep = [PaperNet, "64-20-10-10", "64-36-16-10", "64-110-25-10"];

    /// <summary>Tiny nets for --quick: seconds in all.</summary>
    public static readonly string[] QuickSweep = ["64-2-2-10", "64-4-3-10", "64-8-5-10"];

    /// <summary>
    /// The seed of the synthetic data's stream ("hessian-bench"): fixed, so every bench and every net of a sweep times the
    /// same data, and so the committed bench reports' settings (and checkpoint fingerprints) stay those they were made with.
    /// </summary>
    public const int DataSeed = 2019;

    /// <summary>The digits' sample count (train + test of optdigits' pre-split files, as in the paper).</summary>
    public const int DigitsSamples = 8985;

    /// <summary>Parses "64-10-5-10" into widths: at least an input and an output layer, every width at least 1, at least 2 classes.</summary>
    public static int[] Widths(string net)
    {
        var parts = net.Split('-');
        var widths = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out widths[i]) || widths[i] < 1)
                throw new InputException($"--nets: got '{net}'; expected layer widths (positive integers) joined by '-', e.g. {PaperNet}.");
        if (widths.Length < 2) throw new InputException($"--nets: got '{net}'; expected at least an input and an output width, e.g. {PaperNet}.");
        if (widths[^1] < 2) throw new InputException($"--nets: got '{net}'; expected at least 2 output classes.");
        return widths;
    }

    /// <summary>
    /// Limits before work: the gradient and HVP timings hold a few parameter-sized vectors (weights, gradient,
    /// direction, product) and a few sample-by-width activation copies (forward, backward, R-operator); the
    /// full Hessian is extrapolated past --max-memory-mb, so it is not counted here.
    /// </summary>
    private void CheckMemory(string net, int[] widths)
    {
        long parameters = 0, units = 0;
        for (int i = 0; i + 1 < widths.Length; i++) parameters = MemoryBudget.Sum(parameters, MemoryBudget.Product(widths[i] + (WithBiases ? 1L : 0L), widths[i + 1]));
        foreach (var w in widths) units = MemoryBudget.Sum(units, w);
        MemoryBudget.Check($"--nets {net}", MemoryBudget.Sum(MemoryBudget.Product(4, parameters, MemoryBudget.Double), MemoryBudget.Product(4, Math.Max(Samples, 1), units, MemoryBudget.Double)),
            $"{parameters} parameters and activations of {Samples} samples");
    }

    /// <summary>Throws an <see cref="InputException"/> naming the first bad option.</summary>
    public void Validate()
    {
        if (Nets.Count == 0) throw new InputException("--nets: got no nets; expected widths like 64-10-5-10, separated by commas.");
        foreach (var net in Nets) CheckMemory(net, Widths(net));
        if (Nets.Distinct().Count() != Nets.Count) throw new InputException($"--nets: '{Nets.GroupBy(n => n).First(g => g.Count() > 1).Key}' appears twice; expected distinct nets.");
        if (Samples < 1) throw new InputException($"--samples: got {Samples}; expected at least 1.");
        if (Repeats < 1) throw new InputException($"--repeats: got {Repeats}; expected at least 1.");
        if (ChunkElements is < 1) throw new InputException($"--chunk-elements: got {ChunkElements}; expected at least 1.");
        if (!(MaxPhaseSeconds > 0)) throw new InputException($"--max-phase-seconds: got {MaxPhaseSeconds}; expected a positive number.");
        if (!(MaxMemoryMb > 0)) throw new InputException($"--max-memory-mb: got {MaxMemoryMb}; expected a positive number.");
        if (!(BudgetSeconds > 0)) throw new InputException($"--budget-seconds: got {BudgetSeconds}; expected a positive number.");
        if (!(BudgetMb > 0)) throw new InputException($"--budget-mb: got {BudgetMb}; expected a positive number.");
        if (Threads < 1) throw new InputException($"--threads: got {Threads}; expected at least 1.");
    }
}
