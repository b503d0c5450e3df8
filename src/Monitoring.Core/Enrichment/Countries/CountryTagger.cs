using System.Collections.Frozen;
using Monitoring.Core.Enrichment.People;
using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Enrichment.Countries;

/// <summary>
/// Finds countries by their names, demonyms, capitals and cities in one left-to-right pass. Longest match
/// wins ("Bosnia and Herzegovina" is one mention, "New Mexico" is a blocker); a capitalised form must be
/// capitalised in the text, so "turkey" the bird and "nice" the word are not countries. Outside English,
/// declined forms are found through the language's <see cref="InflectionRules"/> (Srbiji, Kosova, Beogradu, Crnoj Gori).
/// Ambiguous forms are resolved by the rules of <see cref="AmbiguityRules"/>, and each country is marked as
/// what the story is about or merely mentioned (<see cref="AboutScoring"/>).
/// </summary>
internal sealed class CountryTagger
{
    private readonly FrozenDictionary<string, GazetteerEntry> _english;
    private readonly FrozenDictionary<string, GazetteerEntry> _anyLanguage;
    private readonly FrozenDictionary<InflectionFamily, FrozenDictionary<string, GazetteerEntry[]>> _stems;
    private readonly InflectionRules _inflection;
    private readonly FrozenDictionary<string, GazetteerEntry> _foreignWithoutVowel;
    private readonly Func<string, string> _countryName;
    private readonly AmbiguityRules _ambiguity;
    private readonly FrozenSet<string> _placeKeys;
    private readonly FrozenDictionary<string, int> _firstWords;
    private readonly FrozenDictionary<string, int> _firstStems;
    private readonly FrozenDictionary<GazetteerEntry, string[]> _formWords;

    public CountryTagger(IEnumerable<GazetteerEntry> entries, Func<string, string> countryName, AmbiguityRules ambiguity, InflectionRules inflection)
    {
        var all = entries.ToList();
        _countryName = countryName;
        _ambiguity = ambiguity;
        _inflection = inflection;

        // English text reads English forms and local spellings of local places; every other language reads
        // all forms (an English name in a Serbian text is still that place).
        _english = Index(all.Where(entry => entry.Language is "en" or GazetteerEntry.AnyLanguage), GazetteerBuilder.Key);
        // An English blocker ("Island" is no Iceland in English) does not block the word in the region's
        // languages, where Island is Iceland.
        _anyLanguage = Index(all.Where(entry => !(entry.Kind == GazetteerKind.Blocker && entry.Language == "en")), GazetteerBuilder.Key);
        // Each family declines the forms of its own languages, forms of any language ("und") and the region's places;
        // a foreign name (Belém, Pune) is matched as written or with an ending added (Londonu), never by its stem,
        // which would meet unrelated words (Bela, Puno). The family of unnamed languages declines everything, as before.
        _stems = inflection.Families.ToFrozenDictionary(
            family => family,
            family => IndexAll(all.Where(entry => family.Languages.Contains("*") || IsDeclinedBy(family, entry)), text => family.StemPhrase(GazetteerBuilder.Key(text))));
        // Florida → Floridi, Toronto → Torontu: a foreign name in -a or -o loses the vowel to the ending.
        _foreignWithoutVowel = Index(
            all.Where(entry => entry.Language == "en" && !GazetteerBuilder.RegionCodes.Contains(entry.Code) && entry.Text[^1] is 'a' or 'o'),
            text => GazetteerBuilder.Key(text)[..^1]);
        _placeKeys = all
            .Where(entry => entry.Code != GazetteerEntry.BlockerCode)
            .Select(entry => GazetteerBuilder.Key(entry.Text))
            .ToFrozenSet(StringComparer.Ordinal);
        // Most words start no form: one set look-up skips them before any phrase is built.
        // ...and the longest form a word starts bounds the phrases tried from it.
        // The stems of first words are kept apart, so English text, which is never declined, pays nothing for them.
        var firstWords = all.Select(entry => GazetteerBuilder.Key(entry.Text).Split(' ')).ToList();
        _firstWords = LongestByFirstWord(firstWords.Select(words => (words[0], words.Length)));
        _firstStems = LongestByFirstWord(firstWords.SelectMany(words => inflection.Families.Select(family => (family.Stem(words[0]), words.Length))));
        _formWords = all.Distinct().ToFrozenDictionary(entry => entry, entry => Tokenizer.Tokenize(entry.Text).Select(token => token.Text).ToArray());
    }

    /// <summary>
    /// True when the folded lowercase words (joined by single spaces) name a place in any language, e.g.
    /// "serbian" or "republika srpska": the person tagger must not take them for a name.
    /// </summary>
    public bool IsPlace(string key) => _placeKeys.Contains(key);

