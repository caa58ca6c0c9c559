using System.Security.Cryptography;
using System.Text;

namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// The one seed policy of every experiment: seeds are numbered 0..N-1, and each use of randomness
/// draws from its own named stream, a <see cref="Random"/> seeded by a hash of (seed, purpose)
/// ("split", "init", "augment:K=8", ...). Streams of different purposes or seeds are unrelated, a
/// stream never depends on how many other streams were drawn before it, and a name says in the
/// code and the report what the stream is for.
/// </summary>
internal static class SeedStreams
{
    /// <summary>A fresh generator for (<paramref name="seed"/>, <paramref name="purpose"/>).</summary>
    public static Random For(int seed, string purpose) => new(SeedOf(seed, purpose));

    /// <summary>The 31-bit seed of the stream: the first four bytes of SHA-256("seed/purpose"), stable across platforms and runs.</summary>
    public static int SeedOf(int seed, string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        if (seed < 0) throw new ArgumentOutOfRangeException(nameof(seed), seed, "Seeds are numbered from 0.");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/{purpose}"));
        return BitConverter.ToInt32(hash, 0) & int.MaxValue;
    }
}
