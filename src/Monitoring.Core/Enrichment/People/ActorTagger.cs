using System.Collections.Frozen;
using Monitoring.Core.Enrichment.Countries;
using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Enrichment.People;

/// <summary>
/// People and organisations: first the curated actors of <c>actors.tsv</c>, by their aliases in any script
/// (folded keys, so "Вучић" = "Vučić" = "Vucic"; outside English also declined: "Vučića", "Dodiku"), longest
/// alias first, in one pass; then the <see cref="PersonTagger"/> heuristic for everyone else, leaving out
/// names the curated list already gave.
/// </summary>
internal sealed class ActorTagger
{
    private readonly FrozenDictionary<string, Actor> _byAlias;
    private readonly FrozenSet<string> _acronyms;
    private readonly FrozenDictionary<string, Actor> _byStem;
    private readonly FrozenSet<string> _firstWords;
    private readonly FrozenDictionary<string, Actor>.AlternateLookup<ReadOnlySpan<char>> _possessiveOwners;
    private readonly int _longestAlias;
    private readonly PersonTagger _heuristic;

    public ActorTagger(IReadOnlyList<Actor> actors, PersonTagger heuristic)
    {
        _heuristic = heuristic;
        var aliases = actors
            .SelectMany(actor => actor.Aliases.SelectMany(MacedonianSpellings).Select(alias => (Key: GazetteerBuilder.Key(alias), Actor: actor)))
            .Where(pair => pair.Key.Length > 0)
            .DistinctBy(pair => pair.Key, StringComparer.Ordinal)
            .ToList();
        _byAlias = aliases.ToFrozenDictionary(pair => pair.Key, pair => pair.Actor, StringComparer.Ordinal);
        _acronyms = actors
            .SelectMany(actor => actor.Aliases)
            .Where(alias => alias.Length <= 5 && alias.All(char.IsUpper))
            .Select(GazetteerBuilder.Key)
            .ToFrozenSet(StringComparer.Ordinal);

        // Raw aliases are stems too: "Kurti" is the stem the declined "Kurtija", "Kurtiju" come to.
        _byStem = aliases
            .SelectMany(pair => new[] { (pair.Key, pair.Actor), (Inflection.StemPhrase(pair.Key), pair.Actor) })
            .DistinctBy(pair => pair.Item1, StringComparer.Ordinal)
            .ToFrozenDictionary(pair => pair.Item1, pair => pair.Actor, StringComparer.Ordinal);
        _firstWords = _byStem.Keys.Select(key => key.Split(' ')[0]).ToFrozenSet(StringComparer.Ordinal);
        _possessiveOwners = aliases
            .Where(pair => pair.Actor.Kind == ActorKind.Person && !pair.Key.Contains(' ', StringComparison.Ordinal) && pair.Key.Length >= 4)
            .ToFrozenDictionary(pair => pair.Key, pair => pair.Actor, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _longestAlias = aliases.Count == 0 ? 1 : aliases.Max(pair => pair.Key.Count(c => c == ' ') + 1);
    }

    public (IReadOnlyList<PersonTag> People, IReadOnlyList<OrganisationTag> Organisations) Tag(ArticleText text, string language) =>
        Tag(text, Find(text.Tokens, language));

    /// <summary>Every mention of a curated actor, in text order, longest alias first.</summary>
    public IReadOnlyList<ActorMention> Find(IReadOnlyList<Token> tokens, string language)
    {
        var inflected = !language.StartsWith("en", StringComparison.Ordinal);
        var mentions = new List<ActorMention>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (Match(tokens, i, inflected) is not { } hit)
            {
                i++;
                continue;
            }

            // "Tramp Mlađi", "Bush Jr.": the son is another person, who acts for no one the list knows.
            if (hit.Actor.Kind == ActorKind.Person && IsJuniorMark(tokens, i + hit.Length))
            {
                i += hit.Length;
                continue;
            }

            mentions.Add(new ActorMention(hit.Actor, i, hit.Length, Token.Quote(tokens, i, hit.Length), Token.Span(tokens, i, hit.Length)));
            i += hit.Length;
        }

        return mentions;
    }

    /// <summary>The people and organisations of <paramref name="mentions"/> (from <see cref="Find"/>), then the heuristic's people.</summary>
    public (IReadOnlyList<PersonTag> People, IReadOnlyList<OrganisationTag> Organisations) Tag(ArticleText text, IReadOnlyList<ActorMention> mentions)
    {
        var found = new Dictionary<Actor, List<(string Surface, TextSpan Span)>>();
        foreach (var mention in mentions)
        {
            if (!found.TryGetValue(mention.Actor, out var list))
            {
                found[mention.Actor] = list = [];
            }

            list.Add((mention.Surface, mention.Span));
        }

        var curatedPeople = found
            .Where(pair => pair.Key.Kind == ActorKind.Person)
            .Select(pair => new PersonTag(pair.Key.Name, pair.Value.Count)
            {
                CountryCode = pair.Key.CountryCode,
                Evidence = pair.Value.Select(item => item.Surface).Distinct(StringComparer.Ordinal).ToList(),
                Positions = pair.Value.Select(item => item.Span).ToList(),
            });
        var otherPeople = _heuristic.Tag(text.Title, text.Body)
            .Where(person => !Tokenizer.Tokenize(person.Name).Any(word => _byAlias.ContainsKey(word.Key)));
        var people = curatedPeople
            .Concat(otherPeople)
            .OrderByDescending(person => person.Mentions)
            .ThenBy(person => person.Name, StringComparer.Ordinal)
            .ToList();
        var organisations = found
            .Where(pair => pair.Key.Kind == ActorKind.Organisation)
            .Select(pair => new OrganisationTag(pair.Key.Name, pair.Value.Count, pair.Value.Select(item => item.Surface).Distinct(StringComparer.Ordinal).ToList())
            {
                CountryCode = pair.Key.CountryCode,
                Positions = pair.Value.Select(item => item.Span).ToList(),
            })
            .OrderByDescending(organisation => organisation.Mentions)
            .ThenBy(organisation => organisation.Name, StringComparer.Ordinal)
            .ToList();
        return (people, organisations);
    }

