using System.Buffers;
using System.Collections.Frozen;
using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Enrichment.People;

/// <summary>
/// Reads one article's words for the signs that a capitalised word names a person: a first name before or
/// after it, a title before it, a verb of saying beside it, a colon after it at the start of the headline, a
/// quotation after it; and whether a word written in capitals is an acronym. Built per article by the country
/// tagger, so it may remember what it found (the article's other mentions of a surname).
/// </summary>
internal sealed class PersonReading
{
    // Capitalised neighbours that make a name of a place an institution or a feature ("Paris Hilton" is a
    // person, "Paris Government" is not): the person-name rule of ambiguity.tsv.
    private static readonly FrozenSet<string> PlaceNeighbours = FrozenSet.ToFrozenSet(
    [
        "river", "valley", "government", "king", "queen", "state", "university", "post", "times", "street", "square",
        "ministry", "army", "armed", "central", "national", "prime", "president", "foreign", "minister", "bank",
        "city", "county", "province", "region", "stock", "exchange", "said", "the", "and", "of", "in",
    ], StringComparer.Ordinal);

    // ...and after a first name of first-names.tsv also these: "Milan Fashion Week", "Sofia Airport", "Luka Bar".
    private static readonly FrozenSet<string> NonNameWords = PlaceNeighbours
        .Concat(["airport", "fashion", "police", "court", "port", "expo", "week", "aerodrom", "luka", "harbor", "harbour"])
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly SearchValues<char> QuotationMarks = SearchValues.Create("\"„“”«»'‘’");

    private readonly PersonCues _cues;
    private readonly IReadOnlyList<Token> _tokens;
    private readonly bool _inflected;
    private Dictionary<string, bool>? _personElsewhere;
    private bool? _titleInSentenceCase;

    public PersonReading(PersonCues cues, IReadOnlyList<Token> tokens, string language)
    {
        _cues = cues;
        _tokens = tokens;
        Language = language;
        _inflected = !language.StartsWith("en", StringComparison.Ordinal);
    }

    public string Language { get; }

    public bool Inflected => _inflected;

    public IReadOnlyList<Token> Tokens => _tokens;

    public bool IsFirstName(int i) => _cues.IsFirstName(_tokens[i], _inflected);

    /// <summary>
    /// Written all in capitals ("AKS", "SNS", "САД") and not part of a headline set in capitals: an acronym,
    /// which names a country only when the gazetteer lists it as that country's abbreviation.
    /// </summary>
    public bool IsAcronym(int i)
    {
        var text = _tokens[i].Text;
        if (text.Length < 2 || !text.All(char.IsLetter) || !text.All(char.IsUpper))
        {
            return false;
        }

        // "KINA PRETI SAD": a shouted headline; a neighbour in lower case shows the capitals are the word's own.
        var neighbours = 0;
        for (var k = Math.Max(0, i - 3); k <= Math.Min(_tokens.Count - 1, i + 3); k++)
        {
            if (k == i || _tokens[k].InTitle != _tokens[i].InTitle || !char.IsLetter(_tokens[k].Text[0]))
            {
                continue;
            }

            neighbours++;
            if (_tokens[k].Text.Any(char.IsLower))
            {
                return true;
            }
        }

        return neighbours == 0;
    }

    /// <summary>A first name (glued, capitalised) stands before the capitalised word: Marinika Tepić, Milanu Glušcu.</summary>
    public bool FirstNameBefore(int i) =>
        ReadsCapitals(i) && IsNameWord(_tokens[i]) && Glued(i) && _tokens[i - 1].IsCapitalised && IsFirstName(i - 1);

    /// <summary>Two capitalised words after a first name: "Dragan Marković Palma", the third is a name too.</summary>
    public bool FullNameBefore(int i) =>
        i >= 2 && ReadsCapitals(i) && _tokens[i].IsCapitalised && Glued(i) && FirstNameBefore(i - 1);

    /// <summary>The word is a first name followed by a capitalised name word: "Milan Antonijević", "Sofija Kovačević".</summary>
    public bool FollowedByName(int i) =>
        i + 1 < _tokens.Count && ReadsCapitals(i) && Glued(i + 1) && IsNameWord(_tokens[i + 1]) && _cues.CueOf(_tokens[i + 1], _inflected) == PersonCue.None;

    /// <summary>The person-name rule of ambiguity.tsv: glued to a capitalised word on either side ("Michael Jordan", "Paris Hilton").</summary>
    public bool GluedToName(int i)
    {
        if (!ReadsCapitals(i))
        {
            return false;
        }

        var token = _tokens[i];
        var before = i > 0 && !token.AfterPunctuation && !token.StartsSentence && IsNeighbourName(_tokens[i - 1]);
        var after = i + 1 < _tokens.Count && Glued(i + 1) && IsNeighbourName(_tokens[i + 1]);
        return before || after;
    }

    /// <summary>A title or a royal title right before the word: "poslanica Tepić", "Trg kralja Milana", "ministri Kosta".</summary>
    public PersonCue TitleBefore(int i)
    {
        if (i == 0 || !Glued(i))
        {
            return PersonCue.None;
        }

        var cue = _cues.CueOf(_tokens[i - 1], _inflected);
        return cue is PersonCue.Title or PersonCue.Royal ? cue : PersonCue.None;
    }

