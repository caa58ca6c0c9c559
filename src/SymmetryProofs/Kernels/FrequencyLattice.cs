using MathNet.Numerics;

namespace SymmetryProofs.Kernels;

/// <summary>
/// The integer frequencies k in Z^D with |k| &lt;= Radius and the Sobolev weights
/// w_k = (1 + pi^2 |k|^2)^(-s). Real features: index 0 is the constant, then for every k of the
/// half lattice H (k != 0, first non-zero entry positive) cos(pi k.x) at 1 + 2h and sin(pi k.x)
/// at 2 + 2h. Over the uniform probability measure on the torus these are orthogonal with
/// squared norms 1, 1/2, 1/2, and the spectral kernel is
/// K(x, y) = w_0 + 2 sum_H w_k cos(pi k.(x - y)) = sum_{|k| &lt;= R} w_k cos(pi k.(x - y)),
/// whose Mercer eigenvalues are exactly the w_k.
/// </summary>
public sealed class FrequencyLattice
{
    public int Dimension { get; }
    public int Radius { get; }
    public double Smoothness { get; }
    /// <summary>The half lattice H in a fixed order (by |k|^2, then lexicographic).</summary>
    public IReadOnlyList<int[]> Half { get; }
    public double[] HalfWeights { get; }
    public int FeatureCount => 1 + 2 * Half.Count;
    private readonly Dictionary<string, int> _index = new();
    private readonly double[] _halfScales;
    // For half-lattice entry h and axis j: the slot j (R + 1) + |k_j| of that axis's cos and sin table, and the sign of k_j.
    private readonly int[] _axisSlot;
    private readonly double[] _axisSign;

    public FrequencyLattice(int dimension, int radius, double smoothness)
    {
        if (dimension < 1) throw new ArgumentException($"Dimension must be at least 1; got {dimension}.");
        if (radius < 1) throw new ArgumentException($"Truncation radius must be at least 1; got {radius}.");
        if (!(smoothness > dimension / 2.0))
            throw new ArgumentException($"Sobolev smoothness s = {smoothness} must exceed D/2 = {dimension / 2.0} for the kernel to be a bounded function.");
        Dimension = dimension;
        Radius = radius;
        Smoothness = smoothness;
        var half = new List<int[]>();
        Enumerate(new int[dimension], 0, radius * radius, half);
        Half = half.OrderBy(Norm2).ThenBy(k => string.Join(",", k.Select(v => v.ToString("D4")))).ToList();
        HalfWeights = Half.Select(k => Weight(Norm2(k))).ToArray();
        for (int h = 0; h < Half.Count; h++) _index[Key(Half[h])] = h;
        _halfScales = HalfWeights.Select(w => Math.Sqrt(2.0 * w)).ToArray();
        _axisSlot = new int[Half.Count * dimension];
        _axisSign = new double[Half.Count * dimension];
        for (int h = 0; h < Half.Count; h++)
            for (int j = 0; j < dimension; j++)
            {
                _axisSlot[h * dimension + j] = j * (radius + 1) + Math.Abs(Half[h][j]);
                _axisSign[h * dimension + j] = Half[h][j] < 0 ? -1.0 : 1.0;
            }
    }

    private static void Enumerate(int[] k, int j, int r2, List<int[]> half)
    {
        if (j == k.Length)
        {
            int first = Array.FindIndex(k, v => v != 0);
            if (first >= 0 && k[first] > 0 && Norm2(k) <= r2) half.Add(k.ToArray());
            return;
        }
        int r = (int)Math.Sqrt(r2);
        for (int v = -r; v <= r; v++) { k[j] = v; Enumerate(k, j + 1, r2, half); }
    }

    public static int Norm2(int[] k) => k.Sum(v => v * v);
    private static string Key(int[] k) => string.Join(",", k);

    /// <summary>w = (1 + pi^2 |k|^2)^(-s).</summary>
    public double Weight(int norm2) => Math.Pow(1.0 + Math.PI * Math.PI * norm2, -Smoothness);

    /// <summary>The frequency of a feature index (zero vector for the constant).</summary>
    public int[] FrequencyOf(int feature) => feature == 0 ? new int[Dimension] : Half[(feature - 1) / 2];

    /// <summary>Mercer eigenvalue of a feature: w_k for cos and sin of k, 1 for the constant.</summary>
    public double EigenvalueOf(int feature) => feature == 0 ? 1.0 : HalfWeights[(feature - 1) / 2];

    /// <summary>Squared L2 norm of a feature under the uniform probability measure (Parseval weight).</summary>
    public static double ParsevalWeight(int feature) => feature == 0 ? 1.0 : 0.5;