    /// <summary>
    /// The country a name is a form of when looked up alone, exactly as written in the gazetteer (no case
    /// endings, no context rules): "Kosovo" → XK, "srpski" → RS; null for blockers and unknown names.
    /// </summary>
    public GazetteerEntry? LookUp(string name) =>
        _anyLanguage.TryGetValue(GazetteerBuilder.Key(name), out var entry) && entry.Code != GazetteerEntry.BlockerCode ? entry : null;

    /// <summary>True when the name, exactly as written in the gazetteer, is a blocker: words of a country that name none.</summary>
    public bool IsBlocked(string name) =>
        _anyLanguage.TryGetValue(GazetteerBuilder.Key(name), out var entry) && entry.Code == GazetteerEntry.BlockerCode;

    public IReadOnlyList<CountryTag> Tag(ArticleText text, string language) => Tag(text, language, []);

    /// <param name="actors">
    /// The curated actors of the text (<see cref="ActorTagger.Find"/>). One who acts for a country stands for
    /// it (Vučić for Serbia, Kurti for Kosovo: the region's press names its politicians, not their states) and adds to
    /// its about-weight; the words of an alias of several words are the actor's, not places ("Srpska lista" is the
    /// Kosovo Serbs' party, not Serbia).
    /// </param>
    public IReadOnlyList<CountryTag> Tag(ArticleText text, string language, IReadOnlyList<ActorMention> actors)
    {
        var tokens = text.Tokens;
        var actorWords = new HashSet<int>();
        foreach (var actor in actors.Where(actor => actor.Length > 1))
        {
            actorWords.UnionWith(Enumerable.Range(actor.TokenIndex, actor.Length));
        }

        var family = _inflection.For(language);
        var index = family is not null ? _anyLanguage : _english;
        var mentions = new List<Mention>();
        var people = _ambiguity.ReadPeople(tokens, language);
        var i = 0;
        while (i < tokens.Count)
        {
            if (actorWords.Contains(i) || LongestMatch(index, family, tokens, i) is not { } hit)
            {
                i++;
                continue;
            }

            if (hit.Entry.Code != GazetteerEntry.BlockerCode && !_ambiguity.IsNoPlace(hit.Entry, people, i, hit.Length) &&
                !IsDoubtfulSmallPlace(hit.Entry, tokens, i, hit.Length) && !IsCapitalisedOnlyByPosition(hit.Entry, family, tokens, i, hit.Length))
            {
                mentions.Add(new Mention(hit.Entry, i, hit.Length, Token.Quote(tokens, i, hit.Length), Token.Span(tokens, i, hit.Length)));
            }

            i += hit.Length;
        }

        mentions = _ambiguity.ResolveInContext(mentions);
        if (family is not null)
        {
            mentions = _ambiguity.MarkPeoplesAbroad(mentions, actors, tokens);
            mentions = _ambiguity.MarkMeetingPlaces(mentions, actors, tokens, family);
        }

        return AboutScoring.Mark(mentions, actors.Where(actor => actor.Actor.CountryCode is not null).ToList(), text, _countryName);
    }

    private (GazetteerEntry Entry, int Length)? LongestMatch(
        FrozenDictionary<string, GazetteerEntry> index, InflectionFamily? family, IReadOnlyList<Token> tokens, int start)
    {
        var first = tokens[start];
        var longest = _firstWords.GetValueOrDefault(first.Key);
        // An acronym is matched as written: OHR is not Ohri, KULT not Kulti.
        var declined = family is not null && !IsAcronym(first);
        if (declined)
        {
            longest = Math.Max(longest, _firstStems.GetValueOrDefault(family!.Stem(first.Key)));
            if (family.Strip(first.Key) is { } stripped)
            {
                longest = Math.Max(longest, _firstWords.GetValueOrDefault(stripped));
            }
        }

        if (longest == 0)
        {
            return null;
        }

        // Most candidate phrases are not forms: they are looked up as characters in a buffer, and become a string
        // only when the declined forms need one (a string per candidate was a tenth of the pipeline's allocations).
        var phrases = index.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[PhraseBufferLength];
        for (var length = Math.Min(longest, tokens.Count - start); length >= 1; length--)
        {
            // A form does not run across punctuation ("Serbia. Montenegro" is two mentions), except the
            // period inside an abbreviation ("N.Y.") and a possessive inside the form ("People's Republic of
            // China", else its "Republic of China" reads as Taiwan): the tokenizer drops the 's, leaving a blank gap.
            if (length > 1 && CrossesPunctuation(tokens, start, length))
            {
                continue;
            }

            var key = length == 1 ? first.Key : null;
            GazetteerEntry? entry;
            if (key is null && TryWritePhrase(tokens, start, length, buffer, out var written))
            {
                phrases.TryGetValue(buffer[..written], out entry);
            }
            else
            {
                key ??= Phrase(tokens, start, length);
                index.TryGetValue(key, out entry);
            }

            if (entry is not null && CaseAgrees(entry, tokens, start, length))
            {
                return (entry, length);
            }

            if (!declined || (length > 1 && HasAcronymAfterFirst(tokens, start, length)))
            {
                continue;
            }

            key ??= Phrase(tokens, start, length);
            // Several forms can share a stem (Hrvatska the country, hrvatska the adjective): the first whose case agrees,
            // and inside a sentence a capitalised word takes a capitalised form first ("u Češku" is Češka, not češki).
            if (_stems[family!].TryGetValue(family!.StemPhrase(key), out var declinedForms) &&
                FirstAgreeing(declinedForms, tokens, start, length) is { } candidate)
            {
                return (candidate, length);
            }

            // A foreign name keeps its written form and takes the ending after it: Londonu, Bruxellesu, Helsinkiju.
            var last = tokens[start + length - 1].Key;
            if (family.Strip(last) is { } bare)
            {
                var withoutEnding = length == 1 ? bare : string.Concat(key.AsSpan(0, key.Length - last.Length), bare);
                if ((index.TryGetValue(withoutEnding, out entry) || _foreignWithoutVowel.TryGetValue(withoutEnding, out entry)) &&
                    CaseAgrees(entry, tokens, start, length))
                {
                    return (entry, length);
                }
            }
        }

        return null;
    }

