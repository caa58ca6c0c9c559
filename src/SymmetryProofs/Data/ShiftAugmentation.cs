using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Data;

/// <summary>A one-pixel translation of a square image: (rows down, columns right).</summary>
public readonly record struct Shift(int Down, int Right, string Name)
{
    public static readonly Shift None = new(0, 0, "original");
    public static readonly Shift Right1 = new(0, 1, "right");
    public static readonly Shift Left1 = new(0, -1, "left");
    public static readonly Shift Up1 = new(-1, 0, "up");
    public static readonly Shift Down1 = new(1, 0, "down");

    /// <summary>The paper's five copies, in the block order of <see cref="ShiftAugmentation.Enlarge"/>.</summary>
    public static readonly IReadOnlyList<Shift> FiveFold = [None, Right1, Left1, Up1, Down1];
}

/// <summary>
/// The paper's five-fold enlargement: each image plus copies shifted one pixel right, left, up and
/// down. Pixels shifted in from outside take the background value (-1 after scaling), since the
/// paper does not say and a blank margin is what a translated scan would show.
/// </summary>
public static class ShiftAugmentation
{
    /// <summary>new[r, c] = old[r - down, c - right], background where that falls outside.</summary>
    public static double[] Apply(ReadOnlySpan<double> image, int side, Shift shift, double background = Optdigits.Background)
    {
        if (image.Length != side * side)
            throw new ArgumentException($"Image has {image.Length} pixels; expected {side}x{side} = {side * side}.", nameof(image));
        var result = new double[image.Length];
        for (int r = 0; r < side; r++)
            for (int c = 0; c < side; c++)
            {
                int r0 = r - shift.Down, c0 = c - shift.Right;
                result[r * side + c] = r0 >= 0 && r0 < side && c0 >= 0 && c0 < side ? image[r0 * side + c0] : background;
            }
        return result;
    }

    /// <summary>
    /// Five blocks of n rows: block k holds shift <see cref="Shift.FiveFold"/>[k] of every sample, so
    /// row k n + i comes from original i (<see cref="OriginOf"/>).
    /// </summary>
    public static LabelledSet Enlarge(LabelledSet set, int side = Optdigits.Side, double background = Optdigits.Background)
    {
        if (set.Dimension != side * side)
            throw new ArgumentException($"Samples have {set.Dimension} coordinates; expected {side}x{side} images.", nameof(set));
        var rows = new double[Shift.FiveFold.Count * set.Count][];
        var labels = new int[rows.Length];
        for (int k = 0; k < Shift.FiveFold.Count; k++)
            for (int i = 0; i < set.Count; i++)
            {
                rows[k * set.Count + i] = Apply(set.Inputs.Row(i).ToArray(), side, Shift.FiveFold[k], background);
                labels[k * set.Count + i] = set.Labels[i];
            }
        return new LabelledSet(Matrix<double>.Build.DenseOfRowArrays(rows), labels, set.Classes);
    }

    /// <summary>The index of the original sample that row <paramref name="row"/> of an enlarged set of <paramref name="originals"/> samples was made from.</summary>
    public static int OriginOf(int row, int originals) => row % originals;
}
