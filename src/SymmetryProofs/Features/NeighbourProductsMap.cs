using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Features;

/// <summary>
/// phi_i(x) = x_i x_{i+e1} (Eq. 8) on an h x w image stored row-major: the right neighbour in the
/// same row, wrapping around the row (a cylinder). Flipping the sign of one whole row keeps it.
/// </summary>
public sealed class NeighbourProductsMap : FeatureMap
{
    public int Height { get; }
    public int Width { get; }

    public NeighbourProductsMap(int height, int width) : base(PixelCount(height, width))
    {
        Height = height;
        Width = width;
    }

    // Runs before the base constructor, so that a 0 x w image is reported as an image, not as "dimension 0".
    private static int PixelCount(int height, int width)
    {
        if (height < 1 || width < 1)
            throw new ArgumentOutOfRangeException(nameof(height), $"Neighbour products need an image of at least 1x1; got {height}x{width}.");
        return checked(height * width);
    }

    public override string Name => "neighbour";
    public override int OutputDim => InputDim;
    public override bool IsEven => true;

    /// <summary>Index of the right neighbour of pixel i, wrapping within its row.</summary>
    public int RightNeighbour(int i) => (i / Width) * Width + (i % Width + 1) % Width;

    protected override double[] Compute(Vector<double> x)
    {
        var phi = new double[InputDim];
        for (int i = 0; i < InputDim; i++) phi[i] = x[i] * x[RightNeighbour(i)];
        return phi;
    }
}
