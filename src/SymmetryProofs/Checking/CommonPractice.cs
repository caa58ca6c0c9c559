using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Checking;

/// <summary>
/// What e3nn's <c>assert_equivariant</c> and escnn's <c>check_equivariance</c> do, as the baseline
/// of the benchmark: a fixed number of random trials (standard normal inputs, uniform or Haar
/// elements), flagged when the largest error exceeds a fixed tolerance. The error is the checker's
/// own (<see cref="EquivarianceError.Relative"/> with the same output-scale floor), so the two differ
/// only in search and verdict. Each trial costs two model evaluations.
/// </summary>
internal static class CommonPractice
{
    /// <summary>The largest error over <paramref name="trials"/> random trials drawn from <paramref name="seed"/>.</summary>
    public static double MaxError(CheckedModel model, InputDeclaration input, OutputDeclaration output, int trials, int seed)
    {
        var rng = new Random(seed);
        var elements = new ElementSpace(input.Representation);
        var cases = Enumerable.Range(0, trials).Select(_ => elements.Draw(ErrorAscent.Gaussian(model.InputDimension, rng), rng)).ToArray();
        var counter = new EvaluationCounter();
        var measured = new CaseMeasurer(model, new InputAction(input.Representation), SymmetryChecker.Probe(model, counter, cases[0], output, input.Representation), counter).Measure(cases);
        return measured.Max(m => double.IsNaN(m.Error) ? double.PositiveInfinity : m.Error);
    }
}
