using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Symmetry;
using SymmetryProofs.Features;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// Everything that differs between the two groups: data, network widths, invariant features and
/// the sampling schedules. Every number here is a protocol choice and is printed in the report.
/// </summary>
internal sealed class HessianProblem
{
    public required HessianGroup GroupId { get; init; }
    public required LieGroupAction Group { get; init; }
    public required int Samples { get; init; }
    public required int Hidden { get; init; }
    public required int FineK { get; init; }
    public required int CoarseK { get; init; }
    public required int RandomM { get; init; }
    public required int[] KSweep { get; init; }
    public required int[] RateSweep { get; init; }
    /// <summary>
    /// Grids beyond the fine K, in increasing order, each trained only while the seed's previous grid (the fine one, then
    /// the previous of these) leaves the orbit unresolved, warm-started there. The full translations protocol continues
    /// to 3/2 and 2 times the fine K (the cap: 4 times its samples); the quick protocols and SO(2) have none.
    /// </summary>
    public int[] Extension { get; init; } = [];
    public required int RoamSteps { get; init; }
    public required int RoamBatch { get; init; }
    /// <summary>
    /// The solver's |grad|_2 target. The orbit is only as flat as the point is critical: at |grad| = g the
    /// tangent curvature is resolved to about g / |W A|, so translations, whose fine grid must bring the
    /// curvature to 1e-6 of lambda_max, train to 1e-9; SO(2) keeps 1e-8 (its curvature falls far below that).
    /// </summary>
    public double GradientTolerance { get; init; } = 1e-8;
    public required string DataDescription { get; init; }
    public required string InvariantDescription { get; init; }
    private Func<int, LabelledSet> baseSet = null!;
    private Func<Vector<double>, Vector<double>> invariant = null!;

    public LabelledSet BaseSet(int seed) => baseSet(seed);

    public int[] Widths(LabelledSet set) => new[] { set.Dimension, Hidden, set.Classes };

    /// <summary>Invariant features, standardised per coordinate over the training set (an affine map keeps invariance).</summary>
    public LabelledSet InvariantSet(LabelledSet set)
    {
        var phi = set.Select(invariant);
        var m = phi.Inputs;
        var mean = Enumerable.Range(0, m.ColumnCount).Select(j => m.Column(j).Average()).ToArray();
        var sd = Enumerable.Range(0, m.ColumnCount).Select(j => Math.Sqrt(m.Column(j).Select(v => (v - mean[j]) * (v - mean[j])).Average())).ToArray();
        return new LabelledSet(Matrix<double>.Build.Dense(m.RowCount, m.ColumnCount, (i, j) => sd[j] > 0 ? (m[i, j] - mean[j]) / sd[j] : 0), set.Labels, set.Classes);
    }

    /// <summary>The protocol of <paramref name="group"/>; <paramref name="hidden"/>, when given, replaces its hidden width.</summary>
    public static HessianProblem Create(HessianGroup group, bool quick, string? dataDir, bool keepFixedModes, int? fineK = null, int? hidden = null) => group switch
    {
        HessianGroup.So2 => new HessianProblem
        {
            GroupId = HessianGroup.So2,
            Group = new So2Action(),
            Samples = quick ? 48 : 150,
            Hidden = hidden ?? (quick ? 6 : 8),
            FineK = fineK ?? (quick ? 128 : 256),
            CoarseK = 4,
            RandomM = 8,
            KSweep = SweepUpTo(quick ? new[] { 2, 4, 8, 16, 24, 32, 48, 64, 96, 128 } : new[] { 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256 }, fineK),
            RateSweep = quick ? new[] { 1, 4, 16, 64 } : new[] { 1, 2, 4, 8, 16, 32, 64, 128 },
            RoamSteps = quick ? 4000 : 40000,
            RoamBatch = 32,
            DataDescription = "three rings in the plane (class = ring of the radius, radii in [0.05, 0.45), [0.55, 0.95), [1.05, 1.45)), angles uniform",
            InvariantDescription = "|x|^2 (the SO(2) invariant), standardised",
        }.With(seed => So2Rings.Generate(quick ? 48 : 150, 3, SeedStreams.For(seed, "data")), x => So2Action.RadiusSquared(x)),
        HessianGroup.Translations => TranslationsProblem(quick, dataDir, keepFixedModes, fineK, hidden),
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    /// <summary>The protocol's sweep, or with --fine-k its points below K and K itself (the sweep ends at the fine run).</summary>
    private static int[] SweepUpTo(int[] sweep, int? fineK) =>
        fineK is { } k ? sweep.Where(x => x < k).Append(k).ToArray() : sweep;

    /// <summary>3/2 and 2 times the fine K (each a grid of its own; 2K contains the fine grid as a subgroup).</summary>
    private static int[] ExtensionOf(int fineK) => [fineK * 3 / 2, fineK * 2];

    private static HessianProblem TranslationsProblem(bool quick, string? dataDir, bool keepFixedModes, int? fineK, int? hidden)
    {
        var group = new TorusTranslations(8, 8);
        var fixedModes = group.FixedSubspace();
        var projector = Matrix<double>.Build.DenseIdentity(64) - fixedModes * fixedModes.Transpose();
        var dir = DataDirectory.Resolve(dataDir);
        var all = Optdigits.LoadVerified(dir);
        int n = 12;
        var spectrum = new TorusPowerSpectrum(8, 8);
        return new HessianProblem
        {
            GroupId = HessianGroup.Translations,
            Group = group,
            Samples = n,
            Hidden = hidden ?? 3,
            FineK = fineK ?? (quick ? 32 : 128),
            CoarseK = 4,
            RandomM = 16,
            KSweep = SweepUpTo(quick ? new[] { 2, 4, 8, 16, 32 } : new[] { 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128 }, fineK),
            RateSweep = quick ? new[] { 4, 16, 64 } : new[] { 1, 4, 16, 64, 256 },
            Extension = quick ? [] : ExtensionOf(fineK ?? 128),
            RoamSteps = quick ? 2000 : 20000,
            RoamBatch = 64,
            GradientTolerance = 1e-9,
            // The folder relative to the working directory: a committed report names no machine's absolute path.
            DataDescription = $"{n} digits drawn without replacement (seeded) from optdigits.tes in {dir.Shown}, x = v/8 - 1, 10 classes" +
                (keepFixedModes ? "; the 4 translation-fixed modes (DC and Nyquist products) kept (--keep-fixed-modes)" : "; the 4 translation-fixed modes (DC and Nyquist products) projected out, so that a first layer fixed by the group sees nothing (without this the optimum sits at a fixed point, see docs/hessian.md)"),
            InvariantDescription = "2-D power spectrum |X(k1,k2)|^2/64 over 34 conjugate-pair representatives, standardised",
        }.With(seed =>
        {
            var rng = SeedStreams.For(seed, "data");
            var idx = Enumerable.Range(0, all.Count).OrderBy(_ => rng.Next()).Take(n).ToArray();
            return new LabelledSet(Matrix<double>.Build.DenseOfRowVectors(idx.Select(i => keepFixedModes ? all.Input(i) : projector * all.Input(i))), idx.Select(i => all.Labels[i]).ToArray(), 10);
        }, spectrum.Apply);
    }

    private HessianProblem With(Func<int, LabelledSet> data, Func<Vector<double>, Vector<double>> features)
    {
        baseSet = data;
        invariant = features;
        return this;
    }
}
