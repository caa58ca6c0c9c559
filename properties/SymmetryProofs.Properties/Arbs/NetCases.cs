using SymmetryProofs.Data;
using SymmetryProofs.IO;

namespace SymmetryProofs.Properties;

/// <summary>A labelled data set as plain data: one input per sample, labels in 0..Classes-1.</summary>
public sealed record LabelledSpec(double[][] Inputs, int[] Labels, int Classes)
{
    public int Count => Inputs.Length;

    public LabelledSet ToLabelledSet() =>
        new(MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowArrays(Inputs), Labels, Classes);

    public override string ToString() =>
        $"{Count} sample(s), {Classes} classes:" +
        string.Concat(Inputs.Select((x, i) => $"\n  x{i} = {Format.Vector(x)}, label {Labels[i]}"));

    /// <summary>Fewer samples first (a single sample alone, then one removed), then smaller labels and simpler inputs.</summary>
    public IEnumerable<LabelledSpec> Shrink()
    {
        if (Count > 1)
        {
            for (int i = 0; i < Count; i++) yield return Only(i);
            for (int i = 0; i < Count; i++) yield return Without(i);
        }
        for (int i = 0; i < Count; i++)
            if (Labels[i] > 0)
            {
                var labels = Labels.ToArray();
                labels[i] = 0;
                yield return this with { Labels = labels };
            }
        for (int i = 0; i < Count; i++)
        {
            int sample = i;
            foreach (var x in Simpler.Arrays(Inputs[i], perEntryUpTo: 16))
            {
                var inputs = Inputs.ToArray();
                inputs[sample] = x;
                yield return this with { Inputs = inputs };
            }
        }
    }

    public LabelledSpec Only(int i) => this with { Inputs = new[] { Inputs[i] }, Labels = new[] { Labels[i] } };

    public LabelledSpec Without(int i) =>
        this with { Inputs = Inputs.Where((_, k) => k != i).ToArray(), Labels = Labels.Where((_, k) => k != i).ToArray() };

    public LabelledSpec WithoutCoordinate(int j) => this with { Inputs = Inputs.Select(x => x.Where((_, i) => i != j).ToArray()).ToArray() };

    /// <summary>One class fewer: samples of the dropped class join the class below it.</summary>
    public LabelledSpec WithoutLastClass() =>
        this with { Labels = Labels.Select(l => Math.Min(l, Classes - 2)).ToArray(), Classes = Classes - 1 };
}

/// <summary>A network and one input (claims 1 and 2).</summary>
public sealed record NetCase(NetSpec Net, double[] Input)
{
    public override string ToString() => $"{Net}\n  x = {Format.Vector(Input)}";

    public IEnumerable<NetCase> Shrink()
    {
        if (Net.InputDim > 1)
            for (int j = Net.InputDim - 1; j >= 0; j--) yield return new NetCase(Net.WithoutUnit(0, j), Input.Where((_, i) => i != j).ToArray());
        if (Net.OutputDim > 2) yield return this with { Net = Net.WithoutLastClass() };
        foreach (var net in Net.ShrinkKeepingDimensions()) yield return this with { Net = net };
        foreach (var x in Simpler.Arrays(Input, perEntryUpTo: 16)) yield return this with { Input = x };
    }
}

/// <summary>A network and a labelled set of matching dimension and classes (claims 3 and 5, losses).</summary>
public sealed record NetSetCase(NetSpec Net, LabelledSpec Data)
{
    public override string ToString() => $"{Net}\n  data: {Data}";

    public IEnumerable<NetSetCase> Shrink()
    {
        foreach (var data in Data.Shrink().Take(2 * Data.Count)) yield return this with { Data = data };
        if (Net.InputDim > 1)
            for (int j = Net.InputDim - 1; j >= 0; j--) yield return new NetSetCase(Net.WithoutUnit(0, j), Data.WithoutCoordinate(j));
        if (Net.OutputDim > 2) yield return new NetSetCase(Net.WithoutLastClass(), Data.WithoutLastClass());
        foreach (var net in Net.ShrinkKeepingDimensions()) yield return this with { Net = net };
        foreach (var data in Data.Shrink().Skip(2 * Data.Count)) yield return this with { Data = data };
    }
}

/// <summary>
/// A net with every |bias| at most <see cref="Eps"/>, and a labelled set (claim 5). Shrinking
/// keeps the biases within Eps, so every shrunk case still satisfies the premise.
/// </summary>
public sealed record SmallBiasCase(NetSpec Net, LabelledSpec Data, double Eps)
{
    public override string ToString() => $"eps = {Format.Number(Eps)}\n{Net}\n  data: {Data}";

    public IEnumerable<SmallBiasCase> Shrink() =>
        new NetSetCase(Net, Data).Shrink()
            .Where(c => c.Net.HasBiases && c.Net.MaxAbsBias <= Eps)
            .Select(c => this with { Net = c.Net, Data = c.Data });
}

/// <summary>
/// A net on h x w images, a labelled set of images, and a seed that picks one element h of
/// each test group (claim 8). Images stay small so that orbits and Hessians stay cheap.
/// </summary>
public sealed record ImageLossCase(int Height, int Width, NetSpec Net, LabelledSpec Data, int ElementSeed)
{
    public override string ToString() => $"{Height}x{Width} images, element seed {ElementSeed}\n{Net}\n  data: {Data}";

    /// <summary>
    /// The element h of a group of the given order that this case uses: never element 0, which
    /// the closure of <see cref="SymmetryProofs.Symmetry.FiniteGroup"/> puts first and is the identity (Omega(W I) = Omega(W)
    /// checks nothing); a group of order 1 has only the identity.
    /// </summary>
    public int Element(int order) => order == 1 ? 0 : 1 + ElementSeed % (order - 1);

    public IEnumerable<ImageLossCase> Shrink()
    {
        foreach (var c in new NetSetCase(Net, Data).Shrink())
            if (c.Net.InputDim == Height * Width) yield return this with { Net = c.Net, Data = c.Data };
        if (ElementSeed > 0) yield return this with { ElementSeed = 0 };
    }
}

/// <summary>A small net and set for derivative checks (gradients, finite differences, autograd).</summary>
public sealed record LossCase(NetSpec Net, LabelledSpec Data)
{
    public override string ToString() => $"{Net}\n  data: {Data}";
}
