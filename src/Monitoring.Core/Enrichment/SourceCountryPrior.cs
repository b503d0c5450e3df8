using Monitoring.Core.Articles;

namespace Monitoring.Core.Enrichment;

/// <summary>
/// The outlet's country as a prior (<see cref="EnrichmentOptions.SourceCountryPrior"/>): the regional press writes
/// "the government", "the capital", "Vučić" for its own country and names only the others. So an article whose
/// source country is known and whose text names no country is taken to be about that country. A curated person or
/// organisation of another country counts as naming that country: a Serbian outlet's headline about Kurti is about
/// Kosovo, not about Serbia.
/// </summary>
internal static class SourceCountryPrior
{
    /// <returns>The countries found, with the inferred source country added when the prior applies.</returns>
    public static IReadOnlyList<CountryTag> Apply(
        Article article,
        IReadOnlyList<CountryTag> countries,
        IEnumerable<string?> actorCountries,
        IReadOnlyDictionary<string, string> countryNames)
    {
        if (string.IsNullOrWhiteSpace(article.SourceCountry) || countries.Count > 0)
        {
            return countries;
        }

        var code = article.SourceCountry.Trim().ToUpperInvariant();
        if (!countryNames.TryGetValue(code, out var name)
            || actorCountries.Any(country => country is not null && !string.Equals(country, code, StringComparison.OrdinalIgnoreCase)))
        {
            return countries;
        }

        return
        [
            new CountryTag(code, name, 0, [$"from {article.Source} ({name})"])
            {
                IsAbout = true,
                IsInferred = true,
            },
        ];
    }
}
