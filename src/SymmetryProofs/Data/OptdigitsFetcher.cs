using System.Security.Cryptography;
using SymmetryProofs.IO;

namespace SymmetryProofs.Data;

/// <summary>
/// Gets optdigits.tra and optdigits.tes, by download from the UCI repository or by copy from a local
/// directory, and accepts them only if their SHA-256 matches the published files: a truncated
/// download or a different version would silently change every figure of the tables.
/// </summary>
public static class OptdigitsFetcher
{
    public const string BaseUrl = "https://archive.ics.uci.edu/ml/machine-learning-databases/optdigits/";

    /// <summary>The sums of ../shared/data/optdigits/SHA256SUMS.</summary>
    public static readonly IReadOnlyDictionary<string, string> Sha256 = new Dictionary<string, string>
    {
        [Optdigits.TestFile] = "85f89a0333cbbcf5b1a42f3d4d74013ee35f5e44dbeb5f9b54f78ce5b4f94910",
        [Optdigits.TrainFile] = "e1b683cc211604fe8fd8c4417e6a69f31380e0c61d4af22e93cc21e9257ffedd",
    };

    public static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Throws when <paramref name="bytes"/> is not the published <paramref name="name"/>.</summary>
    public static void Verify(string name, byte[] bytes, string origin)
    {
        if (!Sha256.TryGetValue(name, out var expected))
            throw new ArgumentException($"No checksum known for '{name}'.", nameof(name));
        var actual = Sha256Of(bytes);
        if (actual != expected)
            throw new InvalidDataException(
                $"{origin}: SHA-256 mismatch for {name}: got {actual}, expected {expected} ({bytes.Length} bytes). " +
                "The file is damaged or not the UCI optdigits release.");
    }

    /// <summary>
    /// Copies both files from <paramref name="fromDir"/> into <paramref name="target"/>: both are read (regular files
    /// only, at most <see cref="Optdigits.MaxFileBytes"/> each) and verified before either is written, so a missing or
    /// damaged second file leaves the target as it was.
    /// </summary>
    public static IReadOnlyList<string> CopyFrom(string fromDir, string target, Action<string>? log = null)
    {
        var verified = new List<(string Name, string Source, byte[] Bytes)>();
        foreach (var name in Sha256.Keys)
        {
            var source = Path.Combine(fromDir, name);
            byte[] bytes;
            try
            {
                bytes = RegularFile.ReadAll(source, Optdigits.MaxFileBytes);
            }
            catch (FileNotFoundException)
            {
                throw new DataNotFoundException($"{source} not found: --from must name a directory holding {string.Join(" and ", Sha256.Keys)}; nothing was copied.");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DataNotFoundException($"{source}: cannot be read ({e.Message.TrimEnd('.')}); nothing was copied.");
            }
            Verify(name, bytes, source);
            verified.Add((name, source, bytes));
        }
        var written = new List<string>();
        foreach (var (name, source, bytes) in verified)
        {
            written.Add(Write(target, name, bytes));
            log?.Invoke($"{source} -> {Path.Combine(target, name)} ({bytes.Length} bytes, SHA-256 ok)");
        }
        return written;
    }

    /// <summary>Downloads both files into <paramref name="target"/>, verified.</summary>
    public static IReadOnlyList<string> Download(string target, Action<string>? log = null, TimeSpan? timeout = null, string baseUrl = BaseUrl)
    {
        using var http = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(60), MaxResponseContentBufferSize = Optdigits.MaxFileBytes };
        var verified = new List<(string Name, string Url, byte[] Bytes)>();
        foreach (var name in Sha256.Keys)
        {
            var url = baseUrl + name;
            byte[] bytes;
            try
            {
                bytes = http.GetByteArrayAsync(url).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                throw new DataNotFoundException(
                    $"Could not download {url}: {e.Message}\n" +
                    "Without internet access, copy the files from a local directory instead:\n" +
                    "  dotnet run --project experiments/SymmetryProofs.Experiments -c Release -- fetch-data --from ../shared/data/optdigits\n" +
                    $"or point to an existing copy with --data DIR or {DataDirectory.EnvironmentVariable}=DIR.");
            }
            Verify(name, bytes, url);
            verified.Add((name, url, bytes));
        }
        var written = new List<string>();
        foreach (var (name, url, bytes) in verified)
        {
            written.Add(Write(target, name, bytes));
            log?.Invoke($"{url} -> {Path.Combine(target, name)} ({bytes.Length} bytes, SHA-256 ok)");
        }
        return written;
    }

    /// <summary>Writes one verified file; a target that cannot be created or written is a <see cref="DataNotFoundException"/> naming it.</summary>
    private static string Write(string dir, string name, byte[] bytes)
    {
        var final = Path.Combine(dir, name);
        try
        {
            AtomicFile.WriteAllBytes(final, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataNotFoundException($"--data {dir}: cannot write {name} there ({e.Message.TrimEnd('.')}).");
        }
        return final;
    }
}
