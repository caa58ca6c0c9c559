using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Networks;
using SymmetryProofs.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Objectives;

public sealed partial class MlpObjective
{
    /// <summary>
    /// The full Hessian, block by block (layers counted from 0: layer l maps its input h_l, width
    /// w[l], to the pre-activation a_l, width w[l+1]; h~_l = [h_l, 1], the 1 for a bias). A direction
    /// (a, b) of layer l moves sample n's a_l by h~_l,n[b] e_a, and every later R-quantity is linear in
    /// that move; so one R-pass per unit seed e_a at a_l (w[l+1] seeds instead of one per parameter
    /// of the layer) gives every block (l, m >= l):
    /// H[(l,a,b),(m,c,d)] = sum_n h~_l,n[b] (R{delta_m}^a[n,c] h~_m,n[d] + delta_m[n,c] R{h~_m}^a[n,d]),
    /// where R{h~_m} = 0 for m = l. Blocks below the diagonal are the transposes of those above;
    /// diagonal blocks are contracted as <see cref="Assembly"/> says: by default whole, so that their
    /// rounding asymmetry stays visible to <see cref="TorchObjective.Symmetrised"/>, or with
    /// <see cref="HessianAssembly.Symmetric"/> over symmetric pairs (symmetric by construction).
    /// The progress callback receives the number of rows finished minus one, after each layer.
    /// </summary>
    public Matrix<double> Hessian(double[] theta, Action<int>? progress = null)
    {
        ParameterVector.Check(theta, Dimension, nameof(theta));
        using var scope = torch.NewDisposeScope();
        var th = Tensors.Float64(theta);
        var s = Forward(th);
        var w = net.Widths;
        int extra = net.WithBiases ? 1 : 0;
        var augmented = new Tensor[layers];
        var offsets = new int[layers];
        for (int i = 0; i < layers; i++)
        {
            augmented[i] = net.WithBiases ? torch.cat(new[] { s.H[i], torch.ones(Samples, 1, dtype: float64) }, 1) : s.H[i];
            offsets[i] = ParameterLayout.WeightOffset(w, net.WithBiases, i);
        }
        var h = torch.zeros(Dimension, Dimension, dtype: float64);
        for (int l = 0; l < layers; l++)
        {
            using var seedScope = torch.NewDisposeScope();
            int seeds = w[l + 1];
            var ra = torch.eye(seeds, dtype: float64).unsqueeze(0).expand(Samples, seeds, seeds);
            var rh = new Tensor?[layers];
            for (int j = l; j + 1 < layers; j++)
            {
                rh[j + 1] = ra * s.Slope[j + 1].unsqueeze(1);
                ra = rh[j + 1]!.matmul(net.Weight(th, j + 1).t());
            }
            var p = s.P.unsqueeze(1);
            var rdelta = p * (ra - (p * ra).sum(-1, keepdim: true)) / samplesScalar;
            int rows = seeds * (w[l] + extra);
            for (int m = layers - 1; m >= l; m--)
            {
                int cols = w[m + 1] * (w[m] + extra);
                var block = m == l && Assembly == HessianAssembly.Symmetric
                    ? ContractSymmetric(augmented[l], rdelta)
                    : Contract(augmented[l], rdelta, augmented[m], m > l ? s.Delta[m] : null, m > l ? rh[m] : null);
                h.narrow(0, offsets[l], rows).narrow(1, offsets[m], cols).copy_(block);
                if (m > l)
                {
                    h.narrow(0, offsets[m], cols).narrow(1, offsets[l], rows).copy_(block.t());
                    rdelta = rdelta.matmul(net.Weight(th, m)) * s.Slope[m].unsqueeze(1) - (s.Error[m] * s.H[m]).unsqueeze(1).mul(Scalars.Two) * rh[m]!;
                }
            }
            progress?.Invoke(offsets[l] + rows - 1);
        }
        var order = Tensors.Int64(LayoutToAugmented());
        h = h.index_select(0, order).index_select(1, order);
        if (Penalty != 0) h.diagonal().add_(penaltyScalar);
        // The transpose's row-major data is H's column-major data, MathNet's storage order: the matrix takes the
        // array as it is, with no managed per-entry copy.
        var columnMajor = h.t().contiguous().data<double>().ToArray();
        return Matrix<double>.Build.Dense(Dimension, Dimension, columnMajor);
    }

