using System.Globalization;
using System.Text;
using System.Text.Json;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.IO;
using SymmetryProofs.Representations;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Experiments.Representations;

/// <summary>
/// `representations`: decomposes group actions into irreducibles (types, real types, multiplicities),
/// solves End_G, checks both against characters, and writes representations.md, .csv and .json. A
/// sweep of the one <see cref="Runner"/>, one unit per decomposition (lock, command.txt, run.json,
/// progress, a checkpoint a rerun continues from). Exit 0 when every row's checks hold, 1 when one
/// fails (the reports are written first), 2 on bad input.
/// </summary>
public sealed class RepresentationsExperiment : IExperiment<RepresentationsRequest, RepresentationTable.Case, RepresentationRow>
{
    /// <summary>Above this dimension a decomposition's dense steps (commutant solves on n x n blocks) stop being interactive.</summary>
    public const int MaxDimension = 512;

    /// <summary>Bump when a row's content or meaning changes, so a rerun never reuses an old row.</summary>
    private const int SettingsVersion = 1;

    /// <summary>Runs <paramref name="request"/> into its --out through the <see cref="Runner"/>.</summary>
    public static int Run(RepresentationsRequest request, IRunLog log)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Runner.Run(new RepresentationsExperiment(), request, Runner.SingleRunOptions(request.Out, request.CommandLine), log);
    }

    public string Name => "representations";

    public void Validate(RepresentationsRequest settings, RunOptions options) => Cases(settings);

    public Fingerprint Fingerprint(RepresentationsRequest settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Runs.Fingerprint.Of(new { version = SettingsVersion, groups = settings.Groups, shape = settings.Shape, power = settings.Power });
    }

    public IReadOnlyList<RepresentationTable.Case> Plan(RepresentationsRequest settings, RunOptions options, IRunLog log) => Cases(settings);

    public string Key(RepresentationTable.Case unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return $"{unit.Group} on {unit.Representation.Name}";
    }

    public RepresentationRow Execute(RepresentationTable.Case unit) => RepresentationTable.Compute(unit);

    public IReadOnlyList<Check> Report(FinishedRun<RepresentationsRequest, RepresentationTable.Case, RepresentationRow> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rows = run.Results.Select(r => r.Result).ToList();
        AtomicFile.WriteAllText(run.Folder.File("representations.md"), Markdown(rows));
        AtomicFile.WriteAllText(run.Folder.File("representations.csv"), Csv(rows));
        AtomicFile.WriteAllText(run.Folder.File("representations.json"), Json(rows));
        var failed = rows.Where(r => !r.Holds).ToArray();
        foreach (var r in failed) run.Log.Line($"FAILS: {r.Group} on {r.Representation}: {r.Failure}");
        run.Log.Line($"reports in {run.Folder.Path}");
        return [new Check("every decomposition passes its checks", failed.Length == 0, $"{rows.Count - failed.Length} of {rows.Count}")];
    }

    /// <summary>The cases a request names, validated before any work: unknown groups, bad shapes, powers and sizes are one-line input errors.</summary>
    public static IReadOnlyList<RepresentationTable.Case> Cases(RepresentationsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Power < 1) throw new InputException($"--power: got {request.Power}; expected a tensor power of at least 1.");
        if (request.Groups.Count == 0)
        {
            if (request.Shape is not null || request.Power != 1)
                throw new InputException("--shape and --power need --group: without a group the page's default cases are decomposed.");
            return RepresentationTable.DefaultCases();
        }
        Shape? given = null;
        if (request.Shape is not null)
            given = Shape.TryParse(request.Shape) ?? throw new InputException($"--shape {request.Shape}: expected HxW (for example 8x8) or D (for example 6).");
        if (request.Groups.GroupBy(g => g).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InputException($"--group {twice.Key}: given more than once; name each group once.");
        var cases = new List<RepresentationTable.Case>();
        foreach (var name in request.Groups)
        {
            var entry = GroupCatalog.Entries.FirstOrDefault(e => e.Name == name)
                ?? throw new InputException($"--group {name}: unknown; expected one of {string.Join(", ", GroupCatalog.Entries.Select(e => e.Name))}.");
            var shape = given ?? (entry.AppliesTo(new Shape(8, 8)) ? new Shape(8, 8) : Shape.Vector(2));
            // In 64 bits and saturating: 65536x65536 inputs must be refused, not wrapped around an int.
            double dimension = Math.Pow((double)shape.Height * shape.Width, request.Power);
            if (dimension > MaxDimension)
                throw new InputException($"--group {name} --shape {shape.ToOption()} --power {request.Power}: dimension {dimension:F0}; expected at most {MaxDimension}.");
            if (!entry.AppliesTo(shape)) throw new InputException($"--group {name} on --shape {shape.ToOption()}: {entry.Description}; this group does not act on that shape.");
            IGroupAction group;
            try { group = entry.Build(shape); }
            catch (ArgumentException e) { throw new InputException($"--group {name} on --shape {shape.ToOption()}: {e.Message}"); }
            var rep = Representation.Defining(group);
            cases.Add(RepresentationTable.Case.For(entry.Title, request.Power == 1 ? rep : rep.TensorPower(request.Power)));
        }
        return cases;
    }

    /// <summary>The table with a computed summary line: how many rows pass, and which fail.</summary>
    public static string Markdown(IReadOnlyList<RepresentationRow> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Irreducible decompositions and equivariant maps");
        sb.AppendLine();
        int passing = rows.Count(r => r.Holds);
        var headline = new StringBuilder();
        headline.AppendLine(CultureInfo.InvariantCulture, $"{passing} of {rows.Count} decompositions pass every check (subspaces invariant and orthonormal, projections summing to I, irreducible, real type and multiplicities equal to the characters', dim End_G solved equal to the characters' within {RepresentationTable.CharacterTolerance:G}).");
        foreach (var r in rows.Where(r => !r.Holds)) headline.AppendLine(CultureInfo.InvariantCulture, $"- FAILS: {r.Group} on {r.Representation}: {r.Failure}.");
        sb.Append(Publishing.Headline.Wrap(headline.ToString()));
        sb.AppendLine();
        sb.Append(RepresentationTable.ToMarkdown(rows));
        return sb.ToString();
    }

    private static string Csv(IReadOnlyList<RepresentationRow> rows)
    {
        var sb = new StringBuilder("group,representation,dim,irreducibles,subspaces,end_g_solved,end_g_characters,multiplicities_match,verified,norms_complete,holds,route,decomposition_s,solve_s\n");
        foreach (var r in rows)
            sb.AppendLine(string.Join(",", Quote(r.Group), Quote(r.Representation), Num(r.Dimension), Quote(r.Irreducibles), Num(r.Subspaces), Num(r.EquivariantDimension),
                r.CharacterDimension.ToString("R", CultureInfo.InvariantCulture), Bool(r.MultiplicitiesMatchCharacters), Bool(r.Verified), Bool(r.NormsComplete), Bool(r.Holds),
                Quote(r.Method), r.DecompositionTime.TotalSeconds.ToString("F4", CultureInfo.InvariantCulture), r.SolveTime.TotalSeconds.ToString("F4", CultureInfo.InvariantCulture)));
        return sb.ToString();
    }

    private static string Json(IReadOnlyList<RepresentationRow> rows) =>
        JsonSerializer.Serialize(rows.Select(r => new
        {
            group = r.Group, representation = r.Representation, dim = r.Dimension, irreducibles = r.Irreducibles, subspaces = r.Subspaces,
            end_g_solved = r.EquivariantDimension, end_g_characters = r.CharacterDimension, multiplicities_match = r.MultiplicitiesMatchCharacters,
            verified = r.Verified, norms_complete = r.NormsComplete, holds = r.Holds, failure = r.Failure, route = r.Method,
            decomposition_s = r.DecompositionTime.TotalSeconds, solve_s = r.SolveTime.TotalSeconds,
        }), new JsonSerializerOptions { WriteIndented = true });

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    private static string Num(int v) => v.ToString(CultureInfo.InvariantCulture);
    private static string Bool(bool b) => b ? "true" : "false";
}
