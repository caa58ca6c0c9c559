namespace SymmetryProofs.Optimisation;

/// <summary>
/// Early stopping on a validation loss: fed every accepted L-BFGS point, it keeps the point of the lowest loss so far
/// (strictly lower replaces it; the start counts) and asks to stop once <paramref name="patience"/> points in a row have not
/// improved on it.
/// </summary>
public sealed class EarlyStopping(Func<double[], double> validationLoss, int patience, double[] start)
{
    private int sinceBest;

    /// <summary>The lowest validation loss seen.</summary>
    public double BestLoss { get; private set; } = validationLoss(start);

    /// <summary>The point of <see cref="BestLoss"/> (a copy).</summary>
    public double[] Best { get; private set; } = (double[])start.Clone();

    /// <summary>Records <paramref name="x"/>; true when the run should stop.</summary>
    public bool Stop(double[] x)
    {
        double loss = validationLoss(x);
        if (loss < BestLoss)
        {
            BestLoss = loss;
            Best = (double[])x.Clone();
            sinceBest = 0;
            return false;
        }
        return ++sinceBest >= patience;
    }
}
