namespace SymmetryProofs.Kernels;

/// <summary>
/// Closed-form Mercer spectra of the experiment's kernels under the uniform distribution on the
/// torus [-1,1)^D, and the experiment's target in the same eigenbasis (derivation in
/// docs/learning-curves.md).
/// <para>Plain kernel. With e_0 = 1, e_(k,c) = sqrt2 cos(pi k.x), e_(k,s) = sqrt2 sin(pi k.x)
/// (k in the half lattice) orthonormal for the uniform probability measure,
/// K_R(x, y) = 1 + sum_H w_k [e_(k,c)(x) e_(k,c)(y) + e_(k,s)(x) e_(k,s)(y)], so the eigenvalue
/// w_m = (1 + pi^2 m)^(-s) of the shell |k|^2 = m has multiplicity N_m = #{k in Z^D : |k|^2 = m}
/// (one mode per lattice point: k and -k give cos and sin).</para>
/// <para>Averaged kernel. In the complex basis exp(i pi k.x), g acts by k -> g^T k, a permutation
/// of each shell; K_G = P T_K P with P the averaging projection, which commutes with T_K (w is
/// constant on shells), so K_G has eigenvalue w_m on the invariant functions of shell m, whose
/// dimension is the number of G-orbits on the shell's lattice points (the invariant vectors of a
/// permutation representation are the orbit indicators); the real span is the same space. For
/// translations along x_j the invariant functions are the modes with k_j = 0.</para>
/// <para>Target (<see cref="InvariantTarget"/>). It puts N(0, tau_m^2) on every unit column u_o of
/// the unscaled features phi (1, cos, sin), tau_m^2 = (1 + pi^2 m)^(-(s + d_eff/2 + eps/2)). As
/// phi_i = e_i / sqrt2 for i &gt; 0, column o is the function z_o g_o / sqrt2 with g_o a unit
/// eigenfunction, so its expected mass is tau_m^2 / 2 (tau_0^2 = 1 for the constant) and shell m
/// carries O_m tau_m^2 / 2, the same for the plain and the invariant kernel.</para>
/// <para>Tail (untruncated kernel, |k| &gt; R). By Burnside, #orbits = (1/|G|) sum_g #Fix(g). A
/// signed permutation fixes k iff k is constant up to sign along every cycle whose sign product
/// is +1 and zero on the others: a lattice of dimension d_g (the number of such cycles) whose
/// points have |k|^2 = sum_c l_c a_c^2, covolume prod sqrt(l_c). Its points in the ball of radius r
/// number ~ V_(d_g) r^(d_g) / prod sqrt(l_c), so the orbits have density
/// mu_G(r) = (1/|G|) sum_(g: d_g &gt;= 1) S_(d_g - 1) r^(d_g - 1) / prod sqrt(l_c) (lower powers
/// are the small orbits on mirror planes). The plain density is S_(D-1) r^(D-1), the translation
/// one S_(D-2) r^(D-2). Each piece starts midway between its last exact shell and the next (see Term).</para>
/// </summary>
public static class TorusSpectra
{
    /// <summary>Plain and averaged spectra for a finite group; truncated at R, or exact to R plus the tail.</summary>
    public static (KernelSpectrum Plain, KernelSpectrum Invariant) ForGroup(int d, double s, int radius, TorusGroup group, double epsilon, bool untruncated)
    {
        if (group.Dimension != d) throw new ArgumentException($"Group on D = {group.Dimension}, spectrum on D = {d}.");
        var (plain, orbits) = ShellCounts(d, radius, k => IsOrbitRepresentative(group, k));
        var density = new List<DensityTerm>();
        foreach (var g in group.Elements)
        {
            var cycles = PositiveCycles(g);
            if (cycles.Count > 0)
                density.Add(Term(SpectrumTail.SphereArea(cycles.Count) / cycles.Aggregate(1.0, (p, l) => p * Math.Sqrt(l)) / group.Order,
                    cycles.Count, radius, cycles[0]));
        }
        return Build(d, s, radius, d, epsilon, untruncated, plain, orbits, density, group.Name);
    }

    /// <summary>Plain and translation-averaged spectra (translations of x_coordinate).</summary>
    public static (KernelSpectrum Plain, KernelSpectrum Invariant) ForTranslation(int d, double s, int radius, int coordinate, double epsilon, bool untruncated)
    {
        if (d < 2 || coordinate < 0 || coordinate >= d) throw new ArgumentException($"Translation of x{coordinate} needs D >= 2 and 0 <= coordinate < D; got D = {d}.");
        var (plain, invariant) = ShellCounts(d, radius, k => k[coordinate] == 0);
        return Build(d, s, radius, d - 1, epsilon, untruncated, plain, invariant, [Term(SpectrumTail.SphereArea(d - 1), d - 1, radius, 1)], $"translation of x{coordinate}");
    }

