using SymmetryProofs.Representations;
using SymmetryProofs.Runtime;
using static TorchSharp.torch;

namespace SymmetryProofs.Checking;

/// <summary>
/// rho(g_b) f(x_b) for a batch, as a tensor the search can differentiate: the trivial representation
/// leaves f(x) as it is, a character multiplies each row by chi(g_b) = +-1 (exact), the input's own
/// representation reuses its matrices [B, n, n] (differentiable in a torus' coordinates), and any
/// other representation its matrices rho(g_b): stacked for a finite group, exp(sum_a t_a rho(A_a)) for a torus.
/// </summary>
internal static class BatchedOutputs
{
    /// <param name="rho">The output representation.</param>
    /// <param name="input">The input representation, whose matrices <paramref name="u"/> are.</param>
    /// <param name="cases">The batch's elements (and coordinates t for a torus).</param>
    /// <param name="u">rho_in(g_b) [B, n, n].</param>
    /// <param name="t">The coordinates [B, d] of a torus' elements, differentiable; null for a finite group.</param>
    /// <param name="fx">f(x_b) [B, m].</param>
    public static Tensor Apply(Representation rho, Representation input, IReadOnlyList<SearchCase> cases, Tensor u, Tensor? t, Tensor fx)
    {
        if (rho.IsTrivial) return fx;
        if (rho.Scalar is { } chi) return fx * Tensors.Float64(cases.Select(c => chi(c.Element)).ToArray()).unsqueeze(1);
        if (ReferenceEquals(rho, input) || rho.IsDefining && input.IsDefining) return u.bmm(fx.unsqueeze(2)).squeeze(2);
        int m = rho.Dimension;
        Tensor r;
        if (t is null)
            r = Tensors.Float64(cases.SelectMany(c => rho.Rho(c.Element).ToRowMajorArray()).ToArray(), new long[] { cases.Count, m, m });
        else
        {
            var a = stack(rho.LieGenerators.Select(g => Tensors.Float64(g.ToRowMajorArray(), new long[] { m, m })).ToArray());
            r = linalg.matrix_exp(einsum("bd,dij->bij", t, a));
        }
        return r.bmm(fx.unsqueeze(2)).squeeze(2);
    }
}
