namespace SymmetryProofs.Optimisation;

/// <summary>
/// Where a step <paramref name="step"/> from <paramref name="x"/> lands: a map that agrees with x + step to first order
/// but may follow a curved manifold. The straight step x + step is the default; a Newton step whose component along a
/// nearly flat but curved valley (an approximate symmetry orbit) is far longer than the valley's curvature radius leaves
/// the valley on the straight line, where the quadratic model does not hold, while a retraction along the valley keeps it.
/// </summary>
public delegate double[] Retraction(double[] x, double[] step);
