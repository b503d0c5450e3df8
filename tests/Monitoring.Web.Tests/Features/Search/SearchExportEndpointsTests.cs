using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Core.Articles;
using Monitoring.Ingestion.Outlets;
using Monitoring.Ingestion.Store;
using Monitoring.Tests;
using Monitoring.Web.Features.Account;
using Monitoring.Web.Features.Search;

namespace Monitoring.Web.Tests.Features.Search;

/// <summary>
/// The export endpoints by outlet over the demo corpus, with the starter sources and outlet groups of
/// seeds/sources.json: what each export should hold is read from those two files, not from the index.
/// </summary>
public sealed class SearchExportEndpointsTests(SeededApp seeded) : IClassFixture<SeededApp>
{
    private const string InternationalServices = "International services in the region";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACsvExportByOutletGroup_HoldsThatGroupsArticlesOnly_AndRecordsTheGroupByIdAndName()
    {
        var group = await GroupIdAsync(InternationalServices);
        var expected = SeedArticleIds(source => SeedGroupSources(InternationalServices).Contains(source));

        var csv = await ExportAsync($"{SearchExportEndpoints.CsvPath}?outlet_group={group}&names=exact");

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var metadata = lines.TakeWhile(line => line.StartsWith('#')).Skip(1)
            .Select(line => line[2..].Split(':', 2)).ToDictionary(pair => pair[0], pair => pair[1].Trim(), StringComparer.Ordinal);
        var header = lines.SkipWhile(line => line.StartsWith('#')).First().Split(',');
        var rows = lines.SkipWhile(line => line.StartsWith('#')).Skip(1).ToList();
        var ids = rows.Select(row => row.Split(',')[0]);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids.Order(StringComparer.Ordinal));
        Assert.Equal(["outlet_country", "outlet_kind", "outlet_groups"], header[^3..]);
        Assert.All(rows, row => Assert.Contains(InternationalServices, row.Split(',')[^1], StringComparison.Ordinal));
        Assert.Equal($"{group} ({InternationalServices})", metadata["outlet_groups"]);
        Assert.Equal(("", ""), (metadata["outlet_countries"], metadata["outlet_kinds"]));
        Assert.Equal("exact", metadata["names"]);
    }

    [Fact]
    public async Task AJsonExportByOutletKind_HoldsTheArticlesOfOutletsOfThatKind_AndRecordsEveryOutletFilter()
    {
        var portals = SeedSources().Where(source => source.Kind == "portal").Select(source => source.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var expected = SeedArticleIds(portals.Contains).Count;

        using var json = JsonDocument.Parse(await ExportAsync($"{SearchExportEndpoints.JsonPath}?outlet_kind=portal&sort=oldest"));

        var export = json.RootElement.GetProperty("export");
        var sources = json.RootElement.GetProperty("articles").EnumerateArray().Select(article => article.GetProperty("source").GetString()!).ToList();
        Assert.True(expected > 1000, $"the demo corpus comes from a portal ({expected} articles)");
        Assert.Equal(expected, sources.Count);
        Assert.Equal(expected, json.RootElement.GetProperty("count").GetInt32());
        Assert.All(sources, source => Assert.Contains(source, portals));
        Assert.All(json.RootElement.GetProperty("articles").EnumerateArray(),
            article => Assert.Equal("portal", article.GetProperty("outlet").GetProperty("kind").GetString()));
        Assert.Equal("portal", export.GetProperty("outlet_kinds").GetString());
        Assert.Equal(("", ""), (export.GetProperty("outlet_groups").GetString(), export.GetProperty("outlet_countries").GetString()));
        Assert.Equal("expand", export.GetProperty("names").GetString());
    }

    [Fact]
    public async Task AnExportWhileTheSourcesStoreCannotBeRead_Gets503_SayingSoAndWhenToRetry()
    {
        // The outlet catalog's store is a folder, not a database: opening it fails as an unreadable store does.
        await using var app = new TestApp(services: services => services.AddSingleton(provider => new OutletCatalog(
            IngestionStoreFactory.Sqlite(Path.GetTempPath()), provider.GetRequiredService<Hangfire.IBackgroundJobClient>(), TimeProvider.System)));
        await app.CreateUserAsync("reader", Roles.Analyst);
        using var client = await app.SignedInClientAsync("reader");

        foreach (var path in new[] { SearchExportEndpoints.CsvPath, SearchExportEndpoints.JsonPath })
        {
            using var response = await client.GetAsync(new Uri($"{path}?q=Kosovo&outlet_group=1", UriKind.Relative), Cancel);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
            Assert.StartsWith("The sources store cannot be read right now (SqliteException)", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("outlet_group=999", "outlet_group: there is no outlet group 999 (deleted since, or a link from another installation)")]
    [InlineData("outlet_group=Serbia", "outlet_group: 'Serbia' is not an outlet group id; groups are named by number (the search page's links carry them)")]
    [InlineData("outlet_kind=tabloid", "outlet_kind: 'tabloid' is not an outlet kind; use one of public-broadcaster, private, state-owned, international-service, agency, portal")]
    [InlineData("outlet_country=Kosovo", "outlet_country: 'Kosovo' is not an ISO 3166 alpha-2 code such as RS or XK")]
    public async Task AnExportByAnOutletThatCannotBe_Gets400_SayingWhy(string query, string expected)
    {
        foreach (var path in new[] { SearchExportEndpoints.CsvPath, SearchExportEndpoints.JsonPath })
        {
            using var response = await seeded.Client.GetAsync(new Uri($"{path}?q=Kosovo&{query}", UriKind.Relative), Cancel);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(expected, await response.Content.ReadAsStringAsync(Cancel));
        }
    }

    private async Task<string> ExportAsync(string path)
    {
        using var response = await seeded.Client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    private async Task<string> GroupIdAsync(string name) =>
        (await seeded.Services.GetRequiredService<OutletCatalog>().GroupNamesAsync(Cancel)).Groups.Single(group => group.Name == name).Id;

    /// <summary>The ids of the shipped articles whose source passes <paramref name="source"/>, in ordinal order.</summary>
    private static List<string> SeedArticleIds(Func<string, bool> source) =>
        [.. SeedFolder.ReadArticles(RepositoryPaths.Seeds, DateTimeOffset.UtcNow).Where(article => source(article.Source)).Select(article => article.Id.Value).Order(StringComparer.Ordinal)];

    private static HashSet<string> SeedGroupSources(string group)
    {
        using var file = JsonDocument.Parse(File.ReadAllBytes(SeedSourcesFile));
        return file.RootElement.GetProperty("groups").EnumerateArray().Single(item => item.GetProperty("name").GetString() == group)
            .GetProperty("sources").EnumerateArray().Select(source => source.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static List<(string Name, string? Kind)> SeedSources()
    {
        using var file = JsonDocument.Parse(File.ReadAllBytes(SeedSourcesFile));
        return [.. file.RootElement.GetProperty("sources").EnumerateArray()
            .Select(source => (source.GetProperty("name").GetString()!, source.TryGetProperty("kind", out var kind) ? kind.GetString() : null))];
    }

    private static string SeedSourcesFile => Path.Combine(RepositoryPaths.Seeds, "sources.json");
}
