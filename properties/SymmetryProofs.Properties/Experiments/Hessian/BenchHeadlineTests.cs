using SymmetryProofs.Experiments.Hessian;

namespace SymmetryProofs.Properties.Experiments.Hessian;

/// <summary>
/// The statistic and the verdict of the single bench's headline, on planted times: the median of an odd and of an
/// even count, the median rather than the minimum or the mean, and the goal's boundary (0.7 s exactly is within it).
/// No timing is measured here.
/// </summary>
public class BenchHeadlineTests
{
    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value_whatever_the_order()
    {
        Assert.Equal(2.0, BenchTiming.MedianOf([3.0, 1.0, 2.0]));
        Assert.Equal(0.4, BenchTiming.MedianOf([0.9, 0.1, 0.4, 5.0, 0.2]));
        Assert.Equal(7.0, BenchTiming.MedianOf([7.0]));
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_two_middle_values()
    {
        Assert.Equal(2.5, BenchTiming.MedianOf([4.0, 1.0, 3.0, 2.0]));
        Assert.Equal(1.5, BenchTiming.MedianOf([2.0, 1.0]));
    }

    [Fact]
    public void No_values_have_no_median()
    {
        Assert.Throws<ArgumentException>(() => BenchTiming.MedianOf([]));
    }

    [Fact]
    public void The_goal_includes_its_boundary_and_nothing_above_it()
    {
        Assert.True(BenchReport.WithinGoal(BenchReport.GoalSeconds));
        Assert.True(BenchReport.WithinGoal(Math.BitDecrement(BenchReport.GoalSeconds)));
        Assert.False(BenchReport.WithinGoal(Math.BitIncrement(BenchReport.GoalSeconds)));
        Assert.False(BenchReport.WithinGoal(double.NaN));
    }

    /// <summary>Two fast repeats among five do not carry the headline: the median (0.8 s) is above the goal, though the minimum and the mean (0.56 s) are within it.</summary>
    [Fact]
    public void The_headline_is_the_median_not_the_minimum_or_the_mean()
    {
        var h = new BenchHeadline([0.9, 0.1, 0.8, 0.1, 0.9], [1.0, 1.0, 1.0, 1.0, 1.0]);
        Assert.Equal(0.8, h.Median);
        Assert.Equal(0.1, h.Min);
        Assert.Equal(0.9, h.Max);
        Assert.False(h.WithinGoal);
        Assert.Contains("took 0.800 s wall, the median of 5 repeats (min 0.100 s, max 0.900 s", h.Statement(765, "0.5"), StringComparison.Ordinal);
        Assert.Contains("(above the goal, 0.7 s)", h.Statement(765, "0.5"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_median_of_exactly_the_goal_is_within_it()
    {
        var h = new BenchHeadline([2.0, 0.7, 0.1, 0.7, 0.7], [0.0, 0.0, 0.0, 0.0, 0.0]);
        Assert.Equal(BenchReport.GoalSeconds, h.Median);
        Assert.True(h.WithinGoal);
        Assert.Contains("(within the goal, 0.7 s)", h.Statement(765, "0.5"), StringComparison.Ordinal);
    }

    /// <summary>An even count (if <see cref="BenchHeadline.Repeats"/> were changed to one) takes the mean of the two middle repeats: 0.65 and 0.75 give 0.7, within the goal.</summary>
    [Fact]
    public void An_even_count_of_repeats_is_judged_on_the_mean_of_the_middle_two()
    {
        var h = new BenchHeadline([0.75, 0.6, 0.65, 0.8], [0.0, 0.0, 0.0, 0.0]);
        Assert.Equal(0.7, h.Median, 15);
        Assert.True(BenchHeadline.Repeats >= 5);
    }
}
