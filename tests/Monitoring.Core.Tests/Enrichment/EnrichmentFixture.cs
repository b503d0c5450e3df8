using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Tests;

namespace Monitoring.Core.Tests.Enrichment;

/// <summary>Loads the shipped model once for all enrichment tests.</summary>
public sealed class EnrichmentFixture
{
    public EnrichmentModel Model { get; } = EnrichmentModel.LoadFrom(RepositoryPaths.Seeds);

    public ArticleEnricher Enricher => new(Model);

    public EnrichedArticle EnrichExample() =>
        Enricher.Enrich(TextArticleReader.Read(RepositoryPaths.ExampleArticle, DateTimeOffset.UnixEpoch));

    public EnrichedArticle EnrichText(string title, string body, string language = "en") => EnrichParagraphs(title, [body], language);

    public EnrichedArticle EnrichParagraphs(string title, IReadOnlyList<string> paragraphs, string language = "en") => Enricher.Enrich(new Article
    {
        Id = ArticleId.ForContent("test", title, string.Join("\n\n", paragraphs)),
        Title = title,
        Paragraphs = paragraphs,
        Source = "test",
        Language = language,
        IngestedAt = DateTimeOffset.UnixEpoch,
    });
}
