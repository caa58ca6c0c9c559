using System.Runtime.InteropServices;
using SymmetryProofs.Checking.Examples;
using SymmetryProofs.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Checking;

/// <summary>
/// TorchScript files in and out. Loading goes through TorchSharp's <c>torch.jit.load</c>: a
/// TorchScript archive carries code that libtorch runs, so check only files you trust. A missing
/// file or one that is not an archive is a <see cref="InputException"/> naming the file.
/// Saving an example writes its forward as TorchScript source (<see cref="TorchScriptArchive"/>),
/// loads it with <c>torch.jit.load</c> and saves the loaded module with <c>torch.jit.save</c>.
/// </summary>
public static class TorchScriptModel
{
    /// <summary>
    /// The module in <paramref name="path"/> as a model on R^<paramref name="inputDimension"/> computing
    /// in <paramref name="dtype"/> (its parameters converted by <c>to(dtype)</c>); the float64 twin is a
    /// second copy converted to float64. Its forward must take one float tensor [B, n].
    /// </summary>
    public static CheckedModel Load(string path, int inputDimension, ScalarType dtype) => Load(path, inputDimension, dtype, out _);

    /// <summary>
    /// As <see cref="Load(string, int, ScalarType)"/>; with no <paramref name="dtype"/> the model computes in its
    /// floating parameters' dtype (float32 parameters: a float32 check, so its own rounding is exercised),
    /// float64 when it has none or mixes them. <paramref name="dtypeSource"/> says which, for the report.
    /// </summary>
    public static CheckedModel Load(string path, int inputDimension, ScalarType? dtype, out string dtypeSource)
    {
        var module = Open(path);
        module.eval();
        var found = dtype is null ? ParameterDtype(module) : null;
        dtypeSource = dtype is not null ? "--dtype" : found is not null ? "from the model parameters" : "default: no float parameters of one dtype";
        return Wrap(module, path, inputDimension, dtype ?? found ?? ScalarType.Float64);
    }

    /// <summary>The dtype of the module's floating parameters and buffers when they all agree, else null.</summary>
    internal static ScalarType? ParameterDtype(jit.ScriptModule module)
    {
        var dtypes = module.parameters().Concat(module.buffers()).Where(p => p.is_floating_point()).Select(p => p.dtype).Distinct().ToArray();
        return dtypes.Length == 1 && dtypes[0] is ScalarType.Float32 or ScalarType.Float64 ? dtypes[0] : null;
    }

    private static CheckedModel Wrap(jit.ScriptModule module, string path, int inputDimension, ScalarType dtype)
    {
        module.to(dtype);
        jit.ScriptModule? twin = null;
        return new CheckedModel(Path.GetFileName(path), inputDimension, dtype, true, (d, x) =>
        {
            if (d == dtype) return Call(module, x, path);
            if (twin is null)
            {
                twin = Open(path);
                twin.eval();
                twin.to(ScalarType.Float64);
            }
            return Call(twin, x, path);
        });
    }

    private static jit.ScriptModule Open(string path)
    {
        if (!File.Exists(path)) throw new InputException($"--model {path}: no such file.");
        try
        {
            return jit.load(path);
        }
        catch (Exception e) when (e is ExternalException or ArgumentException or InvalidOperationException)
        {
            throw new InputException($"--model {path}: not a TorchScript module ({TorchMessages.Reason(e.Message)}).");
        }
    }

    private static Tensor Call(jit.ScriptModule module, Tensor x, string path) =>
        module.call(x) as Tensor ?? throw new InputException($"--model {path}: forward did not return one tensor.");

    /// <summary>Saves <paramref name="example"/> as a TorchScript file at <paramref name="path"/> (source archive, jit.load, jit.save); refuses an example without TorchScript source.</summary>
    internal static void Export(ExampleModel example, string path)
    {
        ArgumentNullException.ThrowIfNull(example);
        var source = example.TorchScriptSource ?? throw new InputException(
            $"--export: example '{example.Name}' has no TorchScript form; these have: {string.Join(", ", ExampleCatalog.All.Where(e => e.TorchScriptSource is not null).Select(e => e.Name))}.");
        var draft = Path.Combine(Path.GetTempPath(), $"symmetryproofs-{Guid.NewGuid():N}.pt");
        try
        {
            TorchScriptArchive.Write(draft, source());
            using var module = jit.load(draft);
            IO.AtomicFile.Write(path, tmp => jit.save(module, tmp));
        }
        finally
        {
            File.Delete(draft);
        }
    }
}
