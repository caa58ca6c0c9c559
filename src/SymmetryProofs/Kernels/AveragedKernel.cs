namespace SymmetryProofs.Kernels;

/// <summary>
/// The group-averaged kernel K_G(x, y) = (1/|G|) sum_g K(g x, y) for a finite group G under
/// which K is invariant (K(g x, g y) = K(x, y)); then also K_G = (1/|G|^2) sum_(g,h) K(g x, h y),
/// which is symmetric and positive semi-definite. Both arguments are first replaced by their
/// canonical orbit points, which leaves the value unchanged in exact arithmetic and makes
/// K_G(g x, h y) and K_G(x, y) the same floating-point computation: invariance is bit for bit.
/// </summary>
public sealed class AveragedKernel : IKernel
{
    public IKernel Base { get; }
    public TorusGroup Group { get; }
    public int Dimension => Base.Dimension;
    public string Name => $"{Base.Name} averaged over {Group.Name}";

    public AveragedKernel(IKernel baseKernel, TorusGroup group)
    {
        if (baseKernel.Dimension != group.Dimension)
            throw new ArgumentException($"Kernel acts on D = {baseKernel.Dimension} but the group {group.Name} on D = {group.Dimension}.");
        Base = baseKernel;
        Group = group;
    }

    public double Evaluate(double[] x, double[] y)
    {
        var cx = Group.Canonical(x);
        var cy = Group.Canonical(y);
        // One argument order for (x, y) and (y, x), so the Gram matrix is symmetric bit for bit too.
        if (TorusGroup.LexLess(cy, cx)) (cx, cy) = (cy, cx);
        double sum = 0;
        foreach (var g in Group.Elements) sum += Base.Evaluate(g.Act(cx), cy);
        return sum / Group.Order;
    }

    /// <summary>The plain average (1/|G|) sum_g K(g x, y), without canonical points, for comparison.</summary>
    public double EvaluateDirect(double[] x, double[] y)
    {
        double sum = 0;
        foreach (var g in Group.Elements) sum += Base.Evaluate(g.Act(x), y);
        return sum / Group.Order;
    }
}