    /// <summary>
    /// Scaled features psi(x) with K(x, y) = psi(x).psi(y): psi_0 = 1, sqrt(2 w_k) cos and sin. exp(i pi k.x) is computed as
    /// the product over axes of exp(i pi k_j x_j), from one sine and cosine per axis and |k_j| &lt;= R (D (R + 1) in all
    /// instead of one per feature): equal to the cos and sin of pi k.x to a few ulps plus the rounding of the angles, and the
    /// experiment's largest cost after the Gram matrix.
    /// </summary>
    public void ScaledFeatures(double[] x, Span<double> psi)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Length != Dimension || psi.Length < FeatureCount) throw new ArgumentException($"Expected a point of dimension {Dimension} and room for {FeatureCount} features; got {x.Length} and {psi.Length}.");
        int width = Radius + 1, d = Dimension;
        var cos = new double[d * width];
        var sin = new double[d * width];
        for (int j = 0; j < d; j++)
        {
            cos[j * width] = 1.0;
            for (int v = 1; v <= Radius; v++) (sin[j * width + v], cos[j * width + v]) = Math.SinCos(Math.PI * (v * x[j]));
        }
        psi[0] = 1.0;
        for (int h = 0; h < Half.Count; h++)
        {
            int at = h * d;
            double re = cos[_axisSlot[at]], im = _axisSign[at] * sin[_axisSlot[at]];
            for (int j = 1; j < d; j++)
            {
                double c = cos[_axisSlot[at + j]], s = _axisSign[at + j] * sin[_axisSlot[at + j]];
                (re, im) = (re * c - im * s, re * s + im * c);
            }
            psi[1 + 2 * h] = _halfScales[h] * re;
            psi[2 + 2 * h] = _halfScales[h] * im;
        }
    }

    /// <summary>Unscaled features phi(x): 1, cos(pi k.x), sin(pi k.x); a target is f = phi . c.</summary>
    public void Features(double[] x, Span<double> phi) => Fill(x, phi, scaled: false);

    /// <summary>
    /// Scaled features from the cos and sin of pi k.x, one pair per frequency: the direct definition, slower than
    /// <see cref="ScaledFeatures"/> and the reference its tests hold it against.
    /// </summary>
    public void ScaledFeaturesDirect(double[] x, Span<double> psi) => Fill(x, psi, scaled: true);

    /// <summary>Both feature vectors; the unscaled one multiplies by exactly 1, so it is bit for bit the plain cos and sin.</summary>
    private void Fill(double[] x, Span<double> features, bool scaled)
    {
        features[0] = 1.0;
        for (int h = 0; h < Half.Count; h++)
        {
            var k = Half[h];
            double t = 0;
            for (int j = 0; j < Dimension; j++) t += k[j] * x[j];
            var (sin, cos) = Math.SinCos(Math.PI * t);
            double a = scaled ? Math.Sqrt(2.0 * HalfWeights[h]) : 1.0;
            features[1 + 2 * h] = a * cos;
            features[2 + 2 * h] = a * sin;
        }
    }

    /// <summary>
    /// The feature index j and sign with phi_i(g x) = sign * phi_j(x): cos and sin of k become
    /// cos and sin of g^T k, folded back into the half lattice (sin changes sign when folded).
    /// </summary>
    public (int Index, int Sign) ActOnFeature(SignedPermutation g, int feature)
    {
        if (feature == 0) return (0, 1);
        int h = (feature - 1) / 2;
        bool isSin = (feature - 1) % 2 == 1;
        var q = g.ActOnFrequency(Half[h]);
        int sign = 1;
        if (!_index.TryGetValue(Key(q), out int hq))
        {
            hq = _index[Key(q.Select(v => -v).ToArray())];
            if (isSin) sign = -1;
        }
        return (1 + 2 * hq + (isSin ? 1 : 0), sign);
    }

    /// <summary>
    /// Upper bound on sum over k in Z^D with |k| &gt; R of w_k, hence on |K_infinity(x, y) - K_R(x, y)|
    /// for all x, y. Each dropped lattice point owns its unit cube, inside |x| &gt; R - sqrt(D)/2, on
    /// which w(|x| - sqrt(D)/2) &gt;= w_k; integrating in polar coordinates with u0 = R - sqrt(D) gives
    /// S_(D-1) (1 + sqrt(D)/(2 u0))^(D-1) pi^(-2s) u0^(D-2s) / (2s - D). Infinite when u0 &lt;= 0.
    /// </summary>
    public double TailBound()
    {
        double c = Math.Sqrt(Dimension) / 2.0, u0 = Radius - Math.Sqrt(Dimension);
        if (u0 <= 0) return double.PositiveInfinity;
        double sphere = 2.0 * Math.Pow(Math.PI, Dimension / 2.0) / SpecialFunctions.Gamma(Dimension / 2.0);
        double s = Smoothness;
        return sphere * Math.Pow(1.0 + c / u0, Dimension - 1) * Math.Pow(Math.PI, -2.0 * s)
               * Math.Pow(u0, Dimension - 2.0 * s) / (2.0 * s - Dimension);
    }

    /// <summary>
    /// The largest Mercer eigenvalue the truncation drops: w at the smallest |k|^2 &gt; R^2 of a lattice point k, i.e. the
    /// smallest integer above R^2 that is a sum of D squares: R^2 + 1 = R^2 + 1^2 when D &gt;= 2, (R + 1)^2 when D = 1.
    /// </summary>
    public double LargestDroppedEigenvalue()
    {
        int norm2 = Radius * Radius + 1;
        while (!IsSumOfSquares(norm2, Dimension)) norm2++;
        return Weight(norm2);
    }

    /// <summary>Whether <paramref name="value"/> is a sum of <paramref name="terms"/> squares of integers.</summary>
    private static bool IsSumOfSquares(int value, int terms)
    {
        if (terms == 0) return value == 0;
        for (int v = 0; v * v <= value; v++)
            if (IsSumOfSquares(value - v * v, terms - 1)) return true;
        return false;
    }
}
