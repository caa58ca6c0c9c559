namespace SymmetryProofs.Objectives;

/// <summary>How <see cref="MlpObjective.Hessian"/> contracts each layer's diagonal block over the samples.</summary>
public enum HessianAssembly
{
    /// <summary>Every (a, b, c, d) as for the off-diagonal blocks: the default, the summation order every experiment's Hessian has.</summary>
    General,

    /// <summary>
    /// Over the pairs a &lt;= c of the layer's units (every product of two inputs, read back as the pairs b &lt;= d): about
    /// half the flops and a block symmetric by construction, but `hessian bench` measures it no faster than the general
    /// contraction (its products have a less favourable shape), so it is not the default.
    /// </summary>
    Symmetric,
}
