namespace SymmetryProofs.Properties;

/// <summary>How the eigenvalues of a planted spectrum are laid out.</summary>
public enum SpectrumKind
{
    /// <summary>Uniform in [-1, 1]: distinct, gaps of order 1/n.</summary>
    Spread,
    /// <summary>A few clusters of width 1e-10 around centres at least 0.05 apart.</summary>
    Clustered,
    /// <summary>A few distinct values, each repeated at least twice (exact multiplicities).</summary>
    Repeated,
    /// <summary>Half the eigenvalues exactly zero, the rest spread.</summary>
    Zeros,
    /// <summary>Signed magnitudes 10^-u, u uniform in [0, 12]: twelve decades of scale.</summary>
    Graded,
}

/// <summary>
/// A symmetric matrix Q diag(values) Q^T with a random orthogonal Q, as plain data: size, layout of
/// the eigenvalues and a seed; <see cref="Perturbation"/> (0 except in negative controls) is added,
/// relative to max |lambda|, to entry (0, 0) of the matrix one solver sees.
/// </summary>
public sealed record PlantedSpectrumCase(int Size, SpectrumKind Kind, int Seed, double Perturbation = 0)
{
    public override string ToString() =>
        $"n = {Size}, {Kind} eigenvalues, seed {Seed}{(Perturbation == 0 ? "" : $", entry (0,0) of one copy moved by {Perturbation:G3} max|lambda|")}";

    /// <summary>Smaller sizes (down to 2, halving first), then the plain layout, then seed 0; the perturbation is kept.</summary>
    public IEnumerable<PlantedSpectrumCase> Shrink()
    {
        if (Size > 2) { yield return this with { Size = Math.Max(2, Size / 2) }; yield return this with { Size = Size - 1 }; }
        if (Kind != SpectrumKind.Spread) yield return this with { Kind = SpectrumKind.Spread };
        if (Seed != 0) yield return this with { Seed = 0 };
    }
}

/// <summary>
/// A planted Hessian for the tangent path: H = Q diag(d) Q^T with <see cref="Tangents"/> exact null
/// eigenvectors mixed into the tangent columns, <see cref="Gauge"/> gauge eigenvectors (eigenvalue
/// 0 when <see cref="GaugeFlat"/>, 1e-3 otherwise), <see cref="Outside"/> further null directions
/// outside both spans, and <see cref="Rest"/> eigenvalues of magnitude in [1e-3, 1] (some repeated;
/// some negative when <see cref="Indefinite"/>). <see cref="Tilt"/> (0 except in negative
/// controls) tilts every tangent towards a random stiff direction by that fraction of its length.
/// </summary>
public sealed record PlantedFlatCase(int Tangents, int Gauge, bool GaugeFlat, int Outside, int Rest, bool Indefinite, int Seed, double Tilt = 0)
{
    public int Size => Tangents + Gauge + Outside + Rest;

    public override string ToString() =>
        $"n = {Size}: {Tangents} flat tangent(s), {Gauge} gauge direction(s) ({(GaugeFlat ? "flat" : "curvature 1e-3")}), " +
        $"{Outside} flat direction(s) outside both spans, {Rest} stiff eigenvalue(s){(Indefinite ? " of both signs" : "")}, seed {Seed}" +
        (Tilt == 0 ? "" : $", tangents tilted by {Tilt:G3}");

    /// <summary>Fewer of everything (Rest down to 1), then definite, then seed 0; the tilt is kept.</summary>
    public IEnumerable<PlantedFlatCase> Shrink()
    {
        if (Rest > 1) { yield return this with { Rest = 1 }; yield return this with { Rest = Rest - 1 }; }
        if (Outside > 0) yield return this with { Outside = Outside - 1 };
        if (Tangents > 1) yield return this with { Tangents = Tangents - 1 };
        if (Gauge > 0) yield return this with { Gauge = Gauge - 1 };
        if (GaugeFlat) yield return this with { GaugeFlat = false };
        if (Indefinite) yield return this with { Indefinite = false };
        if (Seed != 0) yield return this with { Seed = 0 };
    }
}
