using System.Globalization;
using FsCheck;

namespace SymmetryProofs.Properties.Support;

/// <summary>
/// FsCheck's replay seed, written "seed,gamma" as FsCheck prints it: the one value that fixes every
/// case of a run. A run whose cases are random draws a fresh one so that the run can still be
/// reported and replayed.
/// </summary>
public readonly record struct Replay(ulong Seed, ulong Gamma)
{
    /// <summary>Parses "seed,gamma" (parentheses and spaces allowed, as FsCheck prints "(seed,gamma)").</summary>
    public static Replay Parse(string text)
    {
        var parts = text.Trim('(', ')', ' ').Split(',');
        if (parts.Length != 2
            || !ulong.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            || !ulong.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var gamma))
            throw new ArgumentException($"Replay '{text}' is not of the form \"seed,gamma\" (two unsigned integers).", nameof(text));
        return new Replay(seed, gamma);
    }

    /// <summary>A fresh seed for a run on random cases (gamma odd, as FsCheck's SplitMix generator needs).</summary>
    public static Replay Fresh()
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        return new Replay(BitConverter.ToUInt64(bytes[..8]), BitConverter.ToUInt64(bytes[8..]) | 1);
    }

    /// <summary>The configuration with its cases fixed by this seed.</summary>
    public Config Apply(Config config) => config.WithReplay(Seed, Gamma);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Seed},{Gamma}");
}
