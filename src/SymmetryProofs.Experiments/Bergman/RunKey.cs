using System.Text.Json.Serialization;
using SymmetryProofs.Data;

namespace SymmetryProofs.Experiments.Bergman;

/// <summary>Which run a row or its diagnostics belong to: the split protocol, the cell and the seed.</summary>
internal sealed record RunKey([property: JsonConverter(typeof(BergmanNames.ProtocolJson))] SplitProtocol Protocol, BergmanCell Cell, int Seed);
