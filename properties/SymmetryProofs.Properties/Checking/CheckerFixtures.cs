using SymmetryProofs.Checking;
using SymmetryProofs.Checking.Examples;
using SymmetryProofs.Runtime;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Properties.Checking;

/// <summary>Runs the checker on a built-in example with its own group, output representation and dtype; models are built once per example.</summary>
internal static class CheckerFixtures
{
    private static readonly Dictionary<string, CheckedModel> Models = [];
    private static readonly object Gate = new();

    public static IEnumerable<ExampleModel> Correct => ExampleCatalog.All.Where(e => !e.PlantedBug);
    public static IEnumerable<ExampleModel> Planted => ExampleCatalog.All.Where(e => e.PlantedBug);

    /// <summary>One case of <paramref name="example"/> measured again (its error and float32 floor).</summary>
    public static MeasuredCase Measure(ExampleModel example, SearchCase c, double scale)
    {
        lock (Gate) return SymmetryChecker.Measure(Model(example), GroupCatalog.Build(example.Group, example.Shape), OutputDeclaration.Parse(example.Output), c, scale);
    }

    private static CheckedModel Model(ExampleModel example)
    {
        TorchSetup.Initialise();
        if (!Models.TryGetValue(example.Name, out var model)) Models[example.Name] = model = example.Build(example.DefaultDtype);
        return model;
    }

    /// <summary>The check of <paramref name="example"/> at <paramref name="seed"/> and <paramref name="budget"/> evaluations (serialised: a module's twin switches its dtype in place).</summary>
    public static CheckReport Run(ExampleModel example, int seed, int budget, int shrinkBudget = 400)
    {
        lock (Gate)
        {
            return SymmetryChecker.Run(Model(example), GroupCatalog.Build(example.Group, example.Shape), OutputDeclaration.Parse(example.Output),
                new CheckOptions(budget, seed, shrinkBudget));
        }
    }
}
