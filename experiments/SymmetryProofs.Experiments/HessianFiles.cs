using System.Text;

namespace SymmetryProofs.Experiments;

/// <summary>Atomic writes: a temporary file in the same directory, then a rename over the target.</summary>
internal static class HessianFiles
{
    public static void WriteText(string dir, string name, string text) =>
        Atomically(dir, name, tmp => File.WriteAllText(tmp, text, new UTF8Encoding(false)));

    public static void Atomically(string dir, string name, Action<string> write)
    {
        var final = Path.Combine(dir, name);
        var tmp = Path.Combine(dir, $".{Path.GetFileNameWithoutExtension(name)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(name)}");
        write(tmp);
        File.Move(tmp, final, overwrite: true);
    }
}
