namespace Monitoring.Core.Enrichment.Text;

/// <summary>
/// Finds term phrases in tokenised text, case-insensitively and on word boundaries. Words are compared
/// by their light stem ("tanks" finds "tank"); a word ending in * matches any word it starts ("protest*").
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly List<Phrase> _phrases = [];
    private readonly Dictionary<string, List<int>> _byFirstStem = new(StringComparer.Ordinal);
    private readonly List<int> _prefixFirst = [];

    // Prefix phrases by the first PrefixBucket letters of their prefix, so a word is checked only against
    // the prefixes it could start with rather than all of them.
    private readonly Dictionary<string, List<int>> _prefixByStart = new(StringComparer.Ordinal);

    private const int PrefixBucket = 3;

    /// <summary>Adds a phrase; its index in the order of adding is what <see cref="FindAll"/> reports.</summary>
    public int Add(string phrase)
    {
        var words = phrase
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(word => word.EndsWith('*')
                ? [new PhraseWord(TextFolding.Fold(word.TrimEnd('*').ToLowerInvariant()), IsPrefix: true)]
                : Tokenizer.Tokenize(word).Select(token => new PhraseWord(token.Stem, IsPrefix: false)))
            .ToArray();
        if (words.Length == 0)
        {
            throw new ArgumentException($"The phrase '{phrase}' holds no word.", nameof(phrase));
        }

        var index = _phrases.Count;
        _phrases.Add(new Phrase(phrase, words));
        if (words[0].IsPrefix && words[0].Value.Length >= PrefixBucket)
        {
            var bucket = words[0].Value[..PrefixBucket];
            if (!_prefixByStart.TryGetValue(bucket, out var list))
            {
                _prefixByStart[bucket] = list = [];
            }

            list.Add(index);
        }
        else if (words[0].IsPrefix)
        {
            _prefixFirst.Add(index);
        }
        else
        {
            if (!_byFirstStem.TryGetValue(words[0].Value, out var list))
            {
                _byFirstStem[words[0].Value] = list = [];
            }

            list.Add(index);
        }

        return index;
    }

    /// <summary>Every occurrence: the phrase index and the text as written.</summary>
    public IEnumerable<(int Phrase, string Surface)> FindAll(IReadOnlyList<Token> tokens) =>
        FindAllAt(tokens).Select(hit => (hit.Phrase, hit.Surface));

    /// <summary>Every occurrence with the index of its first word and its length in words.</summary>
    public IEnumerable<(int Phrase, string Surface, int Start, int Length)> FindAllAt(IReadOnlyList<Token> tokens)
    {
        for (var start = 0; start < tokens.Count; start++)
        {
            var key = tokens[start].Key;
            IEnumerable<int> candidates = _prefixFirst;
            if (_byFirstStem.TryGetValue(tokens[start].Stem, out var exact))
            {
                candidates = candidates.Concat(exact);
            }

            if (key.Length >= PrefixBucket && _prefixByStart.TryGetValue(key[..PrefixBucket], out var prefixed))
            {
                candidates = candidates.Concat(prefixed);
            }

            foreach (var candidate in candidates)
            {
                var words = _phrases[candidate].Words;
                if (Matches(words, tokens, start))
                {
                    yield return (candidate, Token.Quote(tokens, start, words.Length), start, words.Length);
                }
            }
        }
    }

    private static bool Matches(PhraseWord[] words, IReadOnlyList<Token> tokens, int start)
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

            var ok = words[k].IsPrefix
                ? token.Key.StartsWith(words[k].Value, StringComparison.Ordinal)
                : string.Equals(token.Stem, words[k].Value, StringComparison.Ordinal);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Phrase(string Text, PhraseWord[] Words);

    private readonly record struct PhraseWord(string Value, bool IsPrefix);
}