    /// <summary>
    /// sum_n left[n,b] Y[n,a,c,d] with Y = R{delta}[n,a,c] right[n,d] + delta[n,c] R{h}[n,a,d] (R{h} padded
    /// with zeros for the bias column), as a [a*b, c*d] block; the sum runs over chunks of samples so
    /// Y never exceeds <see cref="ChunkElements"/> doubles.
    /// </summary>
    private Tensor Contract(Tensor left, Tensor rdelta, Tensor right, Tensor? delta, Tensor? rh)
    {
        long a = rdelta.shape[1], c = rdelta.shape[2], b = left.shape[1], d = right.shape[1];
        int chunk = (int)Math.Clamp(ChunkElements / (a * c * d), 1, Samples);
        var sum = torch.zeros(b, a * c * d, dtype: float64);
        for (int start = 0; start < Samples; start += chunk)
        {
            using var chunkScope = torch.NewDisposeScope();
            int n = Math.Min(chunk, Samples - start);
            var y = rdelta.narrow(0, start, n).unsqueeze(3) * right.narrow(0, start, n).unsqueeze(1).unsqueeze(1);
            if (delta is not null && rh is not null)
                y.narrow(3, 0, rh.shape[2]).add_(delta.narrow(0, start, n).unsqueeze(1).unsqueeze(3) * rh.narrow(0, start, n).unsqueeze(2), Scalars.One);
            sum.add_(left.narrow(0, start, n).t().matmul(y.reshape(n, a * c * d)), Scalars.One);
        }
        return sum.view(b, a, c, d).permute(1, 0, 2, 3).reshape(a * b, c * d);
    }

    /// <summary>
    /// A diagonal block, sum_n h~[n,b] S[n,a,c] h~[n,d] with S = R{delta} at the layer (the per-sample second derivative
    /// of the loss in the layer's pre-activations, symmetric in a and c): one product G = sum_n P[n,(b,d)] Q[n,(a,c)]
    /// with P = h~_b h~_d (every b, d: one contiguous broadcast) and Q = (S_ac + S_ca)/2 over the pairs a &lt;= c only, then
    /// block[(a,b),(c,d)] = G[(min(b,d), max(b,d)), (min(a,c), max(a,c))]: about half the flops of the general
    /// contraction, and a block that is symmetric by construction. Chunks of samples keep P within <see cref="ChunkElements"/> doubles.
    /// </summary>
    private Tensor ContractSymmetric(Tensor left, Tensor rdelta)
    {
        int a = (int)rdelta.shape[1], b = (int)left.shape[1];
        var (pairsA, indexA) = Pairs(a);
        using var ia = Tensors.Int64(pairsA.Select(p => (long)(p.I * a + p.J)).ToArray());
        using var ja = Tensors.Int64(pairsA.Select(p => (long)(p.J * a + p.I)).ToArray());
        int chunk = (int)Math.Clamp(ChunkElements / (b * b), 1, Samples);
        var g = torch.zeros(b * b, pairsA.Length, dtype: float64);
        for (int start = 0; start < Samples; start += chunk)
        {
            using var chunkScope = torch.NewDisposeScope();
            int n = Math.Min(chunk, Samples - start);
            var h = left.narrow(0, start, n);
            // Every product h~_b h~_d by one broadcast (contiguous, no gather); only the pairs b <= d are read back below.
            var p = (h.unsqueeze(2) * h.unsqueeze(1)).reshape(n, b * b);
            var sq = rdelta.narrow(0, start, n).reshape(n, a * a);
            var q = sq.index_select(1, ia).add_(sq.index_select(1, ja)).mul_(Scalars.Half);
            g.addmm_(p.t(), q);
        }
        using var index = Tensors.Int64(SymmetricGather(a, b, pairsA.Length, indexA));
        return g.view(-1).index_select(0, index).view(a * b, a * b);
    }

