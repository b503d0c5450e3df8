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

    public static IReadOnlyList<CountryTag> Mark(IReadOnlyList<Mention> mentions, ArticleText text, Func<string, string> countryName)
    {
        var countries = mentions
            .GroupBy(mention => mention.Entry.Code, StringComparer.Ordinal)
            .Select(group =>
            {
                var inTitle = group.Any(mention => mention.TokenIndex < text.TitleCount);
                var inLead = group.Any(mention => mention.TokenIndex >= text.TitleCount && mention.TokenIndex < text.LeadEnd);
                var inDateline = group.Any(mention => mention.TokenIndex >= text.TitleCount && mention.TokenIndex < text.TitleCount + DatelineWords);
                var weight = (inTitle ? TitleWeight : 0) + (inLead ? LeadWeight : 0) + (inDateline ? DatelineWeight : 0) + group.Count();
                return (Code: group.Key, Mentions: group.ToList(), InTitle: inTitle, InLead: inLead, Weight: weight);
            })
            .ToList();
        if (countries.Count == 0)
        {
            return [];
        }

        var heaviest = countries.Max(country => country.Weight);
        return countries
            .OrderByDescending(country => country.Mentions.Count)
            .ThenBy(country => country.Code, StringComparer.Ordinal)
            .Select(country => new CountryTag(
                country.Code,
                countryName(country.Code),
                country.Mentions.Count,
                country.Mentions.Select(mention => mention.Surface).Distinct(StringComparer.Ordinal).ToList())
            {
                IsAbout = country.Weight >= ShareOfLeader * heaviest
                    && (country.InTitle || country.InLead || country.Mentions.Count >= MinimumBodyMentions),
                AboutWeight = country.Weight,
                Positions = country.Mentions.Select(mention => mention.Span).ToList(),
            })
            .ToList();
    }
}
