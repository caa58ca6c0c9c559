using System.Runtime.InteropServices;

namespace SymmetryProofs.IO;

/// <summary>
/// Reads an input file only if it is a regular file (a symbolic link is followed to its target), and
/// never more than a byte limit: a directory, a FIFO (whose open would wait for a writer forever), a
/// device such as /dev/zero (endless) or a socket is refused by its kind before it is opened, and a file
/// above the limit is refused before it is read into memory. The kind comes from statx(2) on Linux; elsewhere
/// from what .NET reports (directories), with the byte limit enforced while reading either way.
/// </summary>
public static class RegularFile
{
    /// <summary>What <paramref name="path"/> is (a symbolic link is followed); <see cref="FileKind.Unknown"/> where the kind cannot be read.</summary>
    public static FileKind Kind(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsLinux() && LinuxKind(path) is { } kind) return kind;
        return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    /// <summary>The kind in words, for messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "regular file",
        FileKind.Directory => "directory",
        FileKind.Fifo => "FIFO (named pipe)",
        FileKind.CharacterDevice => "character device",
        FileKind.BlockDevice => "block device",
        FileKind.Socket => "socket",
        FileKind.Missing => "missing file",
        _ => "file of unknown kind",
    };

    /// <summary>
    /// The bytes of <paramref name="path"/>, a regular file of at most <paramref name="maxBytes"/> bytes. A missing file is a
    /// <see cref="FileNotFoundException"/>; another kind of file or a larger one an <see cref="InvalidDataException"/> saying which.
    /// </summary>
    public static byte[] ReadAll(string path, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        var kind = Kind(path);
        if (kind == FileKind.Missing) throw new FileNotFoundException($"{path}: no such file.", path);
        if (kind is not (FileKind.Regular or FileKind.Unknown)) throw new InvalidDataException($"{path}: is a {Describe(kind)}; expected a regular file.");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (stream.CanSeek && stream.Length > maxBytes) throw TooLarge(path, stream.Length, maxBytes);
        // Read one byte past the limit, so a file that grows (or lies about its size) is still refused and never read whole.
        var buffer = new byte[Math.Min(maxBytes + 1, stream.CanSeek ? stream.Length + 1 : maxBytes + 1)];
        int total = 0, read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0) total += read;
        if (total > maxBytes) throw TooLarge(path, total, maxBytes);
        return buffer.AsSpan(0, total).ToArray();
    }

    private static InvalidDataException TooLarge(string path, long bytes, long maxBytes) =>
        new($"{path}: has {(bytes > maxBytes ? "more than " + maxBytes : bytes.ToString(System.Globalization.CultureInfo.InvariantCulture))} bytes; expected at most {maxBytes}.");

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    /// <summary>The kind from statx(2) (its layout is the same on every Linux architecture: stx_mode is the 16 bits at offset 28); null where statx is unavailable.</summary>
    private static FileKind? LinuxKind(string path)
    {
        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
                return Marshal.GetLastPInvokeError() is 2 /* ENOENT */ or 20 /* ENOTDIR */ ? FileKind.Missing : FileKind.Unknown;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        int mode = BitConverter.ToUInt16(buffer, 28) & 0xF000;
        return mode switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
    }
}
