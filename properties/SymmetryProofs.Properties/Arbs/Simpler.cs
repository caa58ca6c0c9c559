namespace SymmetryProofs.Properties;

/// <summary>
/// Shrink steps for numbers: towards 0, then to fewer decimal digits, so that a shrunk
/// counterexample reads like 0.5 or -1 instead of 0.73918273645 (adding +0.0 turns a rounded -0 into 0).
/// </summary>
public static class Simpler
{
    /// <summary>Strictly simpler values than v: 0, then v rounded to 0, 1 and 2 decimals (each only if it differs from v).</summary>
    public static IEnumerable<double> Numbers(double v)
    {
        if (v == 0) yield break;
        yield return 0;
        foreach (int digits in new[] { 0, 1, 2 })
        {
            double r = Math.Round(v, digits) + 0.0;
            if (r != v && r != 0) yield return r;
        }
    }

    /// <summary>
    /// Simpler arrays of the same length: all zeros, all entries rounded, then (for arrays of
    /// at most <paramref name="perEntryUpTo"/> entries, to bound the cost) one entry at a time.
    /// </summary>
    public static IEnumerable<double[]> Arrays(double[] a, int perEntryUpTo)
    {
        if (a.Any(v => v != 0)) yield return new double[a.Length];
        foreach (int digits in new[] { 0, 1, 2 })
        {
            var rounded = a.Select(v => Math.Round(v, digits) + 0.0).ToArray();
            if (!rounded.SequenceEqual(a)) yield return rounded;
        }
        if (a.Length > perEntryUpTo) yield break;
        for (int i = 0; i < a.Length; i++)
            foreach (var s in Numbers(a[i]))
            {
                var copy = a.ToArray();
                copy[i] = s;
                yield return copy;
            }
    }
}
