using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Representations;

/// <summary>One entry (row, column, value) of a sparse candidate map, in the coordinates of the refinement.</summary>
internal readonly record struct SparseMatrixUnit(int Row, int Column, double Value);

/// <summary>
/// The equivariant maps inside the span of Frobenius-orthonormal sparse candidates C_p: the null space of
/// the Gram matrix of their constraint residuals X_a C - C Y_a (X_a = V_out^T rho_out(c_a) V_out and
/// Y_a = V_in^T rho_in(c_a) V_in, the generators in the candidates' coordinates). Residuals of sparse
/// candidates are sparse (a column strip and a row strip per entry), so the Gram matrix is accumulated
/// row by row of the residuals, not by dense products: the cost is the candidates' overlap, not n^4.
/// </summary>
internal static class SparseRefinement
{
    public static IReadOnlyList<Matrix<double>> Refine(Representation input, Representation output, IReadOnlyList<SparseMatrixUnit[]> candidates,
        Matrix<double>? vOut, Matrix<double>? vIn)
    {
        int nOut = output.Dimension, nIn = input.Dimension, d = candidates.Count;
        if (d == 0) return [];
        static double[,] In(Matrix<double> g, Matrix<double>? v) => (v is null ? g : v.TransposeThisAndMultiply(g * v)).ToArray();
        var constraints = output.Generators.Zip(input.Generators).Concat(output.LieGenerators.Zip(input.LieGenerators))
            .Select(p => (X: In(p.First, vOut), Y: In(p.Second, vIn))).ToArray();
        var rows = new Dictionary<long, List<(int Candidate, double Value)>>();
        var residual = new Dictionary<long, double>();
        for (int p = 0; p < d; p++)
        {
            residual.Clear();
            for (int a = 0; a < constraints.Length; a++)
            {
                var (x, y) = constraints[a];
                long offset = (long)a * nOut * nIn;
                foreach (var e in candidates[p])
                {
                    for (int i = 0; i < nOut; i++)
                        if (x[i, e.Row] != 0) Add(residual, offset + (long)i * nIn + e.Column, x[i, e.Row] * e.Value);
                    for (int j = 0; j < nIn; j++)
                        if (y[e.Column, j] != 0) Add(residual, offset + (long)e.Row * nIn + j, -e.Value * y[e.Column, j]);
                }
            }
            foreach (var (key, value) in residual)
            {
                if (value == 0) continue;
                if (!rows.TryGetValue(key, out var list)) rows[key] = list = [];
                list.Add((p, value));
            }
        }
        var gram = new double[d, d];
        foreach (var list in rows.Values)
            foreach (var (p, vp) in list)
                foreach (var (q, vq) in list) gram[p, q] += vp * vq;
        IReadOnlyList<double[]> combinations;
        double worst = 0;
        foreach (var v in gram) worst = Math.Max(worst, Math.Abs(v));
        if (worst <= EquivariantMaps.NullThreshold)
            combinations = Enumerable.Range(0, d).Select(p => { var z = new double[d]; z[p] = 1; return z; }).ToArray();
        else
        {
            var evd = Matrix<double>.Build.DenseOfArray(gram).Evd(Symmetricity.Symmetric);
            var lambda = evd.EigenValues.Select(z => z.Real).ToArray();
            var ambiguous = lambda.Where(v => v > EquivariantMaps.NullThreshold && v < EquivariantMaps.GapThreshold).ToArray();
            if (ambiguous.Length > 0)
                throw new InvalidOperationException($"Hom({input.Name}, {output.Name}): squared residual {ambiguous[0]:G3} lies between {EquivariantMaps.NullThreshold:G1} and {EquivariantMaps.GapThreshold:G1}; the rank is ambiguous.");
            combinations = Enumerable.Range(0, d).Where(k => lambda[k] <= EquivariantMaps.NullThreshold).Select(k => evd.EigenVectors.Column(k).ToArray()).ToArray();
        }
        return combinations.Select(z => Assemble(candidates, z, nOut, nIn, vOut, vIn)).ToArray();
    }

    // W = V_out (sum_p z_p C_p) V_in^T, row by row of the sparse middle factor.
    private static Matrix<double> Assemble(IReadOnlyList<SparseMatrixUnit[]> candidates, double[] z, int nOut, int nIn, Matrix<double>? vOut, Matrix<double>? vIn)
    {
        var middle = new Dictionary<(int Row, int Column), double>();
        for (int p = 0; p < candidates.Count; p++)
            if (z[p] != 0)
                foreach (var e in candidates[p]) middle[(e.Row, e.Column)] = middle.GetValueOrDefault((e.Row, e.Column)) + z[p] * e.Value;
        var w = new double[nOut * nIn];
        foreach (var row in middle.GroupBy(kv => kv.Key.Row))
        {
            var t = new double[nIn];
            foreach (var kv in row)
                if (vIn is null) t[kv.Key.Column] += kv.Value;
                else for (int j = 0; j < nIn; j++) t[j] += kv.Value * vIn[j, kv.Key.Column];
            for (int i = 0; i < nOut; i++)
            {
                double left = vOut is null ? (i == row.Key ? 1 : 0) : vOut[i, row.Key];
                if (left == 0) continue;
                for (int j = 0; j < nIn; j++) w[j * nOut + i] += left * t[j];
            }
        }
        return Matrix<double>.Build.Dense(nOut, nIn, w);
    }

    private static void Add(Dictionary<long, double> d, long key, double value) => d[key] = d.GetValueOrDefault(key) + value;
}
