using System.Diagnostics;
using SymmetryProofs.IO;

namespace SymmetryProofs.Properties.IO;

/// <summary>Input files are read only when regular (symlinks followed) and never past their byte limit: a FIFO, a device or a directory is refused by its kind, without hanging.</summary>
public sealed class RegularFileTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("regular-file").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(dir, name);

    [Fact]
    public void A_regular_file_and_a_symlink_to_one_are_read_whole()
    {
        File.WriteAllBytes(Path("f"), [1, 2, 3]);
        File.CreateSymbolicLink(Path("link"), Path("f"));
        Assert.Equal(new byte[] { 1, 2, 3 }, RegularFile.ReadAll(Path("f"), 3));
        Assert.Equal(new byte[] { 1, 2, 3 }, RegularFile.ReadAll(Path("link"), 3));
    }

    [Fact]
    public void A_file_one_byte_over_the_limit_is_refused()
    {
        File.WriteAllBytes(Path("f"), [1, 2, 3, 4]);
        var e = Assert.Throws<InvalidDataException>(() => RegularFile.ReadAll(Path("f"), 3));
        Assert.Contains("expected at most 3", e.Message);
    }

    [Fact]
    public void Directories_FIFOs_devices_and_missing_files_are_refused_by_kind()
    {
        Directory.CreateDirectory(Path("d"));
        using (var p = Process.Start("mkfifo", [Path("fifo")])) p.WaitForExit();
        File.CreateSymbolicLink(Path("zero"), "/dev/zero");
        Assert.Contains("is a directory", Assert.Throws<InvalidDataException>(() => RegularFile.ReadAll(Path("d"), 10)).Message);
        Assert.Contains("is a FIFO", Assert.Throws<InvalidDataException>(() => RegularFile.ReadAll(Path("fifo"), 10)).Message);
        Assert.Contains("is a character device", Assert.Throws<InvalidDataException>(() => RegularFile.ReadAll(Path("zero"), 10)).Message);
        Assert.Throws<FileNotFoundException>(() => RegularFile.ReadAll(Path("none"), 10));
        File.CreateSymbolicLink(Path("dangling"), Path("none"));
        Assert.Throws<FileNotFoundException>(() => RegularFile.ReadAll(Path("dangling"), 10));
    }
}
