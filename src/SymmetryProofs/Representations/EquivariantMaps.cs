using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Representations;

/// <summary>
/// Solves rho_out(g) W = W rho_in(g) for the generators (A_out W = W A_in for Lie generators) by one of
/// three routes chosen from the structure of the two representations:
/// <list type="bullet">
/// <item>signed permutations (every finite catalogue group): the solutions are the signed orbit sums
/// of index pairs (k, l) under g: E_kl -> rho_out(g) E_kl rho_in(g)^T, one per orbit on which the signs
/// agree; O(|G| n_out n_in) and exact;</item>
/// <item>Lie generators (tori): the kernel of the Sylvester operator of one generic element
/// B = sum_a c_a A_a, read off the real canonical forms of B_in and B_out (planes of equal frequency
/// pair up in span{I, J}), then refined against every generator;</item>
/// <item>otherwise (any orthogonal matrices): the null space of the stacked constraints, by the symmetric
/// eigenproblem of their Gram matrix over all n_out n_in unknowns, up to <see cref="MaxDenseUnknowns"/>.</item>
/// </list>
/// The last two end in the same refinement (<see cref="SparseRefinement"/>), which keeps only what satisfies every constraint.
/// </summary>
public static class EquivariantMaps
{
    /// <summary>The dense route solves a symmetric eigenproblem of this many unknowns at most (24 x 24 maps; about a second on a loaded 2-core machine).</summary>
    public const int MaxDenseUnknowns = 576;

    /// <summary>
    /// A unit-norm map whose squared constraint residual is at most this is a solution: true solutions
    /// leave rounding of order 1e-28, the eigensolver adds errors of a few ulps of the Gram matrix's
    /// largest entry (O(number of generators)), so 1e-10 (a residual of 1e-5) separates them safely.
    /// </summary>
    public const double NullThreshold = 1e-10;

    /// <summary>
    /// Non-solutions of the catalogue's groups have squared residuals of order 0.1 and more (eigenvalues of
    /// finite-order elements differ by at least 2 sin(pi / order); torus weights differ by 2 pi / n per unit):
    /// a value between <see cref="NullThreshold"/> and this would make the rank ambiguous, and is refused.
    /// </summary>
    public const double GapThreshold = 1e-6;

    /// <summary>Coefficients of the generic Lie element: fixed, so that results are reproducible; the refinement repairs any coincidence.</summary>
    private const int GenericSeed = 20181107;

    public static EquivariantBasis Solve(Representation input, Representation output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        Representation.CheckSameGroup(input, output);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<Matrix<double>> maps;
        string method;
        if (input.IsFinite && SignedPermutationAction.TryFrom(input) is { } pin && SignedPermutationAction.TryFrom(output) is { } pout)
        {
            maps = SignedOrbitBasis(pin, pout, input.Dimension, output.Dimension);
            method = "signed orbits";
        }
        else if (!input.IsFinite)
        {
            var (candidates, vOut, vIn) = LieCandidates(input, output);
            maps = SparseRefinement.Refine(input, output, candidates, vOut, vIn);
            method = "generic Lie element + refinement";
        }
        else
        {
            long unknowns = (long)input.Dimension * output.Dimension;
            if (unknowns > MaxDenseUnknowns)
                throw new ArgumentException($"Hom({input.Name}, {output.Name}) has {unknowns} unknowns; the dense route takes at most {MaxDenseUnknowns} " +
                    "(signed-permutation and Lie representations of any size take the structured routes).");
            var standard = new List<SparseMatrixUnit[]>();
            for (int k = 0; k < output.Dimension; k++)
                for (int l = 0; l < input.Dimension; l++) standard.Add([new SparseMatrixUnit(k, l, 1)]);
            maps = SparseRefinement.Refine(input, output, standard, null, null);
            method = "dense null space";
        }
        return new EquivariantBasis(input, output, maps, method, clock.Elapsed);
    }

    /// <summary>The commutant End_G(V): the equivariant maps of a representation to itself.</summary>
    public static EquivariantBasis Commutant(Representation rep) => Solve(rep, rep);

    // W = sum w_kl E_kl is fixed by E_kl -> s E_(p_out^-1(k), p_in^-1(l)) iff w is constant up to that sign on each orbit.
    private static IReadOnlyList<Matrix<double>> SignedOrbitBasis(SignedPermutationAction pin, SignedPermutationAction pout, int nIn, int nOut)
    {
        var value = new int[nOut * nIn];
        var maps = new List<Matrix<double>>();
        var orbit = new List<int>();
        for (int root = 0; root < value.Length; root++)
        {
            if (value[root] != 0) continue;
            value[root] = 1;
            orbit.Clear();
            orbit.Add(root);
            bool consistent = true;
            for (int next = 0; next < orbit.Count; next++)
            {
                int k = orbit[next] / nIn, l = orbit[next] % nIn;
                for (int a = 0; a < pin.Count; a++)
                {
                    int k2 = pout.Inverse[a][k], l2 = pin.Inverse[a][l];
                    int target = k2 * nIn + l2, v = value[orbit[next]] * pout.Signs[a][k2] * pin.Signs[a][l2];
                    if (value[target] == 0) { value[target] = v; orbit.Add(target); }
                    else if (value[target] != v) consistent = false;
                }
            }
            if (!consistent) continue;
            double norm = 1 / Math.Sqrt(orbit.Count);
            var w = Matrix<double>.Build.Sparse(nOut, nIn);
            foreach (int p in orbit) w[p / nIn, p % nIn] = value[p] * norm;
            maps.Add(w);
        }
        return maps;
    }

    // In the canonical bases of B_out and B_in the candidates are 2x2 blocks I / sqrt 2 and J / sqrt 2 between planes of equal frequency, and single entries between kernels.
    private static (List<SparseMatrixUnit[]>, Matrix<double>, Matrix<double>) LieCandidates(Representation input, Representation output)
    {
        var rng = new Random(GenericSeed);
        var c = input.LieGenerators.Select(_ => 1 + rng.NextDouble()).ToArray();
        Matrix<double> Generic(Representation r) => r.LieGenerators.Select((a, i) => c[i] * a).Aggregate((x, y) => x + y);
        var fin = new SkewCanonicalForm(Generic(input));
        var fout = new SkewCanonicalForm(Generic(output));
        double h = 1 / Math.Sqrt(2);
        var candidates = new List<SparseMatrixUnit[]>();
        for (int p = 0; p < fout.Frequencies.Count; p++)
            for (int q = 0; q < fin.Frequencies.Count; q++)
            {
                double wo = fout.Frequencies[p], wi = fin.Frequencies[q];
                if (Math.Abs(wo - wi) > SkewCanonicalForm.ClusterTolerance * Math.Max(1, Math.Max(wo, wi))) continue;
                int r = 2 * p, s = 2 * q;
                candidates.Add([new(r, s, h), new(r + 1, s + 1, h)]);
                candidates.Add([new(r + 1, s, h), new(r, s + 1, -h)]);
            }
        for (int p = 2 * fout.Frequencies.Count; p < output.Dimension; p++)
            for (int q = 2 * fin.Frequencies.Count; q < input.Dimension; q++)
                candidates.Add([new(p, q, 1)]);
        return (candidates, fout.Basis, fin.Basis);
    }
}