    /// <summary>
    /// The density c r^(dim - 1) of a dim-dimensional lattice piece beyond the exact shells |k|^2 &lt;= R^2,
    /// from the midpoint to the next shell: for dim &gt;= 2 the squared norms are integers, so the midpoint
    /// is R^2 + 1/2; a line (dim = 1) has points only at r = sqrt(l) a, so it starts at sqrt(l) (a_max + 1/2).
    /// </summary>
    private static DensityTerm Term(double coefficient, int dim, int radius, int cycleLength)
    {
        double start = dim >= 2 ? Math.Sqrt(radius * (double)radius + 0.5)
            : Math.Sqrt(cycleLength) * (Math.Floor(radius / Math.Sqrt(cycleLength)) + 0.5);
        return new DensityTerm(coefficient, dim - 1, start);
    }

    private static (KernelSpectrum, KernelSpectrum) Build(int d, double s, int radius, int dEff, double epsilon, bool untruncated,
        long[] plain, long[] invariant, List<DensityTerm> invariantDensity, string name)
    {
        if (!(s > d / 2.0)) throw new ArgumentException($"Smoothness s = {s} must exceed D/2 = {d / 2.0}.");
        double e = s + dEff / 2.0 + epsilon / 2.0;
        var plainLevels = new List<SpectrumLevel>();
        var invLevels = new List<SpectrumLevel>();
        for (int m = 0; m < plain.Length; m++)
        {
            if (plain[m] == 0) continue;
            double w = Math.Pow(1.0 + Math.PI * Math.PI * m, -s);
            double power = m == 0 ? 1.0 : invariant[m] * 0.5 * Math.Pow(1.0 + Math.PI * Math.PI * m, -e);
            plainLevels.Add(new SpectrumLevel(w, plain[m], power));
            invLevels.Add(new SpectrumLevel(w, invariant[m], power));
        }
        SpectrumTail? Tail(List<DensityTerm> modes) => untruncated ? new SpectrumTail(s, e, modes, invariantDensity) : null;
        return (new KernelSpectrum($"plain (D = {d}, {name} target)", plainLevels, Tail([Term(SpectrumTail.SphereArea(d), d, radius, 1)])),
                new KernelSpectrum($"{name} (D = {d})", invLevels, Tail(invariantDensity)));
    }

    /// <summary>For every shell m = |k|^2 &lt;= R^2: the lattice points, and those the predicate keeps.</summary>
    public static (long[] All, long[] Kept) ShellCounts(int d, int radius, Func<int[], bool> keep)
    {
        if (d < 1 || radius < 0) throw new ArgumentException($"Need D >= 1 and R >= 0; got D = {d}, R = {radius}.");
        int r2 = radius * radius;
        var all = new long[r2 + 1];
        var kept = new long[r2 + 1];
        var k = new int[d];
        void Walk(int j, int used)
        {
            if (j == d)
            {
                all[used]++;
                if (keep(k)) kept[used]++;
                return;
            }
            int r = (int)Math.Sqrt(r2 - used);
            for (int v = -r; v <= r; v++) { k[j] = v; Walk(j + 1, used + v * v); }
        }
        Walk(0, 0);
        return (all, kept);
    }

    /// <summary>True when k is the lexicographically largest point of its orbit {g^T k}: one point per orbit.</summary>
    public static bool IsOrbitRepresentative(TorusGroup group, int[] k)
    {
        foreach (var g in group.Elements)
        {
            var q = g.ActOnFrequency(k);
            for (int i = 0; i < k.Length; i++)
            {
                if (q[i] == k[i]) continue;
                if (q[i] > k[i]) return false;
                break;
            }
        }
        return true;
    }

    /// <summary>Lengths of the cycles of g whose sign product is +1 (the free directions of g's fixed lattice).</summary>
    public static List<int> PositiveCycles(SignedPermutation g)
    {
        var seen = new bool[g.Dimension];
        var lengths = new List<int>();
        for (int start = 0; start < g.Dimension; start++)
        {
            if (seen[start]) continue;
            int length = 0, sign = 1;
            for (int i = start; !seen[i]; i = g.Perm[i]) { seen[i] = true; sign *= g.Signs[i]; length++; }
            if (sign == 1) lengths.Add(length);
        }
        return lengths;
    }
}
