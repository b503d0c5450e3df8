using Monitoring.Core.Enrichment.People;
using Monitoring.Core.Enrichment.Text;

namespace Monitoring.Core.Enrichment.Countries;

/// <summary>
/// Which of the mentioned countries a story is about. A country's weight is <see cref="TitleWeight"/> when it
/// is in the title, plus <see cref="LeadWeight"/> when it is in the lead (dateline and first paragraph), plus
/// <see cref="DatelineWeight"/> when it opens the body, plus one per mention. It is "about" when its weight reaches <see cref="ShareOfLeader"/> of the heaviest
/// country's and it is in the title or lead or mentioned at least <see cref="MinimumBodyMentions"/> times.
/// The constants were tuned on Reuters-21578 (docs/quality.md), whose <c>places</c> are what a story is about.
/// </summary>
internal static class AboutScoring
{
    public const double TitleWeight = 3;

    public const double LeadWeight = 2;

    /// <summary>Extra weight of a place opening the body: the dateline of wire copy ("LONDON, March 3 -").</summary>
    public const double DatelineWeight = 4;

    /// <summary>How many words open the body for <see cref="DatelineWeight"/>.</summary>
    public const int DatelineWords = 4;

    public const double ShareOfLeader = 0.5;

    public const int MinimumBodyMentions = 2;

    public static IReadOnlyList<CountryTag> Mark(IReadOnlyList<Mention> mentions, ArticleText text, Func<string, string> countryName) =>
        Mark(mentions, [], text, countryName);

    /// <param name="actors">Curated actors who act for a country: each mention weighs as a mention of the country.</param>
    public static IReadOnlyList<CountryTag> Mark(IReadOnlyList<Mention> mentions, IReadOnlyList<ActorMention> actors, ArticleText text, Func<string, string> countryName)
    {
        var references = mentions
            .Select(mention => (Code: mention.Entry.Code, mention.TokenIndex, Place: (Mention?)mention, Actor: (ActorMention?)null))
            .Concat(actors.Select(actor => (Code: actor.Actor.CountryCode!, actor.TokenIndex, Place: (Mention?)null, Actor: (ActorMention?)actor)));
        var countries = references
            .GroupBy(reference => reference.Code, StringComparer.Ordinal)
            .Select(group =>
            {
                var counted = group.Where(reference => reference.Place is not { IsAside: true }).ToList();
                var inTitle = counted.Any(reference => reference.TokenIndex < text.TitleCount);
                var inLead = counted.Any(reference => reference.TokenIndex >= text.TitleCount && reference.TokenIndex < text.LeadEnd);
                var inDateline = counted.Any(reference => reference.Place is not null && reference.TokenIndex >= text.TitleCount && reference.TokenIndex < text.TitleCount + DatelineWords);
                var weight = (inTitle ? TitleWeight : 0) + (inLead ? LeadWeight : 0) + (inDateline ? DatelineWeight : 0) + counted.Count;
                var places = group.Where(reference => reference.Place is not null).Select(reference => reference.Place!).ToList();
                var actorNames = group.Where(reference => reference.Actor is not null).Select(reference => reference.Actor!.Actor.Name).Distinct(StringComparer.Ordinal).ToList();
                return (Code: group.Key, Mentions: places, Actors: actorNames, References: counted.Count, InTitle: inTitle, InLead: inLead, Weight: weight);
            })
            .ToList();
        if (countries.Count == 0)
        {
            return [];
        }

        var heaviest = countries.Max(country => country.Weight);
        return countries
            .OrderByDescending(country => country.Mentions.Count)
            .ThenByDescending(country => country.References)
            .ThenBy(country => country.Code, StringComparer.Ordinal)
            .Select(country => new CountryTag(
                country.Code,
                countryName(country.Code),
                country.Mentions.Count,
                country.Mentions.Select(mention => mention.Surface).Distinct(StringComparer.Ordinal).Concat(country.Actors).ToList())
            {
                IsAbout = country.References > 0
                    && country.Weight >= ShareOfLeader * heaviest
                    && (country.InTitle || country.InLead || country.References >= MinimumBodyMentions),
                AboutWeight = country.Weight,
                Positions = country.Mentions.Select(mention => mention.Span).ToList(),
                Actors = country.Actors,
            })
            .ToList();
    }
}
