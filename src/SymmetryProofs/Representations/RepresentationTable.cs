using System.Diagnostics;
using System.Globalization;
using System.Text;
using SymmetryProofs.IO;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Representations;

/// <summary>One row of the representations table: what was decomposed, what was found, what characters say, and how long it took.</summary>
public sealed record RepresentationRow(
    string Group, string Representation, int Dimension, string Irreducibles, int Subspaces,
    int EquivariantDimension, double CharacterDimension, bool MultiplicitiesMatchCharacters, bool Verified,
    bool NormsComplete, string Method, TimeSpan DecompositionTime, TimeSpan SolveTime)
{
    /// <summary>Every check holds: the decomposition verifies, multiplicities and real types equal the characters', and dim End_G solved equals the characters'.</summary>
    public bool Holds => Failure is null;

    /// <summary>The first check that fails, in words; null when every check holds.</summary>
    public string? Failure =>
        !Verified ? "the decomposition's own checks fail (invariance, orthonormality, completeness, irreducibility or real type)"
        : !MultiplicitiesMatchCharacters ? "multiplicities or real types differ from the characters'"
        : Math.Abs(EquivariantDimension - CharacterDimension) >= RepresentationTable.CharacterTolerance ? $"dim End_G solved {EquivariantDimension}, from characters {CharacterDimension:G}"
        : null;
}

/// <summary>
/// The table of docs/representations.md: for each case, the decomposition (types, multiplicities, real
/// types), dim End_G(V) solved and from characters, the multiplicities against characters, whether the
/// irreducible norms are complete, and the times. Command-free: the CLI and a test call <see cref="Compute"/>.
/// </summary>
public static class RepresentationTable
{
    /// <summary>A group, the representation of it to decompose, and the quadrature resolution of its characters (ignored for finite groups).</summary>
    public sealed record Case(string Group, Representation Representation, int Resolution)
    {
        /// <summary>A case whose character quadrature is exact by construction: see <see cref="ExactResolution"/>.</summary>
        public static Case For(string group, Representation representation) => new(group, representation, ExactResolution(representation));
    }

    /// <summary>
    /// Every catalogue group on 8x8 images whose characters can be averaged (a listed finite group or a Lie group; S_8 on
    /// the rows is drawn by sampling, with neither a list nor a Lie algebra), sign flips on R^6, permutations on R^5,
    /// SO(2) on R^2 and its tensor square and cube.
    /// </summary>
    public static IReadOnlyList<Case> DefaultCases()
    {
        var cases = new List<Case>();
        var image = new Shape(8, 8);
        foreach (var e in GroupCatalog.Entries.Where(e => e.AppliesTo(image)))
        {
            var action = e.Build(image);
            if (action.Order is not null || action.LieDimension > 0) cases.Add(Case.For(e.Title, Representation.Defining(action)));
        }
        cases.Add(Case.For("sign flips", Representation.Defining(GroupCatalog.Build("sign-flips", Shape.Vector(6)))));
        cases.Add(Case.For("permutations", Representation.Defining(GroupCatalog.Build("permutations", Shape.Vector(5)))));
        var so2 = Representation.Defining(GroupCatalog.Build("so2", Shape.Vector(2)));
        for (int k = 1; k <= 3; k++) cases.Add(Case.For("SO(2)", k == 1 ? so2 : so2.TensorPower(k)));
        return cases;
    }

    /// <summary>
    /// The grid size K per torus coordinate at which every character average of this page is exact: the
    /// averages are of products of two characters of V, trigonometric polynomials whose frequencies along
    /// generator a are differences of two weights, at most 2 w_a with w_a = T_a max|eigenvalue of rho(A_a)| / 2 pi;
    /// the K-point grid integrates frequencies below K exactly, so K = 2 max_a w_a + 1. 0 for a finite group
    /// (every element is summed). Weights are integers; rounding absorbs the eigenvalues' last-bit error.
    /// </summary>
    public static int ExactResolution(Representation representation)
    {
        ArgumentNullException.ThrowIfNull(representation);
        if (representation.IsFinite) return 0;
        int maxWeight = 0;
        for (int a = 0; a < representation.LieGenerators.Count; a++)
        {
            // A skew matrix's singular values are the |omega| of its eigenvalues +-i omega.
            double omega = representation.LieGenerators[a].Svd(computeVectors: false).S.Maximum();
            maxWeight = Math.Max(maxWeight, (int)Math.Round(omega * representation.Periods[a] / (2 * Math.PI)));
        }
        return 2 * maxWeight + 1;
    }

    public static RepresentationRow Compute(Case c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var rep = c.Representation;
        var clock = Stopwatch.StartNew();
        var d = Decomposition.Of(rep);
        var decompositionTime = clock.Elapsed;
        var commutant = EquivariantMaps.Commutant(rep);
        double fromCharacters = Characters.HomDimension(rep, rep, c.Resolution);
        var chars = Characters.OfSubspaces(rep, d.Types.Select(t => d.Subspaces.First(s => s.Type == t.Index).Basis), c.Resolution);
        bool multiplicities = d.Types.All(t =>
            Math.Abs(chars[t.Index].WithItself - (int)t.Kind) < CharacterTolerance && Math.Abs(chars[t.Index].WithWhole / chars[t.Index].WithItself - t.Multiplicity) < CharacterTolerance);
        bool verified = d.Verify().Holds(VerifyTolerance);
        return new RepresentationRow(c.Group, rep.Name, rep.Dimension, Describe(d), d.Subspaces.Count, commutant.Dimension, fromCharacters,
            multiplicities, verified, d.NormsAreComplete, commutant.Method, decompositionTime, commutant.Elapsed);
    }

    /// <summary>Character averages are sums of at most |G| products of traces of size n: far below 1e-6 from an integer unless wrong.</summary>
    public const double CharacterTolerance = 1e-6;

    /// <summary>Residuals of orthonormal bases computed by eigensolvers on matrices of size 64 are of order 1e-14; 1e-9 leaves room without hiding an error.</summary>
    public const double VerifyTolerance = 1e-9;

    /// <summary>"trivial 1R x10 + rho1 1R x6 + rho2 2C x16": each type's label, dimension, real type (R, C, H) and multiplicity.</summary>
    public static string Describe(Decomposition d) =>
        string.Join(" + ", d.Types.Select(t => $"{t.Label} {t.Dimension}{t.Kind.ToString()[0]} x{t.Multiplicity}"));

    public static string ToMarkdown(IReadOnlyList<RepresentationRow> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| group | representation | dim | irreducible types (dim, R/C/H) x multiplicity | subspaces | dim End_G (solved) | dim End_G (characters) | multiplicities = characters | checks pass | norms complete | route | decomposition | End_G solve |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in rows)
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Group} | {r.Representation} | {r.Dimension} | {r.Irreducibles} | {r.Subspaces} | {r.EquivariantDimension} | {r.CharacterDimension:0.######} | {Yes(r.MultiplicitiesMatchCharacters)} | {Yes(r.Verified)} | {Yes(r.NormsComplete)} | {r.Method} | {r.DecompositionTime.TotalSeconds:F2} s | {r.SolveTime.TotalSeconds:F3} s |");
        return sb.ToString();
    }

    /// <summary>Writes <paramref name="preamble"/> and the Markdown table, atomically.</summary>
    public static void Write(string path, IReadOnlyList<RepresentationRow> rows, string preamble) =>
        AtomicFile.WriteAllText(path, preamble + Environment.NewLine + ToMarkdown(rows));

    private static string Yes(bool b) => b ? "yes" : "no";
}
