using SymmetryProofs.Experiments.Parsing;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// The settings that determine a hessian run's numbers (the fingerprint): group, protocol size,
/// penalty, fixed modes, fine K, hidden width (null: the protocol's) and the <see cref="SpectrumPath"/>.
/// Version hessian/5: checkpointed results hold typed kinds, settings, groups and paths; translations train to |grad| &lt; 1e-9; on the
/// full path the Newton steps land along the group orbit and hand back to L-BFGS when they fall short (up to three rounds), so
/// runs that stopped short under hessian/4 now finish and every full-path point moves (earlier checkpoints are refused).
/// </summary>
public sealed record HessianSettings(HessianGroup Group, bool Quick, double Penalty, bool KeepFixedModes, int? FineK, int? Hidden = null,
    SpectrumPath Spectrum = SpectrumPath.Full, string Version = HessianSettings.CurrentVersion)
{
    public const string CurrentVersion = "hessian/5";

    /// <summary>Throws an <see cref="InputException"/> naming the first bad option: the one check of each.</summary>
    public HessianSettings Validated()
    {
        if (!(Penalty > 0) || !double.IsFinite(Penalty)) throw new InputException($"--penalty: got {Penalty}; expected a positive finite number (it lifts accidental flat directions).");
        if (FineK is < 2 or > 4096) throw new InputException($"--fine-k: got {FineK}; expected 2 to 4096 (a grid of one element is no augmentation).");
        if (Hidden is < 1 or > 100_000) throw new InputException($"--hidden: got {Hidden}; expected a hidden width from 1 to 100000.");
        if (KeepFixedModes && Group == HessianGroup.So2) throw new InputException("--keep-fixed-modes: applies to --group translations only (so2 has no image modes to keep).");
        if (Hidden is { } w)
        {
            // Limits before work: the net inputs-W-classes (at most 64 inputs and 10 classes for translations, 2 and 3 for so2) has n parameters;
            // the full path holds about five dense n x n copies at its peak (MemoryModel), the tangent path Lanczos bases of at most a few hundred n-vectors.
            long n = Group == HessianGroup.So2 ? MemoryBudget.Sum(MemoryBudget.Product(3, w), MemoryBudget.Product(3, w + 1L)) : MemoryBudget.Sum(MemoryBudget.Product(65, w), MemoryBudget.Product(10, w + 1L));
            bool dense = Spectrum is SpectrumPath.Full or SpectrumPath.Both || (Spectrum == SpectrumPath.Auto && n <= SpectrumPaths.AutoLimit);
            MemoryBudget.Check($"--hidden {w}", dense ? MemoryBudget.Product(5, n, n, MemoryBudget.Double) : MemoryBudget.Product(400, n, MemoryBudget.Double),
                dense ? $"five dense Hessians of {n} parameters, --spectrum {Spectrum.Name()}" : $"Lanczos bases of {n} parameters");
        }
        return this;
    }
}

/// <summary>
/// One setting as checkpointed: what its Hessian says and where it converged (warm starts and roaming start there);
/// both null for an extension grid that was not needed (the grid before it resolved the seed).
/// </summary>
internal sealed record HessianUnit(HessianResult? Result, double[]? Theta)
{
    /// <summary>An extension grid left untrained because the seed was resolved before it.</summary>
    public static HessianUnit NotNeeded { get; } = new(null, null);
}

/// <summary>
/// `hessian`: flat Hessian directions in augmented training (claims 9 and 10), run by the <see cref="Runner"/> as a
/// <see cref="HessianSweep"/>: every setting of every seed trained to a critical point and checkpointed, the reports
/// written once every seed is done. Returns 0 when the checks held.
/// </summary>
public static class HessianExperiment
{
    /// <summary>Runs the sweep into <see cref="RunOptions.Out"/>; the settings of a seed run one after another, whatever --jobs says.</summary>
    public static int Run(HessianSettings settings, RunOptions options, string? dataDir, IRunLog log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        // Settings run one at a time: two at once made libtorch fail with "Unknown scalar type" in CI (TorchSharp's
        // temporary Scalars are not safe under concurrent collection).
        if (options.Jobs > 1) log.Line("hessian: settings run one at a time (--jobs does not apply to this command).");
        return Runner.Run(new HessianSweep(dataDir), settings, options with { Jobs = 1 }, log);
    }

    /// <summary>How `merge` writes the reports of a sharded run (the data from the default directory, as for tables).</summary>
    public static MergeableExperiment Mergeable() => Runner.Mergeable(new HessianSweep(null));
}
