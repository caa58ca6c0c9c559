namespace SymmetryProofs.Objectives;

/// <summary>The argument check every objective applies to a parameter vector or a direction.</summary>
internal static class ParameterVector
{
    public static void Check(double[] x, int dimension, string name)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.Length != dimension) throw new ArgumentException($"Expected {dimension} entries; got {x.Length}.", name);
        for (int i = 0; i < x.Length; i++)
            if (!double.IsFinite(x[i])) throw new ArgumentException($"Entry {i} is {x[i]}; expected a finite number.", name);
    }
}
