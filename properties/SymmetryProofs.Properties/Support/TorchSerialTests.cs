using Xunit;

// TorchSharp 0.107 turns numbers into Scalars implicitly, inside its own API too (Tensor.add(Tensor) passes
// an alpha of 1 made on the spot); nothing keeps such a Scalar alive once its native handle has been
// passed, so a garbage collection triggered by another thread can run its finalizer while libtorch still
// reads it ("Unknown scalar type", or toDouble failing: seen in SymmetryCheckerTests, MlpObjective's
// Hessian and the learning-curve runs when test classes ran two at a time). Runtime/Scalars removes
// the temporaries our own code made, but not TorchSharp's, so the test classes run one at a time: one
// thread does torch work and nothing else allocates beside it. The suite takes longer, not different cases.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
