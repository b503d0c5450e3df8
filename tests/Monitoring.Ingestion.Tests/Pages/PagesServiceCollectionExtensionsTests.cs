using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Ingestion.Pages;

namespace Monitoring.Ingestion.Tests.Pages;

public sealed class PagesServiceCollectionExtensionsTests
{
    [Fact]
    public void AddPageExtraction_RegistersOneExtractorForTheProcess()
    {
        var services = new ServiceCollection();

        services.AddPageExtraction();

        Assert.Contains(services, d => d.ServiceType == typeof(ArticlePageExtractor) && d.Lifetime == ServiceLifetime.Singleton);
    }

    [Fact]
    public void Options_DefaultToFiveMegabytes()
    {
        var options = new PageExtractionOptions();

        Assert.Equal(5 * 1024 * 1024, options.MaxPageBytes);
        Assert.Empty(Validate(options));
    }

    [Fact]
    public void Options_RejectALimitBelowOneKilobyte()
    {
        Assert.Single(Validate(new PageExtractionOptions { MaxPageBytes = 10 }));
    }

    private static List<ValidationResult> Validate(PageExtractionOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
