using System.IO.Compression;
using System.Text;

namespace SymmetryProofs.Checking;

/// <summary>
/// Writes a minimal TorchScript archive (the zip that <c>torch.jit.save</c> writes and
/// <c>torch.jit.load</c> reads) holding one module class whose <c>forward</c> is given as TorchScript
/// source. TorchSharp 0.107 can load and save script modules but cannot script or trace a C# module
/// (it has no <c>jit.script</c>/<c>jit.trace</c>, and <c>jit.compile</c> yields a compilation unit
/// that cannot be saved), so a C# model is exported by writing its forward as source; libtorch then
/// compiles it on load, and <c>torch.jit.save</c> of the loaded module writes libtorch's own archive.
/// </summary>
internal static class TorchScriptArchive
{
    /// <summary>
    /// Writes the archive to <paramref name="path"/> (atomically): a module class <c>__torch__.Model</c> with the forward body
    /// given (indented lines, input <c>x</c>) returning <paramref name="returns"/> (a TorchScript type, for example <c>Tuple[Tensor, Tensor]</c>).
    /// </summary>
    public static void Write(string path, IReadOnlyList<string> forwardBody, string returns = "Tensor")
    {
        ArgumentNullException.ThrowIfNull(forwardBody);
        var code = new StringBuilder();
        code.Append("class Model(Module):\n  __parameters__ = []\n  __buffers__ = []\n  training : bool\n");
        code.Append("  def forward(self: __torch__.Model,\n    x: Tensor) -> ").Append(returns).Append(":\n");
        foreach (var line in forwardBody) code.Append("    ").Append(line).Append('\n');
        IO.AtomicFile.Write(path, tmp =>
        {
            using var zip = ZipFile.Open(tmp, ZipArchiveMode.Create);
            Add(zip, "archive/data.pkl", ModulePickle());
            Add(zip, "archive/code/__torch__.py", Encoding.UTF8.GetBytes(code.ToString()));
            Add(zip, "archive/constants.pkl", [0x80, 0x02, 0x29, 0x71, 0x00, 0x2e]);
            Add(zip, "archive/version", Encoding.ASCII.GetBytes("3\n"));
        });
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
        using var s = entry.Open();
        s.Write(bytes);
    }

    // Pickle protocol 2 of an instance of __torch__.Model whose state is {"training": False}.
    private static byte[] ModulePickle()
    {
        var b = new List<byte> { 0x80, 0x02, (byte)'c' };
        b.AddRange(Encoding.ASCII.GetBytes("__torch__\nModel\n"));
        b.AddRange(new byte[] { 0x71, 0x00, 0x29, 0x81, 0x71, 0x01, 0x7d, 0x71, 0x02, 0x58, 8, 0, 0, 0 });
        b.AddRange(Encoding.ASCII.GetBytes("training"));
        b.AddRange(new byte[] { 0x71, 0x03, 0x89, 0x73, 0x62, 0x2e });
        return b.ToArray();
    }
}
