using System.Collections.Frozen;
using Monitoring.Core.Enrichment.People;
using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Enrichment.Countries;

/// <summary>
/// Context rules for forms that do not always mean their country, read from <c>ambiguity.tsv</c>
/// (form, rule), and the rules that tell people from places (docs/enrichment.md, "People are not places").
/// Rules of the file:
/// <list type="bullet">
/// <item><c>person-name</c>: a place that is also a personal name ("Jordan", "Chad", "Paris") is no place
/// when it is glued to another capitalised word in running text ("Michael Jordan", "Paris Hilton").</item>
/// <item><c>us-state</c>: a country that is also a US state ("Georgia") is read as the US state when the article refers to
/// the United States and names the country by no other form (no "Tbilisi", no "Georgian").</item>
/// </list>
/// Rules for every form, with the cues of <see cref="PersonCues"/>: a word in capitals is no country unless the
/// gazetteer lists it as that country's abbreviation in the article's language (AKS is no Aksu, SAD is the
/// USA); a surname in -ić is no place unless a place is literally so called (Tepić is no Tepic); a first name
/// followed by a name, and the name after a first name, are a person (Milan Antonijević, Marinika Tepić); a
/// name that could be a person's (a first name, a surname, a curated actor's alias) is no city when a title
/// stands before it, a verb of saying beside it, or when it opens a headline before a colon.
/// A city followed by a region of another country ("BIRMINGHAM, Ala.", "Paris, Texas") is that region's namesake.
/// Forms that are organisations (NATO, KFOR) or regions of another country ("Central Macedonia") are
/// handled by the gazetteer itself: blockers and curated rows.
/// </summary>
internal sealed class AmbiguityRules
{
    /// <summary>The rule names of <c>ambiguity.tsv</c>.</summary>
    public const string PersonName = "person-name";

    public const string UsState = "us-state";

    /// <summary>A noun of the state (government, army, sanctions, town): a place adjective before or after it names the state, not a people.</summary>
    public const string StateWord = "state-word";

    /// <summary>A word of a meeting of many (summit, conference, the sidelines): a foreign city where one is held is its venue.</summary>
    public const string SummitWord = "summit-word";

    /// <summary>A city that seats international organisations (Brussels, New York, The Hague): a venue when others meet there.</summary>
    public const string OrganisationSeat = "organisation-seat";

    public const string FileName = "ambiguity.tsv";

    private readonly FrozenSet<(string Key, string Rule)> _rules;
    private readonly FrozenSet<string> _personNames;
    private readonly FrozenSet<string> _stateWords;
    private readonly FrozenSet<string> _summitWords;
    private readonly FrozenSet<string> _seats;
    private readonly PersonCues _cues;
    private readonly FrozenSet<string> _actorKeys;
    private readonly FrozenSet<string> _actorStems;
    private readonly FrozenSet<string> _softPlaces;
    private readonly FrozenSet<string> _organisationAcronyms;

    public AmbiguityRules(IEnumerable<(string Form, string Rule)> rules)
        : this(rules, PersonCues.None, [], [])
    {
    }

