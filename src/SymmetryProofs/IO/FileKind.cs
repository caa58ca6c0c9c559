namespace SymmetryProofs.IO;

/// <summary>What a path names, as <see cref="RegularFile.Kind"/> reads it (symbolic links followed).</summary>
public enum FileKind
{
    /// <summary>The kind could not be read (statx unavailable or refused): the file is tried as a regular one, with the byte limit.</summary>
    Unknown,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Missing,
}
