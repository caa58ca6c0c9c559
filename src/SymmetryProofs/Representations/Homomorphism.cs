using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Representations;

/// <summary>
/// Whether rho(g) rho(h) = rho(gh): for a finite group over every generator g and element h (with rho(e) = I
/// this proves it, since every element is a word in the generators), for a torus over generator steps and
/// seeded Haar samples. Orthogonality of rho(g) is measured alongside (rho(g)^T rho(g) = I).
/// </summary>
internal static class Homomorphism
{
    public static (double Defect, string Where) Defect(Representation r, int samples, int seed)
    {
        var identity = Matrix<double>.Build.DenseIdentity(r.Dimension);
        double scale = Math.Sqrt(r.Dimension);
        double worst = 0;
        string where = "every checked product agrees";
        void Measure(double defect, Func<string> describe)
        {
            if (double.IsNaN(defect)) defect = double.PositiveInfinity;
            if (defect > worst) { worst = defect; where = describe(); }
        }
        var pairs = Pairs(r.Group, samples, seed);
        var e = pairs.Identity;
        Measure((r.Rho(e) - identity).FrobeniusNorm() / scale, () => $"rho(e) = {Show(r.Rho(e))}, not I");
        foreach (var (g, h, gh) in pairs.Products)
        {
            var rg = r.Rho(g);
            var product = rg * r.Rho(h);
            var direct = r.Rho(gh);
            Measure((product - direct).FrobeniusNorm() / scale, () => $"rho({g.Label}) rho({h.Label}) = {Show(product)} but rho({gh.Label}) = {Show(direct)}");
            Measure((rg.TransposeThisAndMultiply(rg) - identity).FrobeniusNorm() / scale, () => $"rho({g.Label}) = {Show(rg)} is not orthogonal");
        }
        return (worst, where);
    }

    private static (GroupElement Identity, IEnumerable<(GroupElement G, GroupElement H, GroupElement GH)> Products) Pairs(IGroupAction group, int samples, int seed)
    {
        if (group is FiniteGroup finite)
        {
            var elements = finite.Representatives(0);
            return (elements[0], from g in finite.GeneratorElements from h in elements
                                 select (g, h, elements[finite.IndexOf(g.Matrix * h.Matrix)]));
        }
        var rng = new Random(seed);
        var drawn = group.GeneratorElements.Concat(Enumerable.Range(0, samples).Select(_ => group.Sample(rng))).ToArray();
        return (group.Representatives(1)[0], from g in drawn from h in drawn
                                              select (g, h, new GroupElement($"{g.Label} {h.Label}", g.Matrix * h.Matrix, false)));
    }

    /// <summary>A small matrix as "-I", "I" or its entries; a large one by its size.</summary>
    private static string Show(Matrix<double> m)
    {
        if (m.RowCount == 1) return SymmetryProofs.IO.Format.Number(m[0, 0]);
        var identity = Matrix<double>.Build.DenseIdentity(m.RowCount);
        if (m.Equals(identity)) return "I";
        if (m.Equals(-identity)) return "-I";
        if (m.RowCount > 3) return $"a {m.RowCount}x{m.ColumnCount} matrix";
        return SymmetryProofs.IO.Format.Matrix(m);
    }
}
