using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SymmetryProofs.Data;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Data;

/// <summary>One random corruption of the published file: its kind, where, and what it inserts.</summary>
public sealed record Corruption(string Kind, int Position, int Value)
{
    public static readonly string[] Kinds = ["flip byte", "delete char", "duplicate line", "swap lines", "insert comma", "crlf", "bom", "truncate"];

    public byte[] Apply(byte[] original)
    {
        var text = System.Text.Encoding.UTF8.GetString(original);
        var lines = text.Split('\n').ToList();
        int p = Position % Math.Max(1, original.Length);
        int l = Position % (lines.Count - 1);
        switch (Kind)
        {
            case "flip byte":
                var b = (byte[])original.Clone();
                b[p] ^= (byte)(1 << (Value % 8));
                return b;
            case "delete char": return System.Text.Encoding.UTF8.GetBytes(text.Remove(p % text.Length, 1));
            case "duplicate line": lines.Insert(l, lines[l]); break;
            case "swap lines": (lines[l], lines[(l + 1 + Value % 7) % (lines.Count - 1)]) = (lines[(l + 1 + Value % 7) % (lines.Count - 1)], lines[l]); break;
            case "insert comma": return System.Text.Encoding.UTF8.GetBytes(text.Insert(p % text.Length, ","));
            case "crlf": return System.Text.Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n"));
            case "bom": return [0xEF, 0xBB, 0xBF, .. original];
            case "truncate": return original[..(p % original.Length)];
        }
        return System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines));
    }

    public override string ToString() => $"{Kind} at {Position} ({Value})";
}

/// <summary>
/// Fault injection on the data: every corruption of optdigits.tes ends in a file:line error or a
/// checksum error from the one loader, never another exception and never a silent run.
/// </summary>
public sealed class DataCorruptionTests(ITestOutputHelper output)
{
    private static readonly byte[] Published = File.ReadAllBytes(Path.Combine(DataSamples.FindOptdigitsDirectory()!, Optdigits.TestFile));

    private static Arbitrary<Corruption> Corruptions() => Arb.From(
        from kind in Gen.Elements(Corruption.Kinds)
        from position in Gen.Choose(0, int.MaxValue - 1)
        from value in Gen.Choose(0, 1000)
        select new Corruption(kind, position, value));

    [Fact]
    public void Every_corruption_ends_in_a_line_error_or_a_checksum_error()
    {
        var dir = Directory.CreateTempSubdirectory("corrupt").FullName;
        var seen = new Dictionary<string, int>();
        try
        {
            var property = Prop.ForAll(Corruptions(), c =>
            {
                var bytes = c.Apply(Published);
                File.WriteAllBytes(Path.Combine(dir, Optdigits.TestFile), bytes);
                string outcome;
                try
                {
                    Optdigits.LoadVerified(new DataDirectory(dir, DataSource.Option));
                    // A corruption that leaves the bytes as published (a swap of two equal lines) is no corruption.
                    outcome = bytes.AsSpan().SequenceEqual(Published) ? "unchanged" : "SILENT";
                }
                catch (OptdigitsFormatException e) { outcome = e.Message.StartsWith(dir) ? "line error" : "line error without file"; }
                catch (InvalidDataException e) { outcome = e.Message.Contains("SHA-256 mismatch") ? "checksum error" : "other data error"; }
                lock (seen) seen[$"{c.Kind}: {outcome}"] = seen.GetValueOrDefault($"{c.Kind}: {outcome}") + 1;
                return Prop.Label(outcome is "line error" or "checksum error" or "unchanged", $"{c}: {outcome}").Classify(outcome == "checksum error", "parses, refused by checksum");
            });
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
        }
        finally { Directory.Delete(dir, recursive: true); }
        foreach (var kv in seen.OrderBy(kv => kv.Key)) output.WriteLine($"{kv.Key}: {kv.Value}");
        Assert.Contains(seen.Keys, k => k.EndsWith("checksum error"));
        Assert.Contains(seen.Keys, k => k.EndsWith("line error"));
    }
}
