namespace SymmetryProofs.Experiments.Bergman;

/// <summary>How far training got.</summary>
/// <param name="Budget">The L-BFGS evaluation budget.</param>
/// <param name="Iterations">L-BFGS iterations.</param>
/// <param name="NewtonSteps">Newton steps of the finish (0 without it).</param>
/// <param name="FinalLoss">Final training loss.</param>
/// <param name="GradientMax">Final max |dL/dtheta|.</param>
/// <param name="Stop">What ended the training.</param>
/// <param name="LbfgsStop">What ended its L-BFGS phase (the same as <paramref name="Stop"/> without a finish).</param>
internal sealed record TrainingEnd(int Budget, int Iterations, int NewtonSteps, double FinalLoss, double GradientMax, StopRule Stop, StopRule LbfgsStop);

/// <summary>What the logits on the test side look like.</summary>
/// <param name="MeanAbsLogit">Mean |s_a| over samples and classes.</param>
/// <param name="MeanLogitSpread">Mean of the largest minus the smallest logit.</param>
/// <param name="TiesTest">Test samples with a tied largest logit.</param>
/// <param name="TiesTestInverted">Negated test samples with a tied largest logit.</param>
/// <param name="SamePrediction">Test samples predicted the same class as their negation.</param>
/// <param name="TestCount">Test samples.</param>
internal sealed record LogitEvidence(double MeanAbsLogit, double MeanLogitSpread, int TiesTest, int TiesTestInverted, int SamePrediction, int TestCount);

/// <summary>The evidence behind a row, for the discussion (a row of tables-diagnostics.csv).</summary>
/// <param name="Key">The run.</param>
/// <param name="SplitRatio">The training share of each class.</param>
/// <param name="AccTrain">Accuracy on the training set.</param>
/// <param name="Training">How far training got.</param>
/// <param name="Logits">The test logits.</param>
internal sealed record BergmanDiagnostics(RunKey Key, double SplitRatio, double AccTrain, TrainingEnd Training, LogitEvidence Logits);
