using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SymmetryProofs.Data;

namespace SymmetryProofs.Properties.Data;

/// <summary>The paper's five-fold enlargement by one-pixel shifts, background -1 shifted in.</summary>
public class ShiftAugmentationTests
{
    private static readonly (Shift There, Shift Back)[] Pairs =
        [(Shift.Right1, Shift.Left1), (Shift.Left1, Shift.Right1), (Shift.Up1, Shift.Down1), (Shift.Down1, Shift.Up1)];

    private static double[] Image(int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, 64).Select(_ => Optdigits.Scale(rng.Next(17))).ToArray();
    }

    /// <summary>Shift then shift back gives the original except on the one border line the first shift pushed out.</summary>
    [Property(MaxTest = 50)]
    public void Shifting_back_restores_the_image_away_from_the_border(int seed, NonNegativeInt which)
    {
        var (there, back) = Pairs[which.Get % 4];
        var x = Image(seed);
        var y = ShiftAugmentation.Apply(ShiftAugmentation.Apply(x, 8, there), 8, back);
        for (int r = 0; r < 8; r++)
            for (int c = 0; c < 8; c++)
            {
                // The pixels pushed out by `there` lie on the border it moved towards; `back` refills them with background.
                bool lost = there.Right == 1 ? c == 7 : there.Right == -1 ? c == 0 : there.Down == 1 ? r == 7 : r == 0;
                Assert.Equal(lost ? Optdigits.Background : x[r * 8 + c], y[r * 8 + c]);
            }
    }

    [Property(MaxTest = 50)]
    public void A_shift_moves_every_pixel_one_step_and_fills_in_background(int seed, NonNegativeInt which)
    {
        var shift = Shift.FiveFold[1 + which.Get % 4];
        var x = Image(seed);
        var y = ShiftAugmentation.Apply(x, 8, shift);
        for (int r = 0; r < 8; r++)
            for (int c = 0; c < 8; c++)
            {
                int r0 = r - shift.Down, c0 = c - shift.Right;
                bool inside = r0 is >= 0 and < 8 && c0 is >= 0 and < 8;
                Assert.Equal(inside ? x[r0 * 8 + c0] : -1.0, y[r * 8 + c]);
            }
    }

    [Property(MaxTest = 20)]
    public Property Enlargement_is_five_fold_keeps_labels_and_the_originals(PositiveInt count, int seed)
    {
        var set = DataSamples.Digits(count.Get % 30 + 1, seed);
        var big = ShiftAugmentation.Enlarge(set);
        bool sizes = big.Count == 5 * set.Count;
        bool labels = Enumerable.Range(0, big.Count).All(r => big.Labels[r] == set.Labels[ShiftAugmentation.OriginOf(r, set.Count)]);
        bool originals = Enumerable.Range(0, set.Count).All(i => big.Input(i).Equals(set.Input(i)));
        bool shifted = Enumerable.Range(0, set.Count).All(i =>
            big.Input(set.Count + i).ToArray().SequenceEqual(ShiftAugmentation.Apply(set.Input(i).ToArray(), 8, Shift.Right1)));
        return (sizes && labels && originals && shifted).Label($"n = {set.Count}, enlarged {big.Count}");
    }
}
