using SymmetryProofs.Kernels;

namespace SymmetryProofs.Properties;

/// <summary>
/// A small kernel spectrum as plain data: level j has eigenvalue 10^(-EigenQuarters[j]/4),
/// Multiplicities[j] modes and target mass PowerPercent[j]/100; n samples and ridge 10^(RidgeQuarters/4).
/// </summary>
public sealed record SpectrumCase(int[] EigenQuarters, int[] Multiplicities, int[] PowerPercent, int N, int RidgeQuarters)
{
    public double Ridge => Math.Pow(10, RidgeQuarters / 4.0);
    public int ModeCount => Multiplicities.Sum();

    public KernelSpectrum ToSpectrum() => new("generated",
        EigenQuarters.Select((e, j) => new SpectrumLevel(Math.Pow(10, -e / 4.0), Multiplicities[j], PowerPercent[j] / 100.0)));

    /// <summary>Every mode's eigenvalue, multiplicities expanded (for brute-force sums).</summary>
    public double[] Modes() => EigenQuarters.SelectMany((e, j) => Enumerable.Repeat(Math.Pow(10, -e / 4.0), Multiplicities[j])).ToArray();

    public override string ToString() =>
        $"eigenvalues [{string.Join(", ", EigenQuarters.Select((e, j) => $"{Math.Pow(10, -e / 4.0):G3} (x{Multiplicities[j]}, target mass {PowerPercent[j] / 100.0:G2})"))}], n = {N}, ridge = {Ridge:G3}";

    /// <summary>Fewer levels, then multiplicity 1, eigenvalue 1, mass 1, fewer samples, ridge 1: each step simpler, so shrinking ends.</summary>
    public IEnumerable<SpectrumCase> Shrink()
    {
        if (EigenQuarters.Length > 1)
            for (int j = 0; j < EigenQuarters.Length; j++)
                yield return new SpectrumCase(Without(EigenQuarters, j), Without(Multiplicities, j), Without(PowerPercent, j), N, RidgeQuarters);
        for (int j = 0; j < EigenQuarters.Length; j++)
        {
            if (Multiplicities[j] > 1) yield return this with { Multiplicities = With(Multiplicities, j, 1) };
            if (EigenQuarters[j] != 0) yield return this with { EigenQuarters = With(EigenQuarters, j, 0) };
            if (PowerPercent[j] != 100) yield return this with { PowerPercent = With(PowerPercent, j, 100) };
        }
        if (N > 1) { yield return this with { N = 1 }; if (N > 2) yield return this with { N = N / 2 }; }
        if (RidgeQuarters != 0) yield return this with { RidgeQuarters = 0 };
    }

    private static int[] Without(int[] a, int j) => a.Where((_, i) => i != j).ToArray();
    private static int[] With(int[] a, int j, int v) { var b = a.ToArray(); b[j] = v; return b; }
}

/// <summary>
/// A tiny KRR problem for the Monte-Carlo check of the learning-curve theory: dimension D (1 or 2),
/// one of <see cref="SymmetryProofs.Kernels.TorusGroup.TestGroups"/>(D), n samples, per-sample penalty
/// nu = 10^(NuQuarters/4), and the seed of the repetitions.
/// </summary>
public sealed record KrrProblem(int D, int GroupIndex, int N, int NuQuarters, int Seed)
{
    public double Nu => Math.Pow(10, NuQuarters / 4.0);

    public override string ToString() => $"D = {D}, group #{GroupIndex}, n = {N}, nu = {Nu:G3}, seed {Seed}";

    /// <summary>Towards D = 1, the first group, fewer samples, nu = 0.01, seed 0.</summary>
    public IEnumerable<KrrProblem> Shrink()
    {
        if (D > 1) yield return this with { D = 1, GroupIndex = 0 };
        if (GroupIndex > 0) yield return this with { GroupIndex = 0 };
        if (N > 2) yield return this with { N = N / 2 };
        if (NuQuarters != -8) yield return this with { NuQuarters = -8 };
        if (Seed != 0) yield return this with { Seed = 0 };
    }
}
