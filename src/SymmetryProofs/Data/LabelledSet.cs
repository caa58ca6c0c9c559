using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Data;

/// <summary>
/// A labelled data set: one sample per row of <see cref="Inputs"/>, labels in 0..Classes-1.
/// Validated on construction so that every consumer can trust its shape and values.
/// </summary>
public sealed class LabelledSet
{
    public Matrix<double> Inputs { get; }
    public IReadOnlyList<int> Labels { get; }
    public int Classes { get; }
    public int Count => Inputs.RowCount;
    public int Dimension => Inputs.ColumnCount;

    public LabelledSet(Matrix<double> inputs, IReadOnlyList<int> labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(labels);
        if (inputs.RowCount == 0)
            throw new ArgumentException("A labelled set needs at least one sample; got an empty set.", nameof(inputs));
        if (labels.Count != inputs.RowCount)
            throw new ArgumentException($"Got {inputs.RowCount} inputs but {labels.Count} labels; expected one label per input row.", nameof(labels));
        if (classes < 1)
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "Expected at least one class.");
        for (int i = 0; i < labels.Count; i++)
            if (labels[i] < 0 || labels[i] >= classes)
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"Label of sample {i} is {labels[i]}; expected 0..{classes - 1}.");
        for (int i = 0; i < inputs.RowCount; i++)
            for (int j = 0; j < inputs.ColumnCount; j++)
                if (!double.IsFinite(inputs[i, j]))
                    throw new ArgumentException($"Input of sample {i} has a non-finite value {inputs[i, j]} at coordinate {j}.", nameof(inputs));
        Inputs = inputs;
        Labels = labels.ToArray();
        Classes = classes;
    }

    public Vector<double> Input(int i) => Inputs.Row(i);

    /// <summary>The set -X of the paper: every input negated, labels kept.</summary>
    public LabelledSet Negated() => new(-Inputs, Labels, Classes);

    /// <summary>The same samples with every input mapped by <paramref name="map"/> (e.g. a feature map or a group element).</summary>
    public LabelledSet Select(Func<Vector<double>, Vector<double>> map)
    {
        var rows = Enumerable.Range(0, Count).Select(i => map(Inputs.Row(i))).ToArray();
        return new LabelledSet(Matrix<double>.Build.DenseOfRowVectors(rows), Labels, Classes);
    }

    /// <summary>This set followed by <paramref name="other"/>, e.g. X together with -X.</summary>
    public LabelledSet Concat(LabelledSet other)
    {
        if (other.Dimension != Dimension)
            throw new ArgumentException($"Cannot join sets of dimension {Dimension} and {other.Dimension}.", nameof(other));
        if (other.Classes != Classes)
            throw new ArgumentException($"Cannot join sets with {Classes} and {other.Classes} classes.", nameof(other));
        return new LabelledSet(Inputs.Stack(other.Inputs), Labels.Concat(other.Labels).ToArray(), Classes);
    }
}
