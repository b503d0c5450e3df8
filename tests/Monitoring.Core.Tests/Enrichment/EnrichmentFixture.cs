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

    public EnrichedArticle EnrichText(string title, string body, string language = "en") => Enricher.Enrich(new Article
    {
        Id = ArticleId.ForContent("test", title, body),
        Title = title,
        Paragraphs = [body],
        Source = "test",
        Language = language,
        IngestedAt = DateTimeOffset.UnixEpoch,
    });
}
