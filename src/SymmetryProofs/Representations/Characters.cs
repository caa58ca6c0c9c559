using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Representations;

/// <summary>
/// The independent reference: character inner products &lt;chi_a, chi_b&gt; = (1/|G|) sum_g chi_a(g) chi_b(g)
/// (real characters, so chi(g^-1) = chi(g)), which equal dim Hom_G(V_a, V_b) over R. For a torus the
/// average is over the K^d grid of <see cref="IGroupAction.Representatives"/>, exact (Weyl integration of
/// a trigonometric polynomial) when K exceeds every |weight of V_a - weight of V_b|. Known answers from
/// weights are given too: dim Hom = sum_w n_w(V_a) n_w(V_b) over the weights of the complexifications.
/// </summary>
public static class Characters
{
    /// <summary>dim Hom_G(V_in, V_out) from characters: over all elements of the group acting by in + out (finite), or the K-grid (torus).</summary>
    public static double HomDimension(Representation input, Representation output, int resolution = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (ReferenceEquals(input, output)) return Average(input.Action.Representatives(resolution), g => Square(g.Matrix.Trace()));
        int n = input.Dimension;
        var joint = Representation.DirectSum(input, output).Action;
        return Average(joint.Representatives(resolution), g => Trace(g.Matrix, 0, n) * Trace(g.Matrix, n, output.Dimension));
    }

    /// <summary>
    /// (&lt;chi_k, chi_V&gt;, &lt;chi_k, chi_k&gt;) for each subspace spanned by the orthonormal columns of a basis
    /// (chi_k(g) = tr(B^T U(g) B) = &lt;B B^T, U(g)&gt;_F): the multiplicity of its type in V is their ratio, and
    /// &lt;chi_k, chi_k&gt; = 1, 2, 4 is its real type. The group's elements are formed once for all subspaces.
    /// </summary>
    public static IReadOnlyList<(double WithWhole, double WithItself)> OfSubspaces(Representation rep, IEnumerable<Matrix<double>> bases, int resolution = 0)
    {
        ArgumentNullException.ThrowIfNull(rep);
        var elements = rep.Action.Representatives(resolution).Select(g => g.Matrix.ToColumnMajorArray()).ToArray();
        var whole = elements.Select(u => { double t = 0; for (int i = 0; i < rep.Dimension; i++) t += u[i * rep.Dimension + i]; return t; }).ToArray();
        return bases.Select(b =>
        {
            var p = b.TransposeAndMultiply(b).ToColumnMajorArray();
            double withWhole = 0, withItself = 0;
            for (int e = 0; e < elements.Length; e++)
            {
                double chi = 0;
                var u = elements[e];
                for (int i = 0; i < p.Length; i++) chi += p[i] * u[i];
                withWhole += chi * whole[e];
                withItself += chi * chi;
            }
            return (withWhole / elements.Length, withItself / elements.Length);
        }).ToArray();
    }

    /// <summary>sum_w n_w(a) n_w(b): dim_R Hom_T(V_a, V_b) for torus representations given by the weights of their complexifications.</summary>
    public static int HomDimensionFromWeights(IEnumerable<int[]> a, IEnumerable<int[]> b)
    {
        var count = b.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());
        return a.Sum(w => count.GetValueOrDefault(Key(w)));
    }

    /// <summary>The weights of (R^2)^(x)k under SO(2): the sums of k signs +-1, each sign pattern once (2^k weights).</summary>
    public static IEnumerable<int[]> So2TensorPowerWeights(int k) =>
        Enumerable.Range(0, 1 << k).Select(bits => new[] { Enumerable.Range(0, k).Sum(i => (bits >> i & 1) == 1 ? 1 : -1) });

    /// <summary>
    /// The weights of band-limited translations of h x w images (<see cref="TorusTranslations"/>): (k1', k2') per DFT
    /// frequency, k' the signed frequency with the Nyquist frequency fixed (weight 0), in units of 2 pi / h and 2 pi / w.
    /// </summary>
    public static IEnumerable<int[]> TorusImageWeights(int height, int width) =>
        from k1 in Enumerable.Range(0, height)
        from k2 in Enumerable.Range(0, width)
        select new[] { (int)TorusTranslations.SignedFrequency(height, k1, true), (int)TorusTranslations.SignedFrequency(width, k2, true) };

    private static string Key(int[] w) => string.Join(",", w);

    private static double Average(IReadOnlyList<GroupElement> elements, Func<GroupElement, double> f) => elements.Sum(f) / elements.Count;

    private static double Trace(Matrix<double> m, int offset, int count)
    {
        double t = 0;
        for (int i = offset; i < offset + count; i++) t += m[i, i];
        return t;
    }

    private static double Square(double v) => v * v;
}
