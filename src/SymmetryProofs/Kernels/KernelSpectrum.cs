namespace SymmetryProofs.Kernels;

/// <summary>
/// A kernel's Mercer spectrum under the data distribution, grouped by eigenvalue (levels), with
/// the target's expected mass on each eigenspace, and optionally an untruncated tail given by
/// densities (<see cref="SpectrumTail"/>). This is all the spectral learning-curve theory
/// (<see cref="LearningCurveTheory"/>) reads.
/// </summary>
public sealed class KernelSpectrum
{
    public string Name { get; }
    public IReadOnlyList<SpectrumLevel> Levels { get; }
    public SpectrumTail? Tail { get; }
    private readonly double[] _eigen, _count, _power;

    public KernelSpectrum(string name, IEnumerable<SpectrumLevel> levels, SpectrumTail? tail = null)
    {
        Name = name;
        Levels = levels.Where(l => l.Multiplicity > 0 || l.TargetPower > 0).OrderByDescending(l => l.Eigenvalue).ToArray();
        foreach (var l in Levels)
            if (!(l.Eigenvalue > 0) || !double.IsFinite(l.Eigenvalue) || !(l.Multiplicity >= 0) || !(l.TargetPower >= 0))
                throw new ArgumentException($"Spectrum '{name}': a level needs a positive finite eigenvalue and non-negative multiplicity and target power; got {l}.");
        foreach (var l in Levels)
            if (l.TargetPower > 0 && l.Multiplicity == 0)
                throw new ArgumentException($"Spectrum '{name}': target mass {l.TargetPower} on eigenvalue {l.Eigenvalue} which has no modes.");
        Tail = tail;
        _eigen = Levels.Select(l => l.Eigenvalue).ToArray();
        _count = Levels.Select(l => l.Multiplicity).ToArray();
        _power = Levels.Select(l => l.TargetPower).ToArray();
    }

    /// <summary>Number of modes; infinite with a tail.</summary>
    public double ModeCount => Tail is null ? _count.Sum() : double.PositiveInfinity;

    /// <summary>sum_i lambda_i (= K(x, x) for a translation-invariant kernel on the torus).</summary>
    public double Trace => _eigen.Zip(_count, (l, m) => l * m).Sum() + (Tail?.Trace() ?? 0);

    /// <summary>sum_i E v_i^2 = E ||f*||^2, the excess risk of the zero predictor.</summary>
    public double TargetPower => _power.Sum() + (Tail?.TargetPower() ?? 0);

    public SpectrumMoments Moments(double kappa)
    {
        var m = new SpectrumMoments();
        for (int i = 0; i < _eigen.Length; i++)
        {
            double l = _eigen[i] / (_eigen[i] + kappa), u = kappa / (_eigen[i] + kappa);
            m.Learnable += _count[i] * l;
            m.LearnableSquared += _count[i] * l * l;
            m.Derivative += _count[i] * l * u;
            m.Bias += _power[i] * u * u;
        }
        Tail?.Accumulate(kappa, ref m);
        return m;
    }
}