    /// <summary>
    /// A sign that the word is someone speaking: a verb of saying beside it ("Tepić je rekla", "kaže Kosta"),
    /// a colon after it when it opens the headline ("Mali: ...", "Kosta za RTS: ..."), or a quotation after it.
    /// </summary>
    public bool Speaks(int i) => SayingAfter(i) || SayingBefore(i) || OpensHeadlineBeforeColon(i) || QuotationAfter(i);

    /// <summary>
    /// The same surname reads as a person elsewhere in the article: after a first name ("Antonio Kosta ...
    /// Kosta u Prištini") or, for a word that could be a name (<paramref name="byCues"/>), after a title or as a
    /// speaker. One sense per article; royal titles are left out, since a street named after King Milan says
    /// nothing of Milan the city.
    /// </summary>
    public bool PersonElsewhere(int i, bool byCues)
    {
        var stem = _inflected ? Inflection.Stem(_tokens[i].Key) : _tokens[i].Key;
        var memo = byCues ? stem + "\u0001" : stem;
        // Most articles never ask: the memo is made on the first question.
        _personElsewhere ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        if (_personElsewhere.TryGetValue(memo, out var known))
        {
            return known;
        }

        var found = false;
        for (var j = 0; j < _tokens.Count && !found; j++)
        {
            var key = _tokens[j].Key;
            if (j == i || !key.StartsWith(stem, StringComparison.Ordinal) || (_inflected ? Inflection.Stem(key) : key) != stem)
            {
                continue;
            }

            found = FirstNameBefore(j) || FullNameBefore(j) || (byCues && (TitleBefore(j) == PersonCue.Title || Speaks(j)));
        }

        _personElsewhere[memo] = found;
        return found;
    }

    private bool SayingAfter(int i)
    {
        if (i + 1 >= _tokens.Count || !Glued(i + 1) || _tokens[i + 1].StartsSentence)
        {
            return false;
        }

        var next = _cues.CueOf(_tokens[i + 1], _inflected);
        return next == PersonCue.Saying
            || (next == PersonCue.Auxiliary && i + 2 < _tokens.Count && Glued(i + 2) && _cues.CueOf(_tokens[i + 2], _inflected) == PersonCue.Saying);
    }

    private bool SayingBefore(int i)
    {
        if (i == 0 || !Glued(i) || _tokens[i].StartsSentence)
        {
            return false;
        }

        var previous = _cues.CueOf(_tokens[i - 1], _inflected);
        return previous == PersonCue.Saying
            || (previous == PersonCue.Auxiliary && i >= 2 && Glued(i - 1) && _cues.CueOf(_tokens[i - 2], _inflected) == PersonCue.Saying);
    }

    // "Mali: ...", "Kosta za RTS: ...": the headline's first word, and a colon within its first four words.
    private bool OpensHeadlineBeforeColon(int i)
    {
        if (i != 0 || !_tokens[0].InTitle)
        {
            return false;
        }

        for (var k = 1; k < Math.Min(_tokens.Count, 5) && _tokens[k].InTitle; k++)
        {
            if (_tokens[k].Gap.Contains(':', StringComparison.Ordinal))
            {
                return true;
            }

            if (_tokens[k].AfterPunctuation)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// An age in brackets right after the word, as the region's press writes people ("Santos (55) je bio trener",
    /// "Marko (25) uhapšen"): a person, never a town.
    /// </summary>
    public bool AgeAfter(int i)
    {
        if (i + 1 >= _tokens.Count)
        {
            return false;
        }

        var next = _tokens[i + 1];
        return next.Text.Length is >= 1 and <= 3
            && !next.Text.AsSpan().ContainsAnyExceptInRange('0', '9')
            && next.Gap.AsSpan().Trim().SequenceEqual("(")
            && (i + 2 >= _tokens.Count || _tokens[i + 2].Gap.AsSpan().TrimStart().StartsWith(")", StringComparison.Ordinal));
    }

    // "Kosta: „Srbiji je mesto u Uniji“": a colon and a quotation mark after the name.
    private bool QuotationAfter(int i) =>
        i + 1 < _tokens.Count
        && _tokens[i + 1].Gap.Contains(':', StringComparison.Ordinal)
        && _tokens[i + 1].Gap.AsSpan().IndexOfAny(QuotationMarks) >= 0;

    // No punctuation between the word and the one before it.
    private bool Glued(int i) => i > 0 && !_tokens[i].AfterPunctuation && _tokens[i].InTitle == _tokens[i - 1].InTitle;

    // Capitals say nothing in a headline set in title case ("Milan Police Arrest Fans"); a headline in sentence
    // case (the region's press, most of the web) keeps them for names.
    private bool ReadsCapitals(int i)
    {
        if (!_tokens[i].InTitle)
        {
            return true;
        }

        _titleInSentenceCase ??= _tokens.Skip(1).TakeWhile(token => token.InTitle).Any(token => token.Text.Length >= 4 && char.IsLower(token.Text[0]));
        return _titleInSentenceCase.Value;
    }

    private static bool IsNameWord(in Token token) => token.IsCapitalised && !NonNameWords.Contains(token.Key);

    private static bool IsNeighbourName(in Token token) => token.IsCapitalised && !PlaceNeighbours.Contains(token.Key);
}
