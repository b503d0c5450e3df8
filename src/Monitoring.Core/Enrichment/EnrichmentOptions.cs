namespace Monitoring.Core.Enrichment;

/// <summary>How <see cref="ArticleEnricher"/> tags articles; configuration section <see cref="SectionName"/>.</summary>
public sealed class EnrichmentOptions
{
    public const string SectionName = "Enrichment";

    /// <summary>
    /// An article that names no country (nor a curated person or organisation of one) is about its outlet's
    /// country (<c>Article.SourceCountry</c>), tagged as inferred (<see cref="CountryTag.IsInferred"/>). A local
    /// outlet's headline such as "Vučić: talks are not easy" is about its own country though no place is named.
    /// Default on; off, such articles stay without a country.
    /// </summary>
    public bool SourceCountryPrior { get; set; } = true;
}