    /// <param name="actors">Their one-word person aliases (Kosta, Mali, Vučić) are people before they are cities abroad.</param>
    /// <param name="gazetteer">The places whose own name ends in -ić (Leposavić, Obilić) stay places.</param>
    public AmbiguityRules(IEnumerable<(string Form, string Rule)> rules, PersonCues cues, IEnumerable<Actor> actors, IEnumerable<GazetteerEntry> gazetteer)
    {
        _rules = rules.Select(rule => (GazetteerBuilder.Key(rule.Form), rule.Rule)).ToFrozenSet();
        _personNames = _rules.Where(rule => rule.Rule == PersonName).Select(rule => rule.Key).ToFrozenSet(StringComparer.Ordinal);
        _stateWords = _rules.Where(rule => rule.Rule == StateWord).SelectMany(rule => new[] { rule.Key, Inflection.Stem(rule.Key) }).ToFrozenSet(StringComparer.Ordinal);
        _summitWords = _rules.Where(rule => rule.Rule == SummitWord).Select(rule => rule.Key).ToFrozenSet(StringComparer.Ordinal);
        _seats = _rules.Where(rule => rule.Rule == OrganisationSeat).Select(rule => rule.Key).ToFrozenSet(StringComparer.Ordinal);
        _cues = cues;
        var aliases = actors
            .Where(actor => actor.Kind == ActorKind.Person)
            .SelectMany(actor => actor.Aliases)
            .Where(alias => !alias.Contains(' ', StringComparison.Ordinal) && !alias.All(char.IsUpper))
            .Select(GazetteerBuilder.Key)
            .Where(key => key.Length > 2 && !key.Contains(' ', StringComparison.Ordinal))
            .ToList();
        _actorKeys = aliases.ToFrozenSet(StringComparer.Ordinal);
        _actorStems = aliases.Select(Inflection.Stem).ToFrozenSet(StringComparer.Ordinal);
        _organisationAcronyms = actors
            .Where(actor => actor.Kind == ActorKind.Organisation)
            .SelectMany(actor => actor.Aliases)
            .Where(alias => alias.Length > 1 && alias.All(char.IsUpper))
            .Select(GazetteerBuilder.Key)
            .ToFrozenSet(StringComparer.Ordinal);
        _softPlaces = gazetteer
            .Where(entry => entry.Code != GazetteerEntry.BlockerCode && entry.Text.AsSpan().IndexOfAny(SurnameShape.SoftLetters) >= 0)
            .Select(entry => SurnameShape.SoftKey(entry.Text))
            .SelectMany(key => new[] { key, Inflection.StemPhrase(key) })
            .ToFrozenSet(StringComparer.Ordinal);
    }

    public static AmbiguityRules None { get; } = new([]);

    /// <summary>Reads <c>ambiguity.tsv</c>: form, rule, optional note; # starts a comment.</summary>
    /// <exception cref="InvalidDataException">A line names an unknown rule.</exception>
    public static AmbiguityRules Read(string path) => new(ReadRules(path));

    /// <summary>Reads <c>ambiguity.tsv</c> and the person cues of the enrichment folder.</summary>
    /// <exception cref="InvalidDataException">A line of either file is malformed.</exception>
    public static AmbiguityRules Read(string folder, IEnumerable<Actor> actors, IEnumerable<GazetteerEntry> gazetteer) =>
        new(ReadRules(Path.Combine(folder, FileName)), PersonCues.Read(folder), actors, gazetteer);

    /// <summary>The titles, royal titles and verbs of saying, also for the person tagger.</summary>
    public PersonCues Cues => _cues;

    /// <summary>The per-article reading of people, for <see cref="IsNoPlace"/>.</summary>
    public PersonReading ReadPeople(IReadOnlyList<Token> tokens, string language) => new(_cues, tokens, language);

