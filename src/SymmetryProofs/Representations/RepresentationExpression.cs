using System.Globalization;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Representations;

/// <summary>
/// Representations written as text, in the manner of emlp's <c>3*V + V**2</c>, built with the one algebra of
/// <see cref="Representation"/> for one group: atoms <c>V</c> (or <c>defining</c>: the group on its own axes: an
/// image's h x w plane, R^N of a set's rows, R^3 of a point), <c>input</c> (or <c>group</c>: the input's
/// representation), <c>trivial</c> (R^1), an integer k (the trivial representation on R^k), <c>regular</c> (of a
/// finite group, on |G| channels), <c>det</c> (the determinant character) and <c>negation</c> (-1 on every element
/// but the identity; a character of Z2 only); <c>a + b</c> is the direct sum and <c>a * b</c> the tensor product,
/// whose row-major coordinates put a's axis first: <c>4 * V</c> is four channels each moved by V (I_4 (x) V), <c>V * 3</c>
/// the rows of an N x 3 table permuted together (V (x) I_3), <c>regular * V</c> a group-convolution feature map
/// [|G|, h, w]. <c>*</c> binds tighter than <c>+</c>; parentheses group. Every result is checked to be a homomorphism.
/// </summary>
public static class RepresentationExpression
{
    /// <summary>The atoms a person may write, for messages and --list.</summary>
    public const string Atoms = "V (defining), input (group), trivial, an integer k (trivial R^k), regular, det, negation";

    /// <summary>
    /// The representation <paramref name="text"/> of the group of <paramref name="input"/>; refused with an
    /// <see cref="ArgumentException"/> naming the token or the pair of elements where it is not a homomorphism.
    /// </summary>
    public static Representation Parse(string text, Representation input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException($"An empty representation; expected an expression of {Atoms}, joined by + and *.", nameof(text));
        var parser = new Parser(Tokens(text), input, text);
        var result = parser.Sum();
        if (!parser.AtEnd) throw new ArgumentException($"'{text}': unexpected '{parser.Peek}'.", nameof(text));
        return result.EnsureHomomorphism();
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        for (int i = 0; i < text.Length;)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c is '+' or '*' or '(' or ')') { tokens.Add(c.ToString()); i++; continue; }
            int start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '_')) i++;
            if (i == start) throw new ArgumentException($"'{text}': unexpected '{c}'; expected {Atoms}, +, * or parentheses.", nameof(text));
            tokens.Add(text[start..i]);
        }
        return tokens;
    }

    private sealed class Parser(List<string> tokens, Representation input, string text)
    {
        private int position;

        public bool AtEnd => position >= tokens.Count;

        public string Peek => AtEnd ? "end" : tokens[position];

        public Representation Sum()
        {
            var parts = new List<Representation> { Product() };
            while (!AtEnd && tokens[position] == "+") { position++; parts.Add(Product()); }
            return parts.Count == 1 ? parts[0] : Representation.DirectSum(parts.ToArray());
        }

        private Representation Product()
        {
            var r = Atom();
            while (!AtEnd && tokens[position] == "*") { position++; r = Times(r, Atom()); }
            return r;
        }

        // k copies on the outer axis keep the copies' name (and a character's exact scalar path).
        private static Representation Times(Representation a, Representation b) => a.IsTrivial ? b.Copies(a.Dimension) : Representation.TensorProduct(a, b);

        private Representation Atom()
        {
            if (AtEnd) throw new ArgumentException($"'{text}': ends where a representation was expected ({Atoms}).");
            string token = tokens[position++];
            if (token == "(")
            {
                var inner = Sum();
                if (AtEnd || tokens[position] != ")") throw new ArgumentException($"'{text}': a '(' is not closed.");
                position++;
                return inner;
            }
            var group = input.Group;
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int k))
                return k >= 1 ? Representation.Trivial(group, k) : throw new ArgumentException($"'{text}': the trivial representation needs a dimension of at least 1; got {token}.");
            return token switch
            {
                "V" or "defining" => Representation.Defining(group),
                "input" or "group" => input,
                "trivial" => Representation.Trivial(group, 1),
                "regular" => group is FiniteGroup finite ? Representation.Regular(finite)
                    : throw new ArgumentException($"'{text}': {group.Name} is not finite, so it has no regular representation."),
                "det" => Representation.Determinant(group),
                "negation" => Representation.Character(group, "negation", e => e.IsIdentity ? 1 : -1),
                _ => throw new ArgumentException($"'{text}': unknown representation '{token}'; expected {Atoms}."),
            };
        }
    }
}
