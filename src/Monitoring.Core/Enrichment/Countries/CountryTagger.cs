using System.Collections.Frozen;
using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Enrichment.Countries;

/// <summary>
/// Finds countries by their names, demonyms, capitals and cities in one left-to-right pass. Longest match
/// wins ("Bosnia and Herzegovina" is one mention, "New Mexico" is a blocker); a capitalised form must be
/// capitalised in the text, so "turkey" the bird and "nice" the word are not countries. Outside English,
/// declined forms are found through <see cref="Inflection"/> (Srbiji, Kosova, Beogradu, Crnoj Gori).
/// Ambiguous forms are resolved by the rules of <see cref="AmbiguityRules"/>, and each country is marked as
/// what the story is about or merely mentioned (<see cref="AboutScoring"/>).
/// </summary>
internal sealed class CountryTagger
{
    private readonly FrozenDictionary<string, GazetteerEntry> _english;
    private readonly FrozenDictionary<string, GazetteerEntry> _anyLanguage;
    private readonly FrozenDictionary<string, GazetteerEntry> _stems;
    private readonly Func<string, string> _countryName;
    private readonly AmbiguityRules _ambiguity;
    private readonly FrozenSet<string> _placeKeys;
    private readonly FrozenDictionary<string, int> _firstWords;
    private readonly FrozenDictionary<GazetteerEntry, string[]> _formWords;

    public CountryTagger(IEnumerable<GazetteerEntry> entries, Func<string, string> countryName, AmbiguityRules ambiguity)
    {
        var all = entries.ToList();
        _countryName = countryName;
        _ambiguity = ambiguity;

        // English text reads English forms and local spellings of local places; every other language reads
        // all forms (an English name in a Serbian text is still that place).
        _english = Index(all.Where(entry => entry.Language is "en" or GazetteerEntry.AnyLanguage), GazetteerBuilder.Key);
        _anyLanguage = Index(all, GazetteerBuilder.Key);
        _stems = Index(all, text => Inflection.StemPhrase(GazetteerBuilder.Key(text)));
        _placeKeys = all
            .Where(entry => entry.Code != GazetteerEntry.BlockerCode)
            .Select(entry => GazetteerBuilder.Key(entry.Text))
            .ToFrozenSet(StringComparer.Ordinal);
        // Most words start no form: one set look-up skips them before any phrase is built.
        // ...and the longest form a word starts bounds the phrases tried from it.
        _firstWords = all
            .Select(entry => GazetteerBuilder.Key(entry.Text).Split(' '))
            .SelectMany(words => new[] { (Word: words[0], words.Length), (Word: Inflection.Stem(words[0]), words.Length) })
            .GroupBy(pair => pair.Word, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.Max(pair => pair.Length), StringComparer.Ordinal);
        _formWords = all.Distinct().ToFrozenDictionary(entry => entry, entry => Tokenizer.Tokenize(entry.Text).Select(token => token.Text).ToArray());
    }

    /// <summary>
    /// True when the folded lowercase words (joined by single spaces) name a place in any language, e.g.
    /// "serbian" or "republika srpska": the person tagger must not take them for a name.
    /// </summary>
    public bool IsPlace(string key) => _placeKeys.Contains(key);

    public IReadOnlyList<CountryTag> Tag(ArticleText text, string language)
    {
        var tokens = text.Tokens;
        var inflected = !language.StartsWith("en", StringComparison.Ordinal);
        var index = inflected ? _anyLanguage : _english;
        var mentions = new List<Mention>();
        var people = _ambiguity.ReadPeople(tokens, language);
        var i = 0;
        while (i < tokens.Count)
        {
            if (LongestMatch(index, inflected, tokens, i) is not { } hit)
            {
                i++;
                continue;
            }

            if (hit.Entry.Code != GazetteerEntry.BlockerCode && !_ambiguity.IsNoPlace(hit.Entry, people, i, hit.Length))
            {
                mentions.Add(new Mention(hit.Entry, i, hit.Length, Token.Quote(tokens, i, hit.Length), Token.Span(tokens, i, hit.Length)));
            }

            i += hit.Length;
        }

        mentions = _ambiguity.ResolveInContext(mentions);
        return AboutScoring.Mark(mentions, text, _countryName);
    }

    private (GazetteerEntry Entry, int Length)? LongestMatch(
        FrozenDictionary<string, GazetteerEntry> index, bool inflected, IReadOnlyList<Token> tokens, int start)
    {
        var first = tokens[start];
        var longest = _firstWords.GetValueOrDefault(first.Key);
        if (inflected)
        {
            longest = Math.Max(longest, _firstWords.GetValueOrDefault(Inflection.Stem(first.Key)));
        }

        for (var length = Math.Min(longest, tokens.Count - start); length >= 1; length--)
        {
            // A form does not run across punctuation ("Serbia. Montenegro" is two mentions), except the
            // period inside an abbreviation ("N.Y.") and a possessive inside the form ("People's Republic of
            // China", else its "Republic of China" reads as Taiwan): the tokenizer drops the 's, leaving a blank gap.
            if (length > 1 && Enumerable.Range(start + 1, length - 1).Any(k => tokens[k].AfterPunctuation && tokens[k].Gap != "." && !string.IsNullOrWhiteSpace(tokens[k].Gap)))
            {
                continue;
            }

            var key = length == 1 ? first.Key : string.Join(' ', tokens.Skip(start).Take(length).Select(token => token.Key));
            if (index.TryGetValue(key, out var entry) && CaseAgrees(entry, tokens, start, length))
            {
                return (entry, length);
            }

            if (inflected && _stems.TryGetValue(Inflection.StemPhrase(key), out entry) && CaseAgrees(entry, tokens, start, length))
            {
                return (entry, length);
            }
        }

        return null;
    }

    // "UK" must be written "UK"; a capitalised word of the form must be capitalised in the text. Lowercase
    // forms (Serbian adjectives such as "srpski") match either way.
    private bool CaseAgrees(GazetteerEntry entry, IReadOnlyList<Token> tokens, int start, int length)
    {
        var formWords = _formWords[entry];
        if (formWords.Length != length)
        {
            return tokens[start].StartsUpper || !char.IsUpper(entry.Text[0]);
        }

        for (var k = 0; k < length; k++)
        {
            var expected = formWords[k];
            var actual = tokens[start + k].Text;
            var isAcronym = expected.Length > 1 && expected.All(char.IsUpper);
            // An acronym in capitals in either script: "САД" is "SAD".
            if (isAcronym ? actual.Length != expected.Length || !actual.All(char.IsUpper) : char.IsUpper(expected[0]) && !char.IsUpper(actual[0]))
            {
                return false;
            }
        }

        return true;
    }

    // When one form names several countries a blocker wins, then a curated row (the project's decision on a
    // shared demonym), then the most specific kind (a name over a city).
    private static FrozenDictionary<string, GazetteerEntry> Index(IEnumerable<GazetteerEntry> entries, Func<string, string> key) =>
        entries
            .GroupBy(entry => key(entry.Text), StringComparer.Ordinal)
            .ToFrozenDictionary(
                group => group.Key,
                group => group
                    .OrderByDescending(entry => entry.Kind == GazetteerKind.Blocker)
                    .ThenByDescending(entry => entry.Origin == "curated")
                    .ThenBy(entry => entry.Kind)
                    .First(),
                StringComparer.Ordinal);
}

/// <summary>One place reference in the text.</summary>
internal sealed record Mention(GazetteerEntry Entry, int TokenIndex, int Length, string Surface, TextSpan Span);
