namespace SymmetryProofs.Properties.Support;
public static partial class Suite { public const int Cases = 100; }
