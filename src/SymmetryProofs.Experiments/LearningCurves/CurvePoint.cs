namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>
/// One run as the analysis sees it: the configuration, the number of training originals (before the five-fold
/// enlargement and before -X is added), the seed, and what was measured.
/// </summary>
/// <param name="Config">The configuration's name (reference, augmentation, neighbour, permutation).</param>
/// <param name="Samples">Training originals, before the five-fold enlargement and before -X is added.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="R">Accuracy on X_test.</param>
/// <param name="RBar">Accuracy on -X_test.</param>
/// <param name="AccTrain">Accuracy on the set the net was trained on (X, or X and -X).</param>
/// <param name="TrainedOnBoth">Whether it was trained on X and -X.</param>
/// <param name="Seconds">Training wall time of the run.</param>
/// <param name="Evaluations">Loss-and-gradient evaluations spent.</param>
/// <param name="Converged">Whether training stopped by its rule (gradient, plateau or validation: StopRules.Converged), not on its budget or a failed line search.</param>
/// <param name="ToTarget">When the training loss first reached each loss target (evaluations, seconds; null when never).</param>
internal sealed record CurvePoint(string Config, int Samples, int Seed, double R, double RBar, double AccTrain, bool TrainedOnBoth,
    double Seconds, int Evaluations, bool Converged, IReadOnlyList<TargetReach>? ToTarget = null)
{
    /// <summary>(R + R-bar) / 2: accuracy on test digits drawn as often inverted as not.</summary>
    public double Symmetric => (R + RBar) / 2;

    /// <summary>Test accuracy on the distribution the net was trained on: (R + R-bar)/2 after training on X and -X, else R.</summary>
    public double TestOnTrainingDistribution => TrainedOnBoth ? Symmetric : R;

    /// <summary>Over-fitting: training accuracy minus test accuracy on the same distribution.</summary>
    public double Gap => AccTrain - TestOnTrainingDistribution;
}
