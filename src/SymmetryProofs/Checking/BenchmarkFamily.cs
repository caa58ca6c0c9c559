using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Checking;

/// <summary>
/// A benchmark row from the sample models a PyTorch user writes (samples/models, made by make_models.py): a TorchScript
/// file, the shape and group it is declared under, how its outputs move, and whether it carries a planted bug.
/// </summary>
internal sealed record BenchmarkFamily(string Family, string File, string Shape, string Group, string Output, bool PlantedBug, string Description)
{
    /// <summary>The three families, each correct and with its bug.</summary>
    public static readonly IReadOnlyList<BenchmarkFamily> All =
    [
        new("C4 group CNN", "c4_gcnn.pt", "2x8x8", "rotations", "regular", false, "lifting + group convolution into the regular representation, spatial mean"),
        new("C4 group CNN", "c4_gcnn_bug.pt", "2x8x8", "rotations", "regular", true, "the group convolution's filters are not rolled along the group axis"),
        new("DeepSets", "deepsets.pt", "6x3", "sets", "trivial", false, "phi on every element, sum, rho"),
        new("DeepSets", "deepsets_bug.pt", "6x3", "sets", "trivial", true, "a 1e-4 positional embedding inside phi"),
        new("point cloud", "cloud.pt", "8x3", "so3", "trivial", false, "an MLP on pairwise distances, averaged over pairs"),
        new("point cloud", "cloud_bug.pt", "8x3", "so3", "trivial", true, "the z axis scaled by 1 + 1e-3 before the distances"),
    ];

    /// <summary>samples/models in the current folder or the nearest folder above it that has one (the repository root).</summary>
    public static string Folder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "models");
            if (All.All(f => System.IO.File.Exists(Path.Combine(candidate, f.File)))) return candidate;
        }
        throw new InputException($"--benchmark: no samples/models folder with {string.Join(", ", All.Select(f => f.File))} here or above; run it from the repository.");
    }

    /// <summary>The parsed shape (the list above is fixed, so it parses).</summary>
    public Shape ParsedShape => Symmetry.Shape.TryParse(Shape)!;
}