    /// <summary>
    /// True when the form at <paramref name="start"/> is no place in this article: an acronym the gazetteer does
    /// not list, a surname, part of a person's name, or a person by title, speech or headline.
    /// Forms of several words ("Kosta Rika", "Novi Sad") are places named in full and are left alone.
    /// </summary>
    public bool IsNoPlace(GazetteerEntry entry, PersonReading people, int start, int length)
    {
        if (length != 1)
        {
            return false;
        }

        var token = people.Tokens[start];
        // A word in capitals is the gazetteer's abbreviation in the article's language, or a place's name set in
        // capitals (a dateline, "TOKYO, March 3 -", "MIDLAND, MICH."), never through the stemmer (AKS is no Aksu)
        // and never when it is a curated organisation's acronym (NIS the oil company, not Niš).
        if (people.IsAcronym(start))
        {
            return IsAbbreviation(entry.Text)
                ? !IsAbbreviationOf(entry, people.Language)
                : _organisationAcronyms.Contains(token.Key) || token.Key != GazetteerBuilder.Key(entry.Text);
        }

        // "BiH" and "KiM" as written: "Kim" is a Korean name, not Kosovo and Metohija.
        if (IsAbbreviation(entry.Text) && !SameCapitals(token.Text, entry.Text))
        {
            return true;
        }

        if (IsSurname(token, entry))
        {
            return true;
        }

        if (_personNames.Contains(token.Key) && people.GluedToName(start))
        {
            return true;
        }

        var firstName = people.IsFirstName(start);
        if (firstName && people.FollowedByName(start))
        {
            return true;
        }

        var weakPlace = entry.Kind is GazetteerKind.City or GazetteerKind.Region;
        if (weakPlace && people.AgeAfter(start))
        {
            return true;
        }

        var actor = _actorKeys.Contains(token.Key) || (people.Inflected && token.Key.Length > 3 && _actorStems.Contains(Inflection.Stem(token.Key)));

        // The name after a first name is a person's, unless it names a country ("Dan Srbije" is a holiday).
        if ((people.FirstNameBefore(start) || (weakPlace && people.FullNameBefore(start)))
            && (actor || entry.Kind is not (GazetteerKind.Name or GazetteerKind.Demonym)))
        {
            return true;
        }

        // A current politician outweighs a town the stemmer finds: Kosta, Kostu are Antonio Costa, not Kosti in
        // Sudan. A town of that very name stays a town (Nikšić the town, not Nermin Nikšić).
        if (actor && (weakPlace || entry.Kind == GazetteerKind.Capital) && token.Key != GazetteerBuilder.Key(entry.Text))
        {
            return true;
        }

        // A word that could be a person's name, in a person's place in the sentence. A country or a capital
        // stays: "predsednik Srbije", "Priština tvrdi", "Beograd:" are places speaking by metonymy.
        var couldBePerson = actor || firstName || _personNames.Contains(token.Key) || SurnameShape.HasFoldedEnding(token.Key);
        if (couldBePerson && (weakPlace || actor) && (people.TitleBefore(start) != PersonCue.None || people.Speaks(start)))
        {
            return true;
        }

        return (weakPlace || actor) && people.PersonElsewhere(start, couldBePerson);
    }
    /// <summary>Drops or reassigns the mentions that the whole article shows to mean something else.</summary>
    public List<Mention> ResolveInContext(List<Mention> mentions)
    {
        mentions = PlaceInRegion(mentions);
        var mentionsUnitedStates = mentions.Any(mention => mention.Entry.Code == "US");
        if (!mentionsUnitedStates)
        {
            return mentions;
        }

        var stateOnly = mentions
            .GroupBy(mention => mention.Entry.Code, StringComparer.Ordinal)
            .Where(country => country.All(mention => _rules.Contains((GazetteerBuilder.Key(mention.Entry.Text), UsState))))
            .Select(country => country.Key)
            .ToHashSet(StringComparer.Ordinal);
        // The state is a place in the United States: it stays a mention, of the US, so that its evidence and
        // position still show ("Atlanta, Georgia" counts twice for the US, never for the Caucasus).
        return stateOnly.Count == 0
            ? mentions
            : mentions.Select(mention => stateOnly.Contains(mention.Entry.Code)
                ? mention with { Entry = mention.Entry with { Code = "US", Kind = GazetteerKind.Region } }
                : mention).ToList();
    }

