namespace Monitoring.Core.Enrichment.Text;

/// <summary>
/// Finds term phrases in tokenised text, case-insensitively and on word boundaries. A word of a term is one of:
/// <list type="bullet">
/// <item>a stem with its language's endings (the default): in English text compared by the light English stem
/// ("tanks" finds "tank"); in text of a declined language compared by that language's stem of
/// <see cref="InflectionRules"/> (<c>blokada</c> finds blokade, blokadi, blokadom, блокаду; <c>suzavac</c> finds
/// suzavca, suzavcem), so one dictionary form serves every case of both scripts;</item>
/// <item>a prefix, written with a trailing * ("protest*", "uhaps*"): every word it starts, for verbs and
/// derivations that endings do not reach;</item>
/// <item>one form, written with a leading = ("=incidenti"): only that folded form, where another form of the
/// same word means something else (the Macedonian singular "судир" is a conflict of interest, the plural
/// "судири" are clashes);</item>
/// <item>_ (not first): any one word, for what languages put between a verb and its object — an adjective
/// ("zapalili _ zastavu": srpsku, albansku; "blokirali _ put": magistralni).</item>
/// </list>
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly List<Phrase> _phrases = [];
    private readonly Dictionary<string, List<int>> _byFirstStem = new(StringComparer.Ordinal);
    private readonly List<int> _prefixFirst = [];

    // Prefix phrases by the first PrefixBucket letters of their prefix, so a word is checked only against
    // the prefixes it could start with rather than all of them.
    private readonly Dictionary<string, List<int>> _prefixByStart = new(StringComparer.Ordinal);

    private readonly IReadOnlyList<InflectionFamily> _families;

    // Per family (in the order of _families): phrases by the family's stem of their first word.
    private readonly Dictionary<string, List<int>>[] _byFirstFamilyStem;

    private const int PrefixBucket = 3;

    /// <param name="inflection">The case endings of the region's languages; null compares every text by the English stem.</param>
    public PhraseMatcher(InflectionRules? inflection = null)
    {
        _families = inflection?.Families ?? [];
        _byFirstFamilyStem = _families.Select(_ => new Dictionary<string, List<int>>(StringComparer.Ordinal)).ToArray();
    }

    /// <summary>Adds a phrase; its index in the order of adding is what <see cref="FindAll"/> reports.</summary>
    public int Add(string phrase)
    {
        var words = phrase
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(Words)
            .ToArray();
        if (words.Length == 0 || words[0].Kind == WordKind.Any)
        {
            throw new ArgumentException($"The phrase '{phrase}' holds no word or starts with _.", nameof(phrase));
        }

        var index = _phrases.Count;
        _phrases.Add(new Phrase(phrase, words));
        var first = words[0];
        if (first.Kind == WordKind.Prefix && first.Value.Length >= PrefixBucket)
        {
            Append(_prefixByStart, first.Value[..PrefixBucket], index);
        }
        else if (first.Kind == WordKind.Prefix)
        {
            _prefixFirst.Add(index);
        }
        else
        {
            Append(_byFirstStem, first.Stem, index);
            for (var f = 0; f < _families.Count; f++)
            {
                Append(_byFirstFamilyStem[f], first.FamilyStems[f], index);
            }
        }

        return index;
    }

    /// <summary>
    /// The stem of every token in <paramref name="family"/>'s rules, to pass to <see cref="FindAllAt"/> when several
    /// matchers read the same text.
    /// </summary>
    public static string[] Stems(IReadOnlyList<Token> tokens, InflectionFamily family)
    {
        var stems = new string[tokens.Count];
        for (var i = 0; i < stems.Length; i++)
        {
            stems[i] = family.Stem(tokens[i].Key);
        }

        return stems;
    }

    /// <summary>Every occurrence: the phrase index and the text as written.</summary>
    public IEnumerable<(int Phrase, string Surface)> FindAll(IReadOnlyList<Token> tokens, InflectionFamily? family = null, string[]? stems = null) =>
        FindAllAt(tokens, family, stems).Select(hit => (hit.Phrase, hit.Surface));

    /// <summary>Every occurrence with the index of its first word and its length in words, in text order.</summary>
    /// <param name="family">The text's language family (<see cref="InflectionRules.For"/>); null reads it as English.</param>
    /// <param name="stems">The tokens' stems in <paramref name="family"/> (<see cref="Stems"/>), computed here when null.</param>
    public List<(int Phrase, string Surface, int Start, int Length)> FindAllAt(IReadOnlyList<Token> tokens, InflectionFamily? family = null, string[]? stems = null)
    {
        var f = family is null ? -1 : IndexOf(family);
        if (f >= 0)
        {
            stems ??= Stems(tokens, family!);
        }

        // Every article runs through three matchers (topics, tension, negation cues): the loop allocates nothing
        // per word — lists walked with their struct enumerators, the prefix bucket looked up as a span.
        var hits = new List<(int Phrase, string Surface, int Start, int Length)>();
        var byFirst = f >= 0 ? _byFirstFamilyStem[f] : _byFirstStem;
        var prefixByStart = _prefixByStart.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var start = 0; start < tokens.Count; start++)
        {
            var key = tokens[start].Key;
            AddMatches(hits, _prefixFirst, tokens, start, f, stems);
            if (byFirst.TryGetValue(f >= 0 ? stems![start] : tokens[start].Stem, out var exact))
            {
                AddMatches(hits, exact, tokens, start, f, stems);
            }

            if (key.Length >= PrefixBucket && prefixByStart.TryGetValue(key.AsSpan(0, PrefixBucket), out var prefixed))
            {
                AddMatches(hits, prefixed, tokens, start, f, stems);
            }
        }

        return hits;
    }

    private void AddMatches(List<(int Phrase, string Surface, int Start, int Length)> hits, List<int> candidates, IReadOnlyList<Token> tokens, int start, int family, string[]? stems)
    {
        foreach (var candidate in candidates)
        {
            var words = _phrases[candidate].Words;
            if (Matches(words, tokens, start, family, stems))
            {
                hits.Add((candidate, Token.Quote(tokens, start, words.Length), start, words.Length));
            }
        }
    }

    private int IndexOf(InflectionFamily family)
    {
        for (var f = 0; f < _families.Count; f++)
        {
            if (ReferenceEquals(_families[f], family))
            {
                return f;
            }
        }

        return -1;
    }

    private IEnumerable<PhraseWord> Words(string word)
    {
        if (word == "_")
        {
            return [new PhraseWord(string.Empty, string.Empty, [], WordKind.Any)];
        }

        if (word.EndsWith('*'))
        {
            return [new PhraseWord(TextFolding.Fold(word.TrimEnd('*').ToLowerInvariant()), string.Empty, [], WordKind.Prefix)];
        }

        var kind = word.StartsWith('=') ? WordKind.Form : WordKind.Stem;
        return Tokenizer.Tokenize(word.TrimStart('=')).Select(token => new PhraseWord(
            token.Key,
            token.Stem,
            _families.Select(family => family.Stem(token.Key)).ToArray(),
            kind));
    }

    private static bool Matches(PhraseWord[] words, IReadOnlyList<Token> tokens, int start, int family, string[]? stems)
    {
        if (start + words.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            var token = tokens[start + k];
            if (k > 0 && token.AfterPunctuation)
            {
                return false;
            }

            var word = words[k];
            var ok = word.Kind switch
            {
                WordKind.Prefix => token.Key.StartsWith(word.Value, StringComparison.Ordinal),
                WordKind.Form => string.Equals(token.Key, word.Value, StringComparison.Ordinal),
                WordKind.Any => true,
                _ when family >= 0 => string.Equals(stems![start + k], word.FamilyStems[family], StringComparison.Ordinal),
                _ => string.Equals(token.Stem, word.Stem, StringComparison.Ordinal),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static void Append(Dictionary<string, List<int>> index, string key, int phrase)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(phrase);
    }

    private sealed record Phrase(string Text, PhraseWord[] Words);

    private enum WordKind
    {
        Stem,
        Prefix,
        Form,
        Any,
    }

    /// <param name="Value">The folded word (for a prefix, the prefix).</param>
    /// <param name="Stem">Its light English stem.</param>
    /// <param name="FamilyStems">Its stem in each family of the matcher's inflection rules.</param>
    private readonly record struct PhraseWord(string Value, string Stem, string[] FamilyStems, WordKind Kind);
}
