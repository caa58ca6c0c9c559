using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Features;

/// <summary>Shared argument checks and helpers for feature maps.</summary>
public abstract class FeatureMap : IFeatureMap
{
    public abstract string Name { get; }
    public int InputDim { get; }
    public abstract int OutputDim { get; }
    public abstract bool IsEven { get; }

    protected FeatureMap(int inputDim)
    {
        if (inputDim < 1) throw new ArgumentOutOfRangeException(nameof(inputDim), inputDim, "A feature map needs at least one input coordinate.");
        InputDim = inputDim;
    }

    public Vector<double> Apply(Vector<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Count != InputDim)
            throw new ArgumentException($"Feature map '{Name}' expects an input of dimension {InputDim}; got {x.Count}.", nameof(x));
        for (int i = 0; i < x.Count; i++)
            if (!double.IsFinite(x[i]))
                throw new ArgumentException($"Feature map '{Name}' expects finite inputs; coordinate {i} is {x[i].ToString(System.Globalization.CultureInfo.InvariantCulture)}.", nameof(x));
        var phi = Compute(x);
        if (phi.Length != OutputDim)
            throw new InvalidOperationException($"Feature map '{Name}' produced {phi.Length} features; it declares {OutputDim}.");
        return Vector<double>.Build.DenseOfArray(phi);
    }

    protected abstract double[] Compute(Vector<double> x);

    /// <summary>The map applied to every row of a data matrix.</summary>
    public Matrix<double> ApplyRows(Matrix<double> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.RowCount == 0) throw new ArgumentException($"Feature map '{Name}' was given a data matrix with no rows.", nameof(rows));
        return Matrix<double>.Build.DenseOfRowVectors(Enumerable.Range(0, rows.RowCount).Select(i => Apply(rows.Row(i))));
    }

    public override string ToString() => $"{Name}: R^{InputDim} -> R^{OutputDim}";
}
