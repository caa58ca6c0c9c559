using System.Text;

namespace SymmetryProofs.IO;

/// <summary>
/// Writes a file through a temporary file in the same directory and a rename, so a reader (or a
/// resumed run) never sees half a file and an interrupted write leaves the previous file intact.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// <paramref name="writeTemporary"/> writes the content to the path it is given; that path keeps
    /// the final file's extension, since some writers (PNG encoders) choose the format by it.
    /// </summary>
    public static void Write(string path, Action<string> writeTemporary)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        try
        {
            writeTemporary(tmp);
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    public static void WriteAllText(string path, string text) =>
        Write(path, tmp => File.WriteAllText(tmp, text, new UTF8Encoding(false)));

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, tmp => File.WriteAllBytes(tmp, bytes));
}
