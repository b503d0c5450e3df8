using System.Collections.Frozen;
using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Enrichment.People;

/// <summary>
/// A first heuristic for people: two or three capitalised words in a row, after titles ("Defense
/// Minister"), places ("Serbian") and sentence-initial function words are cut away, and only in runs
/// that hold no organisation or event noun ("Defense Ministry", "Victory Day", "Orthodox Church").
/// Later mentions by surname alone count towards the full name. Names are discovered in the body only,
/// because headlines capitalise every word.
/// </summary>
internal sealed class PersonTagger
{
    // Words that introduce a name without being part of it.
    private static readonly FrozenSet<string> TitleWords = FrozenSet.ToFrozenSet(
    [
        "president", "prime", "minister", "defense", "defence", "foreign", "interior", "finance", "chancellor",
        "secretary", "general", "gen", "colonel", "commander", "leader", "premier", "speaker", "ambassador", "envoy",
        "mr", "mrs", "ms", "dr", "pope", "king", "queen", "prince", "princess", "patriarch", "judge", "mayor",
        "senator", "deputy", "vice", "chief", "head", "spokesman", "spokeswoman", "spokesperson", "representative",
        "special", "former", "counterpart", "opposition", "officials", "official", "presidential", "candidate",
        "bishop", "archbishop", "cardinal", "sheikh", "emir", "lieutenant", "major", "captain", "sergeant", "admiral",
        "marshal", "justice", "prosecutor", "commissioner", "director", "governor", "lawmaker", "mp", "sen", "rep",
        "said", "says", "told",
    ], StringComparer.Ordinal);

    // A capitalised run holding one of these names an institution, event or place, never a person.
    private static readonly FrozenSet<string> InstitutionWords = FrozenSet.ToFrozenSet(
    [
        "ministry", "church", "union", "day", "war", "party", "council", "army", "government", "bank", "court",
        "assembly", "republic", "federation", "parliament", "commission", "organization", "organisation", "forces",
        "force", "university", "agency", "office", "committee", "movement", "front", "alliance", "nations", "service",
        "news", "times", "post", "press", "radio", "television", "institute", "foundation", "association", "company",
        "group", "corporation", "airlines", "cup", "league", "championship", "games", "festival", "declaration",
        "agreement", "accord", "accords", "treaty", "summit", "conference", "square", "street", "bridge", "river",
        "sea", "mountain", "mountains", "lake", "valley", "island", "islands", "airport", "station", "hall", "palace",
        "cathedral", "monastery", "mosque", "house", "centre", "center", "police", "guard", "brigade", "corps", "navy",
        "orthodox", "catholic", "islamic", "democratic", "socialist", "liberal", "progressive", "coalition",
        "national", "international", "federal", "state", "states", "supreme", "constitutional", "security", "prize",
        "award", "olympic", "olympics", "stadium", "empire", "kingdom", "province", "region", "county", "district",
        "municipality", "canton", "balkans", "europe", "european", "western", "eastern", "nazi", "communist", "network",
        "fund", "programme", "program", "project", "act", "law", "constitution", "operation", "mission", "battalion",
        "battery", "system", "holocaust", "genocide", "tribunal", "bureau", "department", "authority",
        "administration", "embassy", "consulate", "hospital", "club", "team", "crisis", "election", "elections",
        "referendum", "revolution", "uprising", "spring", "summer", "autumn", "winter", "world", "victory", "ii", "i",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "christmas", "easter", "ramadan", "gazprom", "slam", "contest", "wars", "democrats", "democrat",
        "republicans", "socialists", "open", "grand", "song", "awards", "medal", "trophy", "final", "finals",
        "tournament", "race", "prix", "area", "zone", "chamber", "chambers", "industry", "industrija", "marathon", "airways", "club", "fc", "football", "basketball", "facebook", "twitter", "google",
    ], StringComparer.Ordinal);

    private readonly Func<string, bool> _isPlace;
    private readonly FrozenSet<string> _commonWords;
    private readonly PersonCues _cues;

    /// <param name="isPlace">Whether lowercased words joined by spaces name a place ("serbian", "novi sad").</param>
    /// <param name="cues">Titles of the region's languages are cut like the English ones; a royal title makes the run a street or a square ("Trg Kralja Milana").</param>
    public PersonTagger(Func<string, bool> isPlace, IEnumerable<string> commonWords, PersonCues? cues = null)
    {
        _isPlace = isPlace;
        _commonWords = commonWords.ToFrozenSet(StringComparer.Ordinal);
        _cues = cues ?? PersonCues.None;
    }

    /// <param name="title">Only counted against names found in the body.</param>
    public IReadOnlyList<PersonTag> Tag(IReadOnlyList<Token> title, IReadOnlyList<Token> body)
    {
        var names = new List<Token[]>();
        foreach (var name in FindFullNames(body))
        {
            if (!names.Any(known => known.Select(token => token.Text).SequenceEqual(name.Select(token => token.Text), StringComparer.Ordinal)))
            {
                names.Add(name);
            }
        }

        return names
            .Select(name => new PersonTag(
                Token.Quote(name, 0, name.Length),
                CountMentions(name, title) + CountMentions(name, body)))
            .OrderByDescending(person => person.Mentions)
            .ThenBy(person => person.Name, StringComparer.Ordinal)
            .ToList();
    }

    private IEnumerable<Token[]> FindFullNames(IReadOnlyList<Token> tokens)
    {
        var i = 0;
        while (i < tokens.Count)
        {
            if (!tokens[i].IsCapitalised)
            {
                i++;
                continue;
            }

            var end = i + 1;
            while (end < tokens.Count && tokens[end].IsCapitalised && !tokens[end].AfterPunctuation)
            {
                end++;
            }

            var run = new List<Token>(end - i);
            for (var k = i; k < end; k++)
            {
                run.Add(tokens[k]);
            }

            i = end;
            if (run.Any(token => InstitutionWords.Contains(token.Key) || _cues.CueOf(token, inflected: true) == PersonCue.Royal))
            {
                continue;
            }

            var segment = new List<Token>();
            foreach (var token in run.Append(default))
            {
                if (token.Text is not null && IsNamePart(token))
                {
                    segment.Add(token);
                    continue;
                }

                if (segment.Count is 2 or 3 && !_isPlace(string.Join(' ', segment.Select(part => part.Key))))
                {
                    yield return [.. segment];
                }

                segment.Clear();
            }
        }
    }

    private bool IsNamePart(Token token) =>
        !TitleWords.Contains(token.Key)
        && _cues.CueOf(token, inflected: true) == PersonCue.None
        && !_isPlace(token.Key)
        && !_commonWords.Contains(token.Key);

    // Full mentions plus capitalised surname-only mentions that are not part of a full mention.
    private static int CountMentions(Token[] name, IReadOnlyList<Token> tokens)
    {
        var mentions = 0;
        var surname = name[^1].Text;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i + name.Length <= tokens.Count && IsAt(name, tokens, i))
            {
                mentions++;
                i += name.Length - 1;
            }
            else if (string.Equals(tokens[i].Text, surname, StringComparison.Ordinal))
            {
                mentions++;
            }
        }

        return mentions;
    }

    // Called for every word of the text and every name found: a loop, not a closure and an enumerator per word.
    private static bool IsAt(Token[] name, IReadOnlyList<Token> tokens, int start)
    {
        for (var k = 0; k < name.Length; k++)
        {
            if (!string.Equals(tokens[start + k].Text, name[k].Text, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
