using SymmetryProofs.Representations;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Checking;

/// <summary>
/// Simplifies a violating case while it still violates (excess error above the tolerance): the
/// element moved to a generator, each coordinate set to 0, then rounded to one significant digit,
/// then to its integer part. Greedy, first simpler candidate that still violates wins; every
/// accepted step is strictly smaller in <see cref="SearchCase.Size"/>, so shrinking ends, and it
/// stops when a pass changes nothing or its budget of evaluations is spent.
/// </summary>
internal sealed class Shrinker(CaseMeasurer measurer, ElementSpace elements, Tolerance tolerance, EvaluationCounter counter)
{
    public MeasuredCase Shrink(MeasuredCase worst, int budget)
    {
        int start = counter.Count;
        var current = worst;
        bool changed = true;
        while (changed && counter.Count - start < budget)
        {
            changed = false;
            // One batch per position: the element first, then each coordinate (0, one digit, integer part).
            for (int i = -1; i < current.Case.X.Length && counter.Count - start < budget; i++)
            {
                var c = current.Case;
                var batch = (i < 0 ? elements.Simpler(c) : EquivarianceCheck.Simpler(c.X[i]).Select(v => With(c, i, v)))
                    .Where(k => k.IsSimplerThan(c)).ToArray();
                var accepted = measurer.Measure(batch).FirstOrDefault(m => !tolerance.Accepts(m.Excess));
                if (accepted is null) continue;
                current = accepted;
                changed = true;
            }
        }
        return current;
    }

    private static SearchCase With(SearchCase c, int i, double v)
    {
        var x = (double[])c.X.Clone();
        x[i] = v;
        return c with { X = x };
    }
}
