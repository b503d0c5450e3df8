using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Monitoring.Ingestion.Pages;

public static class PagesServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="ArticlePageExtractor"/> (thread-safe) configured from section "Ingestion:Pages",
    /// for the jobs that fetch article pages.
    /// </summary>
    public static IServiceCollection AddPageExtraction(this IServiceCollection services)
    {
        services.AddOptions<PageExtractionOptions>()
            .BindConfiguration(PageExtractionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider => new ArticlePageExtractor(provider.GetRequiredService<IOptions<PageExtractionOptions>>().Value));
        return services;
    }
}
