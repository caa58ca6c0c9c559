using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Data;

/// <summary>
/// The UCI optdigits format: one sample per line, 64 pixel counts 0..16 of an 8x8 image (row-major,
/// top-left first) and a class label 0..9, comma-separated. Pixels are scaled by x = v/8 - 1, so the
/// background 0 becomes -1 and full ink 16 becomes +1, as in the paper.
/// </summary>
public static class Optdigits
{
    public const int Side = 8;
    public const int Pixels = Side * Side;
    public const int Classes = 10;
    public const int MaxCount = 16;
    public const double Background = -1.0;

    public const string TestFile = "optdigits.tes";
    public const string TrainFile = "optdigits.tra";

    public static double Scale(int count) => count / 8.0 - 1.0;

    /// <summary>The published files are 264,713 and 563,639 bytes; anything far larger is refused before it is read into memory.</summary>
    public const long MaxFileBytes = 4 << 20;

    /// <summary>Parses <paramref name="path"/> without checking its checksum (for files made by tests); experiments use <see cref="LoadVerified"/>.</summary>
    public static LabelledSet Load(string path) => Parse(Decode(ReadBytes(path)), path);

    /// <summary>
    /// The one loader of the experiments: reads <paramref name="name"/> from <paramref name="dir"/>,
    /// parses it (a damaged file is reported by line) and insists on the published file's SHA-256,
    /// since every figure depends on which digits are used. I/O problems become one clear message.
    /// </summary>
    public static LabelledSet LoadVerified(DataDirectory dir, string name = TestFile)
    {
        ArgumentNullException.ThrowIfNull(dir);
        string path = dir.FilePath(name);
        if (System.IO.File.Exists(dir.Path)) throw new DataNotFoundException($"{dir.Path}: is a file (from {dir.Source}); expected the directory holding {name}.");
        if (IO.RegularFile.Kind(path) == IO.FileKind.Missing) throw new DataNotFoundException(dir.HowToGet(name));
        var bytes = ReadBytes(path);
        var set = Parse(Decode(bytes), path);
        OptdigitsFetcher.Verify(name, bytes, path);
        return set;
    }

    // A byte-order mark is not part of the published file: it stays in the text, so the parser names it.
    private static string Decode(byte[] bytes) => new System.Text.UTF8Encoding(false).GetString(bytes);

    private static byte[] ReadBytes(string path)
    {
        try
        {
            return IO.RegularFile.ReadAll(path, MaxFileBytes);
        }
        catch (FileNotFoundException)
        {
            throw new DataNotFoundException($"{path}: no such file.");
        }
        catch (InvalidDataException e) when (e.Message.Contains("expected at most", StringComparison.Ordinal))
        {
            throw new DataNotFoundException($"{e.Message.TrimEnd('.')} (an optdigits file has under {MaxFileBytes} bytes; the published ones 264,713 and 563,639).");
        }
        catch (InvalidDataException e)
        {
            throw new DataNotFoundException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataNotFoundException($"{path}: cannot be read ({e.Message.TrimEnd('.')}).");
        }
    }

    /// <summary>
    /// Parses the whole text. Empty lines are accepted only at the very end (optdigits.tes ends with
    /// one); an empty line between samples would mean a damaged file, so it is an error.
    /// </summary>
    public static LabelledSet Parse(string text, string fileName)
    {
        var lines = text.Split('\n');
        int last = lines.Length - 1;
        while (last >= 0 && lines[last].TrimEnd('\r').Length == 0) last--;
        if (last < 0) throw new OptdigitsFormatException(fileName, 1, $"empty file; expected lines of {Pixels + 1} comma-separated integers (64 pixels 0..{MaxCount}, then a label 0..{Classes - 1}).");

        var rows = new List<double[]>(last + 1);
        var labels = new List<int>(last + 1);
        for (int n = 0; n <= last; n++)
        {
            string line = lines[n].TrimEnd('\r');
            int lineNo = n + 1;
            if (line.Length == 0)
                throw new OptdigitsFormatException(fileName, lineNo, $"empty line between samples; expected {Pixels + 1} comma-separated integers.");
            var fields = line.Split(',');
            if (fields.Length != Pixels + 1)
                throw new OptdigitsFormatException(fileName, lineNo, $"{fields.Length} fields; expected {Pixels + 1} (64 pixels, then the label).");
            var row = new double[Pixels];
            for (int j = 0; j < Pixels; j++)
            {
                int v = ParseInteger(fields[j], fileName, lineNo, $"pixel {j + 1}");
                if (v < 0 || v > MaxCount)
                    throw new OptdigitsFormatException(fileName, lineNo, $"pixel {j + 1} is {v}; expected 0..{MaxCount}.");
                row[j] = Scale(v);
            }
            int label = ParseInteger(fields[Pixels], fileName, lineNo, "label (field 65)");
            if (label < 0 || label >= Classes)
                throw new OptdigitsFormatException(fileName, lineNo, $"label (field 65) is {label}; expected 0..{Classes - 1}.");
            rows.Add(row);
            labels.Add(label);
        }
        return new LabelledSet(Matrix<double>.Build.DenseOfRowArrays(rows), labels, Classes);
    }

    private static int ParseInteger(string field, string fileName, int lineNo, string what)
    {
        if (!int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out int v))
            throw new OptdigitsFormatException(fileName, lineNo, $"{what} is '{field}'; expected a non-negative integer.");
        return v;
    }
}
