namespace SymmetryProofs.Experiments.SampleComplexity;

/// <summary>One unit of the sweep: the curves of every case of one dimension for one seed, with the design and truncation plans they share.</summary>
/// <param name="Plan">The truncation plan of this unit's dimension.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Design">The sweep's design (sizes, seeds, noise).</param>
/// <param name="Plans">Every dimension's plan (the report's cases).</param>
public sealed record SampleComplexityUnit(SampleComplexityTruncation Plan, int Seed, SampleComplexityDesign Design, IReadOnlyList<SampleComplexityTruncation> Plans);
