namespace SymmetryProofs.Checking;

/// <summary>
/// Where the search looks when the error is exactly 0 and autograd gives no direction: a model
/// exactly symmetric away from a small region (an even bump of width 0.1 added to an odd map) has
/// error 0 at every Gaussian trial, and redrawing the element at those same inputs spends the
/// budget on the same points. Instead, every second proposal is a structured point, in this order:
/// the origin, the current point rounded as the shrinker rounds (one significant digit, integer
/// part), then for each radius 1e-3, 1e-2, 3e-2, 0.1, 0.3, 1, 3 a random direction and the single
/// axes (at most 16 of them, drawn once) at that radius; the other proposals are random steps, around
/// the current point or around the origin, at a log-uniform radius between 1e-3 and 3 times sqrt(n).
/// </summary>
internal sealed class InputProbes(int n, Random rng)
{
    /// <summary>Radii of the structured probes: small scales first, where a confined violation hides from Gaussian trials.</summary>
    public static readonly double[] Radii = [1e-3, 1e-2, 3e-2, 0.1, 0.3, 1, 3];

    /// <summary>Axes probed at each radius: all of them up to this many, else this many drawn once.</summary>
    public const int MaxAxes = 16;

    private int structured;
    private long proposals;
    private int[]? axes;

    /// <summary>The next input to try from <paramref name="current"/>, inside the box [-bound, bound]^n.</summary>
    public double[] Next(double[] current, double bound)
    {
        var x = proposals++ % 2 == 0 ? Structured(current) ?? RandomStep(current) : RandomStep(current);
        return x.Select(v => Math.Clamp(v, -bound, bound)).ToArray();
    }

    private double[]? Structured(double[] current)
    {
        int k = structured++;
        if (k == 0) return new double[n];
        if (k == 1) return current.Select(v => EquivarianceRounding(v, integer: false)).ToArray();
        if (k == 2) return current.Select(v => EquivarianceRounding(v, integer: true)).ToArray();
        axes ??= n <= MaxAxes ? Enumerable.Range(0, n).ToArray() : Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(MaxAxes).Order().ToArray();
        int perRadius = 1 + axes.Length;
        int j = k - 3;
        if (j >= perRadius * Radii.Length) return null;
        double r = Radii[j / perRadius];
        int within = j % perRadius;
        if (within == 0) return Scaled(Unit(), r);
        var x = new double[n];
        x[axes[within - 1]] = r;
        return x;
    }

    private double[] RandomStep(double[] current)
    {
        double r = Math.Pow(10, -3 + 3.5 * rng.NextDouble()) * Math.Sqrt(n);
        var d = Scaled(Unit(), r);
        return rng.Next(2) == 0 ? current.Select((v, i) => v + d[i]).ToArray() : d;
    }

    private double[] Unit()
    {
        var g = ErrorAscent.Gaussian(n, rng);
        double norm = Math.Sqrt(g.Sum(a => a * a));
        return norm > 0 ? g.Select(a => a / norm).ToArray() : Enumerable.Range(0, n).Select(i => i == 0 ? 1.0 : 0).ToArray();
    }

    private static double[] Scaled(double[] v, double r) => v.Select(a => a * r).ToArray();

    // The shrinker's kinds of points: one significant digit, or the integer part.
    private static double EquivarianceRounding(double v, bool integer)
    {
        if (integer) return Math.Truncate(v);
        if (v == 0 || !double.IsFinite(v)) return 0;
        double p = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(v))));
        return Math.Round(v / p) * p;
    }
}
