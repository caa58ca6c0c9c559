using SymmetryProofs.Experiments.Parsing;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>`--finish`: how a tables run ends its training (names: none, newton).</summary>
public enum Finish
{
    /// <summary>L-BFGS alone on its evaluation budget (the main protocol).</summary>
    None,
    /// <summary>L-BFGS, then Newton steps with the exact Hessian until the gradient or plateau rule, or the Newton budget.</summary>
    Newton,
}

/// <summary>The one spelling of <see cref="Finish"/>.</summary>
public static class FinishNames
{
    public static readonly OptionNames<Finish> Names = new("--finish", (Finish.None, "none"), (Finish.Newton, "newton"));
}
