using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Representations;

/// <summary>
/// A finite representation whose every generator is a signed permutation matrix (one entry +-1 per row
/// and column), read as (rho x)_i = s_i x_p(i): per generator the permutation, its inverse and the
/// signs, which is what orbit computations need (every finite group of the catalogue is of this form).
/// </summary>
internal sealed class SignedPermutationAction
{
    /// <summary>Per generator: Images[a][i] = p(i), the column of row i's non-zero entry.</summary>
    public int[][] Images { get; }

    /// <summary>Per generator: Inverse[a][j] = the row whose non-zero entry sits in column j.</summary>
    public int[][] Inverse { get; }

    /// <summary>Per generator: Signs[a][i] = the sign of row i's non-zero entry.</summary>
    public int[][] Signs { get; }

    public int Count => Images.Length;

    private SignedPermutationAction(int[][] images, int[][] inverse, int[][] signs) => (Images, Inverse, Signs) = (images, inverse, signs);

    /// <summary>The generators as signed permutations, or null when some entry is not exactly 0 or +-1 or some row or column has no single non-zero.</summary>
    public static SignedPermutationAction? TryFrom(Representation rep)
    {
        int n = rep.Dimension;
        var images = new int[rep.Generators.Count][];
        var inverse = new int[rep.Generators.Count][];
        var signs = new int[rep.Generators.Count][];
        for (int a = 0; a < rep.Generators.Count; a++)
        {
            var g = rep.Generators[a];
            images[a] = new int[n];
            inverse[a] = Enumerable.Repeat(-1, n).ToArray();
            signs[a] = new int[n];
            for (int i = 0; i < n; i++)
            {
                int found = -1;
                for (int j = 0; j < n; j++)
                {
                    double v = g[i, j];
                    if (v == 0) continue;
                    if ((v != 1 && v != -1) || found >= 0) return null;
                    found = j;
                    signs[a][i] = (int)v;
                }
                if (found < 0 || inverse[a][found] >= 0) return null;
                images[a][i] = found;
                inverse[a][found] = i;
            }
        }
        return new SignedPermutationAction(images, inverse, signs);
    }

    /// <summary>The orbits of the coordinates under the permutations (signs ignored), each sorted: the coordinate subspaces they span are invariant.</summary>
    public IReadOnlyList<int[]> Orbits(int n)
    {
        var seen = new bool[n];
        var orbits = new List<int[]>();
        for (int start = 0; start < n; start++)
        {
            if (seen[start]) continue;
            var orbit = new List<int> { start };
            seen[start] = true;
            for (int next = 0; next < orbit.Count; next++)
                foreach (var p in Images)
                    if (!seen[p[orbit[next]]]) { seen[p[orbit[next]]] = true; orbit.Add(p[orbit[next]]); }
            orbits.Add(orbit.Order().ToArray());
        }
        return orbits;
    }
}
