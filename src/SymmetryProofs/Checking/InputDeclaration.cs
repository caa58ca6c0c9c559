using SymmetryProofs.Representations;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Checking;

/// <summary>
/// How a group acts on a model's input tensor, and the tensor the model is handed: the representation of the
/// group on the input's coordinates (row-major) and the axes of one input (the batch axis goes in front). From a
/// catalogue name and a shape, the group acts on its own axes (<see cref="ActionAxes"/>): an image group on h, w
/// with C channels as copies (<c>C * V</c>), a set's S_N on the rows of N x k (<c>V * k</c>), SO(3) or O(3) on every row
/// of N x 3 (<c>N * V</c>), any other group on every coordinate (<c>V</c>); a declared expression
/// (<see cref="RepresentationExpression"/>) replaces that default, for example <c>regular * V</c> for a feature map
/// of a group convolution. A stack C x h x w and a table N x k reach the model as [B, C, h, w] and [B, N, k]; an
/// h x w image and R^d reach it flat, [B, h w] and [B, d].
/// </summary>
public sealed record InputDeclaration(Representation Representation, IReadOnlyList<int> Axes, ActionAxes ActsOn)
{
    /// <summary>The group <paramref name="group"/> (a catalogue name or product) on <paramref name="shape"/>, with the default action or <paramref name="expression"/>.</summary>
    public static InputDeclaration For(string group, Shape shape, string? expression = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var (g, axes) = GroupCatalog.BuildBase(group, shape);
        var defining = Representation.Defining(g);
        var natural = axes switch
        {
            ActionAxes.Image when shape.Channels is int c => defining.Copies(c),
            ActionAxes.RowsPermuted when shape.Width > 1 => Representation.TensorProduct(defining, Representation.Trivial(g, shape.Width)),
            ActionAxes.EachRow when shape.Height > 1 => defining.Copies(shape.Height),
            _ => defining,
        };
        var representation = expression is null ? natural : RepresentationExpression.Parse(expression, natural);
        if (representation.Dimension != shape.Dimension)
            throw new ArgumentException($"'{expression}' of {g.Name} has dimension {representation.Dimension}, but an input of shape {shape} has {shape.Dimension} coordinates.");
        int[] tensor = axes switch
        {
            ActionAxes.RowsPermuted or ActionAxes.EachRow => shape.Height == 1 ? [shape.Width] : [shape.Height, shape.Width],
            _ => shape.Channels is int channels ? [channels, shape.Height, shape.Width] : [shape.Dimension],
        };
        return new InputDeclaration(representation, tensor, axes);
    }

    /// <summary>The group's defining action on every coordinate: a model on R^n, the representation U itself.</summary>
    public static InputDeclaration Flat(IGroupAction group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new InputDeclaration(Representation.Defining(group), [group.SpaceDimension], ActionAxes.Whole);
    }

    /// <summary>The group represented.</summary>
    public IGroupAction Group => Representation.Group;

    /// <summary>n: the number of input coordinates.</summary>
    public int Dimension => Representation.Dimension;
}
