namespace Monitoring.Web.Features.Trends;

public static class TrendsServiceCollectionExtensions
{
    /// <summary>Registers the loader the trends page and its CSV endpoints share.</summary>
    public static IServiceCollection AddTrends(this IServiceCollection services) => services.AddSingleton<TrendsLoader>();
}