    // Two to four capitals (OHR, KULT, EULEX is five but no place's stem); a longer word in capitals is a word set in
    // capitals (OGULINU in a heading) and is declined as usual.
    // A village of a thousand people shares its name with first names, surnames and ordinary words (Milica, Bilić,
    // Korak): it is taken only inside a sentence and not beside another capitalised word, which makes it part of a
    // person's name ("Slaven Bilić", "Bekim Sejdiu"). Towns of the region that matter are in the curated supplement.
    private static bool IsDoubtfulSmallPlace(GazetteerEntry entry, IReadOnlyList<Token> tokens, int start, int length)
    {
        if (entry.Origin != GazetteerBuilder.SmallPlaceOrigin)
        {
            return false;
        }

        var end = start + length;
        return tokens[start].StartsSentence ||
            (start > 0 && !tokens[start].AfterPunctuation && tokens[start - 1].IsCapitalised) ||
            (end < tokens.Count && !tokens[end].AfterPunctuation && tokens[end].IsCapitalised);
    }

    // A word that opens a sentence or follows a colon is capitalised by its position, so its capital says nothing: an
    // ordinary word there meets a place only through the stemmer's alternations (Korak → Korçë, Riječ → Rijeka: k/c
    // and fleeting a) or as a short foreign town written like a word of the language (Pune → Pune in India, "Pune ruke"
    // is full hands). Such a word is taken only where it agrees with the place letter for letter apart from an
    // ending (Srbiji, Kosovu, Nišu at the start still count) and, for a foreign town, when it is longer than five letters.
    private static bool IsCapitalisedOnlyByPosition(GazetteerEntry entry, InflectionFamily? family, IReadOnlyList<Token> tokens, int start, int length)
    {
        var token = tokens[start];
        if (family is null || length != 1 || !(token.StartsSentence || token.Gap.Contains(':', StringComparison.Ordinal)))
        {
            return false;
        }

        var formKey = GazetteerBuilder.Key(entry.Text);
        if (formKey == token.Key)
        {
            return entry.Kind == GazetteerKind.City && !GazetteerBuilder.RegionCodes.Contains(entry.Code) && token.Key.Length <= 5;
        }

        return (family.Strip(token.Key) ?? token.Key) != (family.Strip(formKey) ?? formKey) && !formKey.StartsWith(token.Key, StringComparison.Ordinal) && !token.Key.StartsWith(formKey, StringComparison.Ordinal);
    }

    // Without a lambda: one capturing the parameters would be allocated on every call of LongestMatch, most of which
    // never get here.
    private GazetteerEntry? FirstAgreeing(GazetteerEntry[] forms, IReadOnlyList<Token> tokens, int start, int length)
    {
        var first = tokens[start];
        var capitalised = first.StartsUpper && !first.StartsSentence;
        GazetteerEntry? firstAgreeing = null;
        foreach (var form in forms)
        {
            if (!CaseAgrees(form, tokens, start, length))
            {
                continue;
            }

            if (!capitalised || char.IsUpper(form.Text[0]))
            {
                return form;
            }

            firstAgreeing ??= form;
        }

        return firstAgreeing;
    }

