using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Hosting.AppData;
using Monitoring.Ingestion.Store;
using Monitoring.Tests;
using Monitoring.Web.Features.Account;

namespace Monitoring.Web.Tests.Data;

/// <summary>The whole app with every store on one PostgreSQL database: users, alerts, the ingestion store and the jobs.</summary>
public sealed class AppOnPostgreSqlTests(PostgreSqlServer postgres)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheApp_RunsOnPostgreSqlForEverything_IngestsTheSeeds_SignsInAndSearches()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var app = new TestApp(ingestSeeds: true, settings: OnPostgreSql(database));
        await app.CreateUserAsync("desk", Roles.Analyst);
        using var client = await app.SignedInClientAsync("desk");

        await AppStartTests.WaitForArticlesAsync(client, AppStartTests.ShippedArticles);
        using var export = await client.GetAsync(new Uri("/api/search/export.json?q=Shoigu", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var found = await export.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        // Of the shipped data only the example RFE/RL article names Shoigu (seeds/articles/000_da8613f1797e7acd.txt).
        Assert.Equal(1, found.GetProperty("count").GetInt32());
        Assert.Equal("RFE/RL", found.GetProperty("articles")[0].GetProperty("source").GetString());
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        Assert.IsType<PostgreSqlAppDbContext>(db);
        Assert.Equal("desk", Assert.Single(await db.Users.ToListAsync(Cancel)).UserName);
        await using var store = app.Services.GetRequiredService<IDbContextFactory<IngestionDbContext>>().CreateDbContext();
        Assert.IsType<PostgreSqlIngestionDbContext>(store);
        // seeds/sources.json, loaded into the empty store at start.
        Assert.Contains("Balkan Insight (BIRN)", await store.FeedSources.Select(source => source.Name).ToListAsync(Cancel));
    }

    /// <summary>Every store of the app on <paramref name="database"/>.</summary>
    internal static Dictionary<string, string> OnPostgreSql(PostgreSqlDatabase database) => new()
    {
        ["AppData:Provider"] = "PostgreSql",
        ["AppData:PostgreSqlConnectionString"] = database.ConnectionString,
        ["Ingestion:StoreProvider"] = "PostgreSql",
        ["Ingestion:StorePostgreSqlConnectionString"] = database.ConnectionString,
        ["Jobs:Storage"] = "PostgreSql",
        ["Jobs:PostgreSqlConnectionString"] = database.ConnectionString,
    };
}
