namespace SymmetryProofs.Symmetry;

/// <summary>The shape of the inputs a group acts on: an h x w image stored row-major, or R^d as a 1 x d image.</summary>
public sealed record Shape(int Height, int Width)
{
    public int Dimension => Height * Width;
    public bool IsSquare => Height == Width;
    public static Shape Vector(int d) => new(1, d);
    public override string ToString() => Height == 1 ? $"R^{Width}" : $"{Height}x{Width}";

    /// <summary>The command-line form: "HxW" for an image (row-major), "D" for R^D.</summary>
    public string ToOption() => Height == 1 ? $"{Width}" : $"{Height}x{Width}";

    /// <summary>
    /// Parses the command-line form "HxW" (an image, for example 8x8) or "D" (R^D, for example 8); null
    /// when the text is neither, so each caller words its own error with the option's name.
    /// </summary>
    public static Shape? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split('x');
        if (parts.Length is not (1 or 2)) return null;
        var sizes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1) return null;
        return sizes.Length == 1 ? Vector(sizes[0]) : new Shape(sizes[0], sizes[1]);
    }
}
