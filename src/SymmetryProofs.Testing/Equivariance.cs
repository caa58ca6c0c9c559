using SymmetryProofs.Checking;
using SymmetryProofs.Runtime;
using SymmetryProofs.Symmetry;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Testing;

/// <summary>
/// One-line equivariance assertions for a user's own test suite (xunit or any other runner): the model, a catalogue
/// group (or a product such as <c>rotations*mirror</c>) and the input's shape, and how the outputs move. The check
/// searches for the worst case (random trials, error ascent, a verdict that separates float32 rounding from a
/// violation) and throws an <see cref="EquivarianceViolation"/> carrying the shrunk counterexample and the replay seed
/// when the symmetry fails; bad declarations (an unknown group, a shape it does not act on, an output representation
/// that is not a homomorphism) and models that cannot be evaluated throw <see cref="InputException"/>.
/// </summary>
/// <example>
/// <code>
/// Equivariance.Holds("cloud.pt", "so3", "8x3");                                         // invariant under SO(3) on [B, 8, 3]
/// Equivariance.Holds("gcnn.pt", "rotations", "2x8x8", new() { Output = "regular" });  // the regular representation of C4
/// Equivariance.Holds(myModule, "sets", "6x3");                                           // a TorchSharp module on [B, 6, 3]
/// </code>
/// </example>
public static class Equivariance
{
    private static readonly object Gate = new();

    /// <summary>
    /// Asserts that the TorchScript file <paramref name="path"/> (torch.jit.save or torch.jit.script(...).save), checked
    /// in its parameters' dtype, is equivariant under <paramref name="group"/> acting on inputs of <paramref name="shape"/>
    /// ("CxHxW", "NxK" or "D"). Returns the report when it holds.
    /// </summary>
    public static CheckReport Holds(string path, string group, string shape, EquivarianceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new EquivarianceOptions();
        return Verdict(() => CheckRunner.Check(new CheckRequest
        {
            ModelPath = path,
            Group = group,
            Shape = shape,
            OutputRep = options.Output,
            InputRep = options.Input,
            Budget = options.Budget,
            Seed = options.Seed,
        }));
    }

    /// <summary>
    /// Asserts that a TorchSharp module taking [B, ...shape] is equivariant; it is checked in the dtype of its floating
    /// parameters (float64 when it has none or mixes them), and converted to float64 and back for the float32 rounding floor.
    /// </summary>
    public static CheckReport Holds(nn.Module<Tensor, Tensor> module, string group, string shape, EquivarianceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        options ??= new EquivarianceOptions();
        var parsed = Shape.TryParse(shape) ?? throw new InputException($"shape '{shape}': expected CxHxW (for example 1x8x8), HxW (an image or a set N x k) or D.");
        return Verdict(() =>
        {
            InputDeclaration input;
            OutputDeclaration output;
            try
            {
                input = InputDeclaration.For(group, parsed, options.Input);
                output = OutputDeclaration.Parse(options.Output);
                output.Validate(input.Representation);
            }
            catch (ArgumentException e) { throw new InputException(e.Message); }
            var dtypes = module.parameters().Where(p => p.is_floating_point()).Select(p => p.dtype).Distinct().ToArray();
            var dtype = dtypes.Length == 1 && dtypes[0] == ScalarType.Float32 ? ScalarType.Float32 : ScalarType.Float64;
            var model = CheckedModel.FromModule(module.GetName(), parsed.Dimension, module, dtype).WithInputAxes(input.Axes);
            return SymmetryChecker.Run(model, input, output, new CheckOptions(options.Budget, options.Seed));
        });
    }

    private static CheckReport Verdict(Func<CheckReport> check)
    {
        CheckReport report;
        // libtorch is set up once (float64 defaults, one thread); checks run one at a time, as tests of one suite may run in parallel.
        lock (Gate)
        {
            TorchSetup.Initialise();
            report = check();
        }
        return report.Passed ? report : throw new EquivarianceViolation(report);
    }
}
