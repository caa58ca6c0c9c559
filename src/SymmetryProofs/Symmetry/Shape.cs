namespace SymmetryProofs.Symmetry;

/// <summary>
/// The shape of the inputs a group acts on: R^d (a 1 x d image), an h x w image or table stored row-major
/// (an N x k set or point cloud is an h x w table whose rows are its elements), or, with
/// <see cref="Channels"/>, a C x h x w stack of images (channel-major, as a CNN takes it).
/// </summary>
public sealed record Shape(int Height, int Width)
{
    /// <summary>C for a C x h x w stack of images; null when the shape has no channel axis.</summary>
    public int? Channels { get; init; }

    /// <summary>The number of coordinates: C h w, or h w without channels.</summary>
    public int Dimension => (Channels ?? 1) * Height * Width;

    /// <summary>h x w: the number of coordinates of one channel.</summary>
    public int PlaneDimension => Height * Width;

    public bool IsSquare => Height == Width;

    public static Shape Vector(int d) => new(1, d);

    /// <summary>A C x h x w stack of images.</summary>
    public static Shape Stack(int channels, int height, int width) => new(height, width) { Channels = channels };

    /// <summary>The same shape without its channel axis: the h x w plane an image group acts on.</summary>
    public Shape Plane => new(Height, Width);

    /// <summary>The tensor axes, outermost first: [C, h, w], [h, w] or [d].</summary>
    public int[] Axes => Channels is int c ? [c, Height, Width] : Height == 1 ? [Width] : [Height, Width];

    public override string ToString() => Channels is int c ? $"{c}x{Height}x{Width}" : Height == 1 ? $"R^{Width}" : $"{Height}x{Width}";

    /// <summary>The command-line form: "CxHxW" for a stack of images, "HxW" for an image or an N x k table (row-major), "D" for R^D.</summary>
    public string ToOption() => Channels is int c ? $"{c}x{Height}x{Width}" : Height == 1 ? $"{Width}" : $"{Height}x{Width}";

    /// <summary>
    /// Parses the command-line form "CxHxW" (channels of images, for example 3x8x8), "HxW" (an image or an N x k table,
    /// for example 8x8 or 5x3) or "D" (R^D, for example 8); null when the text is none of them, so each caller words
    /// its own error with the option's name.
    /// </summary>
    public static Shape? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split('x');
        if (parts.Length is not (1 or 2 or 3)) return null;
        var sizes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1) return null;
        return sizes.Length switch
        {
            1 => Vector(sizes[0]),
            2 => new Shape(sizes[0], sizes[1]),
            _ => Stack(sizes[0], sizes[1], sizes[2]),
        };
    }
}