    /// <summary>
    /// In the region's languages a demonym or a place adjective names a people more often than a state, and the
    /// region's peoples live across its borders: "Srbi sa Kosova", "srpske stranke" in Kosovo's assembly,
    /// "mađarska manjina u Vojvodini", "serbët lokalë" in Jarinje, "kiparski Grci". Such a mention stays a mention
    /// but is an aside, no evidence of what the story is about (<see cref="Mention.IsAside"/>), when
    /// <list type="bullet">
    /// <item>a place adjective of another country stands right before it ("kiparski Grci", "kosovski Srbi"), or</item>
    /// <item>the text names another country by a place or a curated actor (a name, capital, town, region, a
    /// politician, a party) and names its own country by none of them,</item>
    /// </list>
    /// unless a title or a noun of the state (<c>state-word</c> rows of <c>ambiguity.tsv</c>) stands next to it:
    /// "albanski premijer", "hrvatskog veleposlanika", "Америчке санкције", "qeveria serbe" are the state. English is left as
    /// it was: there "Japanese" in a story datelined Washington is mostly Japan's government or companies.
    /// </summary>
    public List<Mention> MarkPeoplesAbroad(List<Mention> mentions, IReadOnlyList<ActorMention> actors, IReadOnlyList<Token> tokens)
    {
        if (!mentions.Any(mention => mention.Entry.Kind == GazetteerKind.Demonym))
        {
            return mentions;
        }

        var namedBy = mentions
            .Where(mention => mention.Entry.Kind != GazetteerKind.Demonym)
            .Select(mention => mention.Entry.Code)
            .Concat(actors.Select(actor => actor.Actor.CountryCode).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        var result = new List<Mention>(mentions.Count);
        Mention? previous = null;
        foreach (var mention in mentions)
        {
            var aside = mention.Entry.Kind == GazetteerKind.Demonym
                && !IsTheState(tokens, mention.TokenIndex, mention.Length)
                && (AfterAdjectiveOfAnotherCountry(mention, previous, tokens)
                    || (!namedBy.Contains(mention.Entry.Code) && namedBy.Count > 0));
            result.Add(aside ? mention with { IsAside = true } : mention);
            previous = mention;
        }

        return result;
    }

    /// <summary>
    /// The city where others meet is the venue, not what the story is about ("Sastanak Lavrova i Vulina u Minsku",
    /// "Samit u Bakuu – Vučić", "Ђурић и Сијарто у Њујорку", "Vučić posle razgovora u Briselu"): a city or capital
    /// after a locative preposition (u, na, v, në, во) is an aside (<see cref="Mention.IsAside"/>) when its country
    /// is named by nothing else in the text (no other form, no actor of it) and actors of two other countries or
    /// institutions are named, or one and either a word of a meeting of many (<c>summit-word</c> rows of
    /// <c>ambiguity.tsv</c>: samit, konferencija, margine, sednica, самит…) or a city that seats international
    /// organisations (<c>organisation-seat</c>: Brussels, New York, The Hague…). A visit to its hosts ("Macut: U Rimu
    /// susreti sa zvaničnicima") or one that names the country ("Vučić u Atini: Grčka podržava…") stays about it.
    /// Outside English only, like the peoples' rule.
    /// </summary>
    public List<Mention> MarkMeetingPlaces(List<Mention> mentions, IReadOnlyList<ActorMention> actors, IReadOnlyList<Token> tokens, InflectionFamily family)
    {
        if (actors.Count == 0 || !mentions.Any(mention => IsVenueCandidate(mention, tokens)))
        {
            return mentions;
        }

        var parties = actors.Select(actor => actor.Actor.CountryCode ?? actor.Actor.Name).ToHashSet(StringComparer.Ordinal);
        bool? summit = null;
        List<Mention>? result = null;
        for (var k = 0; k < mentions.Count; k++)
        {
            var mention = mentions[k];
            var code = mention.Entry.Code;
            if (!IsVenueCandidate(mention, tokens)
                || parties.Contains(code)
                || mentions.Any(other => other.Entry.Code == code && !IsVenueCandidate(other, tokens)))
            {
                continue;
            }

            if (parties.Count >= 2 || _seats.Contains(GazetteerBuilder.Key(mention.Entry.Text)) || (summit ??= HasSummitWord(tokens, family)))
            {
                result ??= [.. mentions];
                result[k] = mention with { IsAside = true };
            }
        }

        return result ?? mentions;
    }

    private static readonly FrozenSet<string> Locatives = FrozenSet.ToFrozenSet(["u", "na", "v", "ne", "vo"], StringComparer.Ordinal);

    private static bool IsVenueCandidate(Mention mention, IReadOnlyList<Token> tokens) =>
        mention.Entry.Kind is GazetteerKind.City or GazetteerKind.Capital
        && mention.TokenIndex > 0
        && Locatives.Contains(tokens[mention.TokenIndex - 1].Key)
        && !tokens[mention.TokenIndex].AfterPunctuation;

    private bool HasSummitWord(IReadOnlyList<Token> tokens, InflectionFamily family)
    {
        var stems = _summitWords.Select(family.Stem).ToHashSet(StringComparer.Ordinal);
        return tokens.Any(token => _summitWords.Contains(token.Key) || stems.Contains(family.Stem(token.Key)));
    }

    // A title or a noun of the state next to the adjective, after it (srpski premijer, Америчке санкције) or, in
    // Albanian, before it (qeveria serbe): the adjective is the state's.
    private bool IsTheState(IReadOnlyList<Token> tokens, int start, int length)
    {
        var after = start + length;
        return (after < tokens.Count && !tokens[after].AfterPunctuation && IsStateWord(tokens[after]))
            || (start > 0 && !tokens[start].AfterPunctuation && IsStateWord(tokens[start - 1]));
    }

    private bool IsStateWord(in Token token) =>
        _cues.CueOf(token, inflected: true) == PersonCue.Title || _stateWords.Contains(token.Key) || _stateWords.Contains(Inflection.Stem(token.Key));

    // "kiparski Grci": the adjective right before, a blank between (no hyphen: "američko-srpski" is two peoples).
    private static bool AfterAdjectiveOfAnotherCountry(Mention mention, Mention? previous, IReadOnlyList<Token> tokens) =>
        previous is not null
        && previous.Entry.Kind == GazetteerKind.Demonym
        && previous.Entry.Code != mention.Entry.Code
        && previous.TokenIndex + previous.Length == mention.TokenIndex
        && string.IsNullOrWhiteSpace(tokens[mention.TokenIndex].Gap);

    // "BIRMINGHAM, Ala." and "Paris, Texas": a city followed by a comma and a region of another country is a
    // namesake in that region; the region's mention stands for it.
    private static List<Mention> PlaceInRegion(List<Mention> mentions)
    {
        var kept = new List<Mention>(mentions.Count);
        for (var i = 0; i < mentions.Count; i++)
        {
            var next = i + 1 < mentions.Count ? mentions[i + 1] : null;
            var isNamesake = mentions[i].Entry.Kind is GazetteerKind.City or GazetteerKind.Capital
                && next is { Entry.Kind: GazetteerKind.Region }
                && next.TokenIndex == mentions[i].TokenIndex + mentions[i].Length
                && next.Entry.Code != mentions[i].Entry.Code;
            if (!isNamesake)
            {
                kept.Add(mentions[i]);
            }
        }

        return kept;
    }

    private static List<(string, string)> ReadRules(string path)
    {
        var rules = new List<(string, string)>();
        foreach (var (fields, origin) in SeedTsv.ReadRows(path, minimumFields: 2))
        {
            if (fields[1] is not (PersonName or UsState or StateWord or SummitWord or OrganisationSeat))
            {
                throw new InvalidDataException($"{origin}: unknown rule '{fields[1]}' (expected {PersonName}, {UsState}, {StateWord}, {SummitWord} or {OrganisationSeat}).");
            }

            rules.Add((fields[0], fields[1]));
        }

        return rules;
    }

    // "SAD" is the USA in Serbian, "BiH" Bosnia, "UK" Britain in English: the gazetteer's abbreviations, in the
    // article's language (Serbian, Croatian, Bosnian and Montenegrin read each other's) or in every language.
    private static bool IsAbbreviationOf(GazetteerEntry entry, string language) =>
        IsAbbreviation(entry.Text)
        && (entry.Language == GazetteerEntry.AnyLanguage || LanguageGroup(entry.Language) == LanguageGroup(language));

    // BiH, KiM, SAD, UAE, РСМ, FYROM: a short word of letters with two capitals or more (not "N'Djamena").
    private static bool IsAbbreviation(string form) => form.Length <= 5 && form.All(char.IsLetter) && form.Count(char.IsUpper) >= 2;

    private static bool SameCapitals(string written, string form)
    {
        if (written.Length != form.Length)
        {
            return false;
        }

        for (var k = 0; k < form.Length; k++)
        {
            if (char.IsUpper(written[k]) != char.IsUpper(form[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static string LanguageGroup(string language)
    {
        var primary = language.Split('-', '_')[0];
        return primary is "sr" or "hr" or "bs" or "sh" or "me" or "cnr" ? "sh" : primary;
    }

    // Tepić is no Tepic and Mitrović no Mitrovica; Leposavić and Obilić are places by their own name.
    private bool IsSurname(in Token token, GazetteerEntry entry)
    {
        if (SurnameShape.HasSoftEnding(token.Text))
        {
            var soft = SurnameShape.SoftKey(token.Text);
            return !_softPlaces.Contains(soft) && !_softPlaces.Contains(Inflection.Stem(soft));
        }

        // Written without diacritics, "Mitrovic" reaches "Mitrovica" only through the stemmer.
        return SurnameShape.HasFoldedEnding(token.Key) && token.Key != GazetteerBuilder.Key(entry.Text);
    }
}
