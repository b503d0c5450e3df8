using System.Collections.Frozen;
using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Enrichment.Countries;

/// <summary>
/// Context rules for forms that do not always mean their country, read from <c>ambiguity.tsv</c>
/// (form, rule). Rules:
/// <list type="bullet">
/// <item><c>person-name</c>: a place that is also a personal name ("Jordan", "Chad", "Paris") is no place
/// when it is glued to another capitalised word in running text ("Michael Jordan", "Paris Hilton").</item>
/// <item><c>us-state</c>: a country that is also a US state ("Georgia") is dropped when the article refers to
/// the United States and names the country by no other form (no "Tbilisi", no "Georgian").</item>
/// </list>
/// A city followed by a region of another country ("BIRMINGHAM, Ala.", "Paris, Texas") is that region's namesake.
/// Forms that are organisations (NATO, KFOR) or regions of another country ("Central Macedonia") are
/// handled by the gazetteer itself: blockers and curated rows.
/// </summary>
internal sealed class AmbiguityRules
{
    /// <summary>The rule names of <c>ambiguity.tsv</c>.</summary>
    public const string PersonName = "person-name";

    public const string UsState = "us-state";

    // A capitalised neighbour that makes a name of a place would more likely make it an institution or a feature.
    private static readonly FrozenSet<string> PlaceNeighbours = FrozenSet.ToFrozenSet(
    [
        "river", "valley", "government", "king", "queen", "state", "university", "post", "times", "street", "square",
        "ministry", "army", "armed", "central", "national", "prime", "president", "foreign", "minister", "bank",
        "city", "county", "province", "region", "stock", "exchange", "said", "the", "and", "of", "in",
    ], StringComparer.Ordinal);

    private readonly FrozenSet<(string Key, string Rule)> _rules;

    public AmbiguityRules(IEnumerable<(string Form, string Rule)> rules)
    {
        _rules = rules.Select(rule => (GazetteerBuilder.Key(rule.Form), rule.Rule)).ToFrozenSet();
    }

    public static AmbiguityRules None { get; } = new([]);

    /// <summary>Reads <c>ambiguity.tsv</c>: form, rule, optional note; # starts a comment.</summary>
    /// <exception cref="InvalidDataException">A line names an unknown rule.</exception>
    public static AmbiguityRules Read(string path)
    {
        var rules = new List<(string, string)>();
        foreach (var (fields, origin) in SeedTsv.ReadRows(path, minimumFields: 2))
        {
            if (fields[1] is not (PersonName or UsState))
            {
                throw new InvalidDataException($"{origin}: unknown rule '{fields[1]}' (expected {PersonName} or {UsState}).");
            }

            rules.Add((fields[0], fields[1]));
        }

        return new AmbiguityRules(rules);
    }

    /// <summary>True when the one-word form at <paramref name="start"/> is part of a person's name.</summary>
    public bool IsPersonName(GazetteerEntry entry, IReadOnlyList<Token> tokens, int start, int length)
    {
        if (length != 1 || tokens[start].InTitle || !_rules.Contains((tokens[start].Key, PersonName)))
        {
            return false;
        }

        var token = tokens[start];
        var before = start > 0 && !token.AfterPunctuation && !token.StartsSentence && IsNameWord(tokens[start - 1]);
        var after = start + 1 < tokens.Count && !tokens[start + 1].AfterPunctuation && IsNameWord(tokens[start + 1]);
        return before || after;
    }

    /// <summary>Drops the mentions that the whole article shows to mean something else.</summary>
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
        return stateOnly.Count == 0 ? mentions : mentions.Where(mention => !stateOnly.Contains(mention.Entry.Code)).ToList();
    }

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

    private static bool IsNameWord(Token token) => token.IsCapitalised && !PlaceNeighbours.Contains(token.Key);
}