    /// <summary>
    /// For each entry (a, b, c, d) of a diagonal block, row-major, its position in G of <see cref="ContractSymmetric"/>:
    /// (min(b,d), max(b,d)) by the pair of (a, c). A loop of a^2 b^2 entries (over 4e5 for the paper's first layer), compiled
    /// fully optimised from its first call rather than first as tier-0 code (a process builds only a few Hessians). The
    /// bench's first timed Hessian stays about 1.2x its warm repeats with tiered compilation off as well, so that gap has
    /// another cause.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long[] SymmetricGather(int a, int b, int pairs, int[,] indexA)
    {
        var gather = new long[(long)a * b * a * b];
        long k = 0;
        for (int ra = 0; ra < a; ra++)
            for (int rb = 0; rb < b; rb++)
                for (int rc = 0; rc < a; rc++)
                    for (int rd = 0; rd < b; rd++)
                        gather[k++] = (long)(Math.Min(rb, rd) * b + Math.Max(rb, rd)) * pairs + indexA[ra, rc];
        return gather;
    }

    /// <summary>
    /// The floating-point operations of <see cref="Hessian"/>, counted from its code with <see cref="Assembly"/>: every
    /// matrix product of [m x k] by [k x n] as 2 m k n (a multiply and an add per term), both the sample contractions of
    /// the blocks and the R-passes' products with the weights; and the elementwise products and sums that build the
    /// contractions' operands (P and Q of a symmetric diagonal block, Y of the others). The remaining elementwise work
    /// (slopes, the softmax terms, the copies into place) is O(n_samples x the layer widths) and not counted.
    /// </summary>
    public HessianFlops Flops()
    {
        var w = net.Widths;
        int extra = net.WithBiases ? 1 : 0;
        double n = Samples, products = 0, elementwise = 0;
        for (int l = 0; l < layers; l++)
        {
            double a = w[l + 1], b = w[l] + extra;
            for (int j = l; j + 1 < layers; j++) products += 2 * n * a * w[j + 1] * w[j + 2];
            for (int m = layers - 1; m >= l; m--)
            {
                double c = w[m + 1], d = w[m] + extra;
                if (m == l && Assembly == HessianAssembly.Symmetric)
                {
                    double pairsA = a * (a + 1) / 2;
                    products += 2 * n * b * b * pairsA;
                    elementwise += n * b * b + 2 * n * pairsA;
                    continue;
                }
                products += 2 * n * b * a * c * d;
                elementwise += n * a * c * d;
                if (m > l)
                {
                    elementwise += 2 * n * a * c * w[m];
                    products += 2 * n * a * c * w[m];
                }
            }
        }
        return new HessianFlops(products, elementwise);
    }

    /// <summary>The pairs i &lt;= j of 0..n-1 in row order, and each unordered pair's position among them.</summary>
    private static ((int I, int J)[] Pairs, int[,] Index) Pairs(int n)
    {
        var pairs = new List<(int, int)>(n * (n + 1) / 2);
        var index = new int[n, n];
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
            {
                index[i, j] = index[j, i] = pairs.Count;
                pairs.Add((i, j));
            }
        return (pairs.ToArray(), index);
    }

    /// <summary>
    /// For each parameter in <see cref="ParameterLayout"/> order (W row-major, then b), its index in
    /// the augmented order the blocks use: row a of [W b] with the bias as the last column.
    /// </summary>
    private long[] LayoutToAugmented()
    {
        var w = net.Widths;
        int extra = net.WithBiases ? 1 : 0;
        var index = new long[Dimension];
        for (int i = 0; i < layers; i++)
        {
            int off = ParameterLayout.WeightOffset(w, net.WithBiases, i), fanIn = w[i], fanOut = w[i + 1];
            for (int a = 0; a < fanOut; a++)
            {
                for (int b = 0; b < fanIn; b++) index[off + a * fanIn + b] = off + a * (fanIn + extra) + b;
                if (extra == 1) index[off + fanOut * fanIn + a] = off + a * (fanIn + 1) + fanIn;
            }
        }
        return index;
    }
}