    /// <summary>Room for the longest phrase a form may span, in characters; a longer one is built as a string.</summary>
    private const int PhraseBufferLength = 256;

    private static bool CrossesPunctuation(IReadOnlyList<Token> tokens, int start, int length)
    {
        for (var k = start + 1; k < start + length; k++)
        {
            if (tokens[k].AfterPunctuation && tokens[k].Gap != "." && !string.IsNullOrWhiteSpace(tokens[k].Gap))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAcronymAfterFirst(IReadOnlyList<Token> tokens, int start, int length)
    {
        for (var k = start + 1; k < start + length; k++)
        {
            if (IsAcronym(tokens[k]))
            {
                return true;
            }
        }

        return false;
    }

    // The words' keys joined by single spaces, as the gazetteer's keys are (GazetteerBuilder.Key).
    private static string Phrase(IReadOnlyList<Token> tokens, int start, int length)
    {
        var phrase = new System.Text.StringBuilder(tokens[start].Key);
        for (var k = start + 1; k < start + length; k++)
        {
            phrase.Append(' ').Append(tokens[k].Key);
        }

        return phrase.ToString();
    }

    private static bool TryWritePhrase(IReadOnlyList<Token> tokens, int start, int length, Span<char> buffer, out int written)
    {
        written = 0;
        for (var k = start; k < start + length; k++)
        {
            var word = tokens[k].Key.AsSpan();
            var needed = word.Length + (k > start ? 1 : 0);
            if (written + needed > buffer.Length)
            {
                return false;
            }

            if (k > start)
            {
                buffer[written++] = ' ';
            }

            word.CopyTo(buffer[written..]);
            written += word.Length;
        }

        return true;
    }

    private static bool IsAcronym(Token token) => token.Text.Length is > 1 and <= 4 && token.Text.All(c => !char.IsLetter(c) || char.IsUpper(c));

    // The forms a family may decline: its own languages', those of any language, and every form of a place of the region.
    private static bool IsDeclinedBy(InflectionFamily family, GazetteerEntry entry) =>
        entry.Language == GazetteerEntry.AnyLanguage || family.Languages.Contains(entry.Language) || GazetteerBuilder.RegionCodes.Contains(entry.Code);

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

    private static FrozenDictionary<string, int> LongestByFirstWord(IEnumerable<(string Word, int Length)> forms) =>
        forms
            .GroupBy(form => form.Word, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.Max(form => form.Length), StringComparer.Ordinal);

    // Every form of a key, in the order of preference of Index.
    private static FrozenDictionary<string, GazetteerEntry[]> IndexAll(IEnumerable<GazetteerEntry> entries, Func<string, string> key) =>
        entries
            .GroupBy(entry => key(entry.Text), StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => Unambiguous(group).ToArray(), StringComparer.Ordinal);

    // Towns of different countries whose forms meet at one stem (Solin in Croatia, Solina in Bosnia) tell no
    // country: a stem keeps its city entries only when they agree, as the builder keeps a shared name only when
    // one place dwarfs the others. Names, demonyms and curated rows stay.
    private static IEnumerable<GazetteerEntry> Unambiguous(IEnumerable<GazetteerEntry> forms)
    {
        var ordered = Preferred(forms).ToList();
        var cities = ordered.Where(entry => entry.Kind == GazetteerKind.City && entry.Origin != "curated").ToList();
        return cities.Select(entry => entry.Code).Distinct(StringComparer.Ordinal).Skip(1).Any()
            ? ordered.Where(entry => !cities.Contains(entry))
            : ordered;
    }

    private static IOrderedEnumerable<GazetteerEntry> Preferred(IEnumerable<GazetteerEntry> entries) =>
        entries
            .OrderByDescending(entry => entry.Kind == GazetteerKind.Blocker)
            .ThenByDescending(entry => entry.Origin == "curated")
            .ThenBy(entry => entry.Kind);

    // When one form names several countries a blocker wins, then a curated row (the project's decision on a
    // shared demonym), then the most specific kind (a name over a city).
    private static FrozenDictionary<string, GazetteerEntry> Index(IEnumerable<GazetteerEntry> entries, Func<string, string> key) =>
        entries
            .GroupBy(entry => key(entry.Text), StringComparer.Ordinal)
            .ToFrozenDictionary(
                group => group.Key,
                group => Preferred(group).First(),
                StringComparer.Ordinal);
}

/// <summary>One place reference in the text.</summary>
internal sealed record Mention(GazetteerEntry Entry, int TokenIndex, int Length, string Surface, TextSpan Span)
{
    /// <summary>A people named in passing (Serbs in Kosovo): still a mention, but no evidence of what the story is about.</summary>
    public bool IsAside { get; init; }
}
