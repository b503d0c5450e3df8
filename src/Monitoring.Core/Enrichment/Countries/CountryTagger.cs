using System.Collections.Frozen;
using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Enrichment.Countries;

/// <summary>
/// Finds countries by their names, demonyms, capitals and cities. Longest match wins ("Bosnia and
/// Herzegovina" is one mention, "New Mexico" is a blocker), and a capitalised form in the gazetteer must
/// be capitalised in the text, so "turkey" the bird and "nice" the word are not countries.
/// </summary>
internal sealed class CountryTagger
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, GazetteerEntry>> _byLanguage;
    private readonly FrozenDictionary<string, GazetteerEntry> _anyLanguage;
    private readonly Func<string, string> _countryName;
    private readonly FrozenSet<string> _placeKeys;
    private readonly int _longestForm;

    public CountryTagger(IEnumerable<GazetteerEntry> entries, Func<string, string> countryName)
    {
        var all = entries.ToList();
        _countryName = countryName;
        _anyLanguage = Index(all.Where(entry => entry.Language == GazetteerEntry.AnyLanguage));
        _byLanguage = all
            .Select(entry => entry.Language)
            .Where(language => language != GazetteerEntry.AnyLanguage)
            .Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(
                language => language,
                language => Index(all.Where(entry => entry.Language == language || entry.Language == GazetteerEntry.AnyLanguage)),
                StringComparer.Ordinal);
        _placeKeys = all
            .Where(entry => entry.Code != GazetteerEntry.BlockerCode)
            .Select(entry => GazetteerBuilder.Key(entry.Text))
            .ToFrozenSet(StringComparer.Ordinal);
        _longestForm = all.Count == 0 ? 1 : all.Max(entry => GazetteerBuilder.Key(entry.Text).Count(c => c == ' ') + 1);
    }

    /// <summary>
    /// True when the lowercased words (joined by single spaces) name a place in any language, e.g. "serbian"
    /// or "republika srpska": the person tagger must not take them for a name.
    /// </summary>
    public bool IsPlace(string key) => _placeKeys.Contains(key);

    public IReadOnlyList<CountryTag> Tag(IReadOnlyList<Token> tokens, string language)
    {
        var index = _byLanguage.GetValueOrDefault(language, _anyLanguage);
        var found = new Dictionary<string, (int Mentions, List<string> Evidence)>(StringComparer.Ordinal);
        var i = 0;
        while (i < tokens.Count)
        {
            var match = LongestMatch(index, tokens, i);
            if (match is not { } hit)
            {
                i++;
                continue;
            }

            if (hit.Entry.Code != GazetteerEntry.BlockerCode)
            {
                var surface = Token.Quote(tokens, i, hit.Length);
                if (!found.TryGetValue(hit.Entry.Code, out var tag))
                {
                    tag = (0, []);
                }

                if (!tag.Evidence.Contains(surface, StringComparer.Ordinal))
                {
                    tag.Evidence.Add(surface);
                }

                found[hit.Entry.Code] = (tag.Mentions + 1, tag.Evidence);
            }

            i += hit.Length;
        }

        return found
            .OrderByDescending(pair => pair.Value.Mentions)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new CountryTag(pair.Key, _countryName(pair.Key), pair.Value.Mentions, pair.Value.Evidence))
            .ToList();
    }

    private (GazetteerEntry Entry, int Length)? LongestMatch(FrozenDictionary<string, GazetteerEntry> index, IReadOnlyList<Token> tokens, int start)
    {
        if (!tokens[start].StartsUpper)
        {
            return null;
        }

        for (var length = Math.Min(_longestForm, tokens.Count - start); length >= 1; length--)
        {
            // A form does not run across punctuation: "Serbia. Montenegro" is two mentions.
            if (length > 1 && tokens[start + length - 1].AfterPunctuation)
            {
                continue;
            }

            var key = string.Join(' ', tokens.Skip(start).Take(length).Select(token => token.Key));
            if (index.TryGetValue(key, out var entry) && CaseAgrees(entry.Text, tokens, start, length))
            {
                return (entry, length);
            }
        }

        return null;
    }

    // "UK" must be written "UK"; a capitalised word of the form must be capitalised in the text.
    private static bool CaseAgrees(string form, IReadOnlyList<Token> tokens, int start, int length)
    {
        var formTokens = Tokenizer.Tokenize(form);
        if (formTokens.Count != length)
        {
            return true;
        }

        for (var k = 0; k < length; k++)
        {
            var expected = formTokens[k].Text;
            var actual = tokens[start + k].Text;
            var isAcronym = expected.Length > 1 && expected.All(char.IsUpper);
            if (isAcronym ? !string.Equals(expected, actual, StringComparison.Ordinal) : char.IsUpper(expected[0]) && !char.IsUpper(actual[0]))
            {
                return false;
            }
        }

        return true;
    }

    // When one form names several countries the most specific kind wins (a blocker over a name over a city).
    private static FrozenDictionary<string, GazetteerEntry> Index(IEnumerable<GazetteerEntry> entries) =>
        entries
            .GroupBy(entry => GazetteerBuilder.Key(entry.Text), StringComparer.Ordinal)
            .ToFrozenDictionary(
                group => group.Key,
                group => group.OrderByDescending(entry => entry.Kind == GazetteerKind.Blocker).ThenBy(entry => entry.Kind).First(),
                StringComparer.Ordinal);
}
