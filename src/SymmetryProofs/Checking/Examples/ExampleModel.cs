using SymmetryProofs.Symmetry;
using static TorchSharp.torch;

namespace SymmetryProofs.Checking.Examples;

/// <summary>
/// A built-in example: a model with the group and output representation it is meant to respect,
/// whether it carries a planted symmetry bug, the dtypes it can be built in, and (for some) its
/// forward as TorchScript source, so it can be saved as a TorchScript file and checked from there.
/// </summary>
internal sealed record ExampleModel(
    string Name, string Description, Shape Shape, string Group, string Output, ScalarType DefaultDtype,
    bool PlantedBug, IReadOnlyList<ScalarType> Dtypes, Func<ScalarType, CheckedModel> Build,
    Func<IReadOnlyList<string>>? TorchScriptSource = null)
{
    public string DtypeName => DtypeNames.Name(DefaultDtype);

    public override string ToString() =>
        $"{Name}: {Description} [{Shape}, group {Group}, output {Output}, {DtypeName}{(PlantedBug ? ", planted bug" : "")}]";
}
