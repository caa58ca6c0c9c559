using SymmetryProofs.Representations;
using SymmetryProofs.Symmetry;
using SymmetryProofs.Runtime;
using static TorchSharp.torch;

namespace SymmetryProofs.Checking;

/// <summary>
/// The group elements the search draws and moves: the non-identity elements of a finite group
/// (uniformly), or Haar-random coordinates t of a torus Lie group, U(t) = exp(sum_a t_a A_a), which
/// gradient ascent moves together with the input. Also the simpler elements shrinking tries.
/// </summary>
internal sealed class ElementSpace
{
    private readonly IGroupAction group;
    private readonly LieGroupAction? lie;
    private readonly GroupElement[] pool;
    private readonly Representation input;

    /// <param name="input">The representation the inputs move by: a torus' elements act through exp(sum_a t_a rho_in(A_a)).</param>
    public ElementSpace(Representation input)
    {
        this.input = input;
        group = input.Group;
        lie = group as LieGroupAction;
        pool = group.Order is int ? group.Representatives(0).Where(e => !e.IsIdentity).ToArray() : [];
        if (group.Order is int && pool.Length == 0) throw new ArgumentException($"{group.Name} has no element but the identity to test.");
    }

    /// <summary>Whether the search moves the element (a Lie group given by its coordinates).</summary>
    public bool Continuous => lie is not null;

    public SearchCase Draw(double[] x, Random rng)
    {
        if (lie is null) return new SearchCase(x, group.Order is int ? pool[rng.Next(pool.Length)] : group.Sample(rng));
        var t = lie.RandomCoordinates(rng);
        return new SearchCase(x, lie.ElementAt(t), t);
    }

    public SearchCase At(double[] x, double[] t) => new(x, lie!.ElementAt(t), t);

    /// <summary>A step in t: a hundredth of the largest period per unit of input step.</summary>
    public double TimeScale => lie is null ? 0 : lie.Periods.Max() / 100;

    /// <summary>rho_in(U(t)) for a batch of coordinates [B, d], differentiable in t: matrix_exp(sum_a t_a rho_in(A_a)).</summary>
    public Tensor Matrices(Tensor t)
    {
        var a = stack(input.LieGenerators.Select(g => Tensors.Float64(g.ToRowMajorArray(), new long[] { g.RowCount, g.ColumnCount })).ToArray());
        return linalg.matrix_exp(einsum("bd,dij->bij", t, a));
    }

    /// <summary>Simpler elements for shrinking: the generators (finite group), or one coordinate kept and coordinates rounded (Lie group).</summary>
    public IEnumerable<SearchCase> Simpler(SearchCase c)
    {
        if (lie is null)
        {
            if (group.GeneratorElements.Any(g => g.Label == c.Element.Label)) yield break;
            foreach (var g in group.GeneratorElements) if (!g.IsIdentity) yield return c with { Element = g };
            yield break;
        }
        var t = c.T!;
        for (int a = 0; a < t.Length && t.Count(v => v != 0) > 1; a++)
            if (t[a] != 0) yield return At(c.X, t.Select((v, b) => b == a ? v : 0).ToArray());
        for (int a = 0; a < t.Length; a++)
            foreach (var v in EquivarianceCheck.Simpler(t[a]))
                if (v != 0) yield return At(c.X, t.Select((w, b) => b == a ? v : w).ToArray());
    }
}
