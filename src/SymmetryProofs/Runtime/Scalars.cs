using TorchSharp;

namespace SymmetryProofs.Runtime;

/// <summary>
/// Scalars that libtorch can read safely. `tensor * 2.0`, `t.pow(2)` or `t.clamp_min(x)` turn the number into a
/// TorchSharp <see cref="Scalar"/> implicitly; nothing disposes it, and once its native handle has been passed
/// the managed object is dead to the JIT, so a GC triggered by another thread can run its finalizer and free the
/// native scalar while libtorch still reads it ("Unknown scalar type", or a failure in toDouble; seen with two
/// hessian seeds at once, two tables trainings at once and the parallel test suite). The constants here are
/// rooted for the life of the process, so they are never freed (TorchSharp 0.107's dispose scopes do not
/// track scalars: measured, a scalar made inside a scope reads the same after the scope ends); a value
/// that varies is made with <see cref="Of"/> and disposed by its caller (`using var s = Scalars.Of(x);`), which
/// keeps it alive until the end of that scope.
/// </summary>
public static class Scalars
{
    /// <summary>1 (Int64: the same scalar the literal 1 gives, so results do not change).</summary>
    public static readonly Scalar One = 1;

    /// <summary>0.5 (Float64: the same scalar the literal 0.5 gives).</summary>
    public static readonly Scalar Half = 0.5;

    /// <summary>2 (Int64: the same scalar the literal 2 gives).</summary>
    public static readonly Scalar Two = 2;

    /// <summary>1e-300: a floor that keeps log(0) finite without moving any representable square error.</summary>
    public static readonly Scalar Tiny = 1e-300;

    /// <summary>A scalar for <paramref name="value"/>, owned by the caller (dispose it after the last libtorch call that reads it).</summary>
    public static Scalar Of(double value) => value.ToScalar();
}