    private static readonly System.Buffers.SearchValues<char> SoftLetters = System.Buffers.SearchValues.Create("ćđĆĐћђЋЂ");

    // Macedonian writes the region's ć and đ as ќ and ѓ (Вучиќ, Ѓуриќ; Latin Vučikj), which fold to kj and gj, not
    // to the c and dj of Вучић: each alias is also known in that spelling.
    private static IEnumerable<string> MacedonianSpellings(string alias)
    {
        yield return alias;
        if (alias.AsSpan().IndexOfAny(SoftLetters) >= 0)
        {
            yield return alias.Replace("ć", "kj", StringComparison.Ordinal).Replace("ћ", "kj", StringComparison.Ordinal)
                .Replace("đ", "gj", StringComparison.Ordinal).Replace("ђ", "gj", StringComparison.Ordinal)
                .Replace("Ć", "Kj", StringComparison.Ordinal).Replace("Ћ", "Kj", StringComparison.Ordinal)
                .Replace("Đ", "Gj", StringComparison.Ordinal).Replace("Ђ", "Gj", StringComparison.Ordinal);
        }
    }

    // Mlađi/Mlađeg (the younger), Junior, Jr. after a surname: "Tramp Mlađi" is Donald Trump Jr.
    private static bool IsJuniorMark(IReadOnlyList<Token> tokens, int index)
    {
        if (index >= tokens.Count)
        {
            return false;
        }

        var key = tokens[index].Key;
        return key == "jr" || (key.Length <= 8 && (key.StartsWith("mladj", StringComparison.Ordinal) || key.StartsWith("junior", StringComparison.Ordinal) || key.StartsWith("dzunior", StringComparison.Ordinal)));
    }

    private (Actor Actor, int Length)? Match(IReadOnlyList<Token> tokens, int start, bool inflected)
    {
        var first = tokens[start];
        if (!first.StartsUpper)
        {
            return null;
        }

        if (!(_firstWords.Contains(first.Key) || (inflected && _firstWords.Contains(Inflection.Stem(first.Key)))))
        {
            return inflected ? MatchPossessive(first) : null;
        }

        for (var length = Math.Min(_longestAlias, tokens.Count - start); length >= 1; length--)
        {
            if (length > 1 && tokens[start + length - 1].AfterPunctuation)
            {
                continue;
            }

            var key = length == 1 ? first.Key : string.Join(' ', tokens.Skip(start).Take(length).Select(token => token.Key));
            // Acronyms must be written as acronyms: "EU" the union, not "Eu" in a headline. The region's press writes
            // the longer ones as words (Kfor, Unmik, Nato, Кфор), which no ordinary word is.
            if (length == 1 && _acronyms.Contains(key) && !first.Text.All(char.IsUpper) && key.Length < LongestAcronymWrittenAsAWord)
            {
                continue;
            }

            if (_byAlias.TryGetValue(key, out var actor) || (inflected && _byStem.TryGetValue(Inflection.StemPhrase(key), out actor)))
            {
                return (actor, length);
            }
        }

        return inflected ? MatchPossessive(first) : null;
    }

    private const int LongestAcronymWrittenAsAWord = 4;

    // Possessive adjectives of the region's languages are a surname with -ov/-ev and an adjective's ending
    // (Trampove, Vučićevi, Dodikova; after a vowel -jev: Kurtijevi): "Kurtijeve mostove" is Kurti's bridges.
    // Only a curated person's one-word alias is taken, and only when nothing matched the word as it is. Read on
    // spans: most capitalised words of a text pass through here.
    private (Actor Actor, int Length)? MatchPossessive(in Token token)
    {
        var key = token.Key.AsSpan();
        for (var ending = 0; ending <= 3 && key.Length - ending >= 6; ending++)
        {
            var adjective = key[..^ending];
            if (!(adjective.EndsWith("ov", StringComparison.Ordinal) || adjective.EndsWith("ev", StringComparison.Ordinal)))
            {
                continue;
            }

            var owner = adjective[..^2];
            if (owner.Length > 1 && owner[^1] == 'j' && owner[^2] is 'a' or 'e' or 'i' or 'o' or 'u')
            {
                owner = owner[..^1];
            }

            if (_possessiveOwners.TryGetValue(owner, out var actor))
            {
                return (actor, 1);
            }
        }

        return null;
    }
}

/// <summary>One mention of a curated actor: where it is in the tokens and how it was written.</summary>
internal sealed record ActorMention(Actor Actor, int TokenIndex, int Length, string Surface, TextSpan Span);
