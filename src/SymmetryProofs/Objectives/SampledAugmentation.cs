using SymmetryProofs.Data;
using SymmetryProofs.Networks;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Objectives;

/// <summary>
/// Sampled augmentation (Bergman Eqs. 17-18, claim 10): each sample i is seen through one group
/// element g_i drawn uniformly from G, giving the instance loss
/// L_g(theta) = sum_i L(y_i, f(U(g_i) x_i; theta)). One instance is not invariant under
/// W -> W U(h); its expectation over the draws, E_g L_g = Omega / |G| (Eq. 15), is.
/// </summary>
public static class SampledAugmentation
{
    /// <summary>The most draw assignments <see cref="Expectation"/> enumerates (|G|^n).</summary>
    public const long MaxAssignments = 1_000_000;

    /// <summary>One draw: an element index of <paramref name="group"/> per sample, uniform and independent.</summary>
    public static int[] Draw(int samples, FiniteGroup group, Random rng)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(rng);
        return Enumerable.Range(0, samples).Select(_ => rng.Next(group.Order)).ToArray();
    }

    /// <summary>The instance loss sum_i L(y_i, f(U(g_i) x_i)) for the drawn elements <paramref name="elements"/>, summed in sample order.</summary>
    public static double Loss(Mlp net, LabelledSet set, FiniteGroup group, IReadOnlyList<int> elements)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(elements);
        if (elements.Count != set.Count)
            throw new ArgumentException($"Got {elements.Count} drawn elements for {set.Count} samples.", nameof(elements));
        if (group.Dimension != set.Dimension)
            throw new ArgumentException($"Group '{group.Name}' acts on R^{group.Dimension}; the data set has dimension {set.Dimension}.", nameof(group));
        double total = 0;
        for (int i = 0; i < set.Count; i++)
        {
            if (elements[i] < 0 || elements[i] >= group.Order)
                throw new ArgumentOutOfRangeException(nameof(elements), $"Element {elements[i]} of sample {i} is not in 0..{group.Order - 1}.");
            total += CrossEntropy.Of(net.Logits(group.Act(elements[i], set.Input(i))), set.Labels[i]);
        }
        return total;
    }

    /// <summary>
    /// E_g L_g exactly: the mean of the instance loss over all |G|^n assignments of elements to the
    /// n samples (each equally likely), enumerated in lexicographic order. The per-sample losses
    /// L(y_i, f(U(g) x_i)) are computed once each and every instance adds its n terms in sample
    /// order, so each instance equals <see cref="Loss"/> bit for bit. It deliberately does not use
    /// linearity (E_g L_g = Omega / |G|), so a test of its invariance tests the claim about the
    /// expectation, not Omega again.
    /// </summary>
    public static double Expectation(Mlp net, LabelledSet set, FiniteGroup group)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(group);
        if (Math.Pow(group.Order, set.Count) > MaxAssignments)
            throw new ArgumentException($"{group.Order}^{set.Count} assignments exceed the {MaxAssignments} this exact enumeration allows.", nameof(set));
        var terms = new double[set.Count][];
        for (int i = 0; i < set.Count; i++)
        {
            var single = new int[] { 0 };
            var one = new LabelledSet(set.Inputs.SubMatrix(i, 1, 0, set.Dimension), new[] { set.Labels[i] }, set.Classes);
            terms[i] = Enumerable.Range(0, group.Order).Select(g => { single[0] = g; return Loss(net, one, group, single); }).ToArray();
        }
        var elements = new int[set.Count];
        double sum = 0;
        long assignments = 0;
        while (true)
        {
            double instance = 0;
            for (int i = 0; i < set.Count; i++) instance += terms[i][elements[i]];
            sum += instance;
            assignments++;
            int k = set.Count - 1;
            while (k >= 0 && ++elements[k] == group.Order) elements[k--] = 0;
            if (k < 0) break;
        }
        return sum / assignments;
    }
}
