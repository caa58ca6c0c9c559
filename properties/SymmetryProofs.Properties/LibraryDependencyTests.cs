using System.Xml.Linq;
using SymmetryProofs.Properties.Support;

namespace SymmetryProofs.Properties;

/// <summary>
/// The core library, which the experiments and a user's own model check stand on, is built without a test
/// framework: FsCheck is referenced by the testing assembly (the FsCheck face of the equivariance check) and the tests only.
/// </summary>
public sealed class LibraryDependencyTests
{
    private static IReadOnlyList<string> PackageReferences(string project) =>
        XDocument.Load(Path.Combine(Repository.Root(), project)).Descendants("PackageReference")
            .Select(p => (string?)p.Attribute("Include") ?? "").ToList();

    private static IReadOnlyList<string> AssemblyReferences(Type inAssembly) =>
        inAssembly.Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

    [Fact]
    public void The_core_library_neither_references_nor_loads_FsCheck()
    {
        Assert.DoesNotContain(PackageReferences("src/SymmetryProofs/SymmetryProofs.csproj"), p => p.StartsWith("FsCheck", StringComparison.Ordinal));
        Assert.DoesNotContain(AssemblyReferences(typeof(SymmetryProofs.Symmetry.GroupCatalog)), a => a.StartsWith("FsCheck", StringComparison.Ordinal));
        Assert.DoesNotContain(AssemblyReferences(typeof(SymmetryProofs.Experiments.Runs.Guard)), a => a.StartsWith("FsCheck", StringComparison.Ordinal));
    }

    /// <summary>Control: the testing assembly's FsCheck reference is seen in both places the core's is looked for.</summary>
    [Fact]
    public void The_testing_assembly_is_seen_to_reference_FsCheck()
    {
        Assert.Contains("FsCheck", PackageReferences("src/SymmetryProofs.Testing/SymmetryProofs.Testing.csproj"));
        Assert.Contains("FsCheck", AssemblyReferences(typeof(SymmetryProofs.Testing.EquivarianceProperties)));
    }
}
