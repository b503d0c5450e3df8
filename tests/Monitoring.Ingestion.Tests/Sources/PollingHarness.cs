using System.Text.Json;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Seeds;
using Monitoring.Ingestion.Sources;
using Monitoring.Ingestion.Store;
using Monitoring.Tests;

namespace Monitoring.Ingestion.Tests.Sources;

/// <summary>
/// Feed polling as the app composes it (<see cref="FeedsServiceCollectionExtensions.AddFeedPolling"/>),
/// on a real SQLite store in a temporary folder, Hangfire's in-memory storage and a clock the test moves.
/// </summary>
internal sealed class PollingHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-feeds-").FullName;
    private readonly ServiceProvider _services;

    public PollingHarness(IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["Ingestion:Feeds:RequestTimeout"] = "00:00:05",

                // Every test feed is on 127.0.0.1: spacing is switched on only by the tests of it.
                ["Ingestion:Feeds:MinDelayPerHost"] = "00:00:00",

                // ...which the destination guard refuses unless allowed; the guard's own tests narrow this.
                ["OutboundRequests:AllowedNetworks:0"] = "127.0.0.1/32",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var storePath = Path.Combine(_folder, "ingestion.db");
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(new SeedsLocation(RepositoryPaths.Seeds, RepositoryPaths.Root));
        services.AddSingleton<IDbContextFactory<IngestionDbContext>>(IngestionStoreFactory.Sqlite(storePath));
        services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(JobStorage));
        services.AddSingleton<IRecurringJobManager>(new RecurringJobManager(JobStorage));
        services.AddSingleton<InboxRecorder>();
        services.AddSingleton<IngestionPipeline>();
        services.AddFeedPolling();
        services.AddFeedPollingSchedule();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        using var db = OpenStore();
        db.Migrate();
    }

    public ManualClock Clock { get; } = new(Start);

    public InMemoryStorage JobStorage { get; } = new(new InMemoryStorageOptions());

    public IServiceProvider Services => _services;

    public FeedSourceCatalog Catalog => _services.GetRequiredService<FeedSourceCatalog>();

    public IngestionDbContext OpenStore() => _services.GetRequiredService<IDbContextFactory<IngestionDbContext>>().CreateDbContext();

    public async Task<FeedSource> AddAsync(Uri url, TimeSpan? interval = null, string name = "Test feed", string? timeZone = null)
    {
        var result = await Catalog.AddAsync(new NewFeedSource { Name = name, Url = url.AbsoluteUri, PollInterval = interval ?? TimeSpan.FromMinutes(15), TimeZone = timeZone });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Source!;
    }

    /// <summary>
    /// A source stored as it is, past the catalog's checks: one saved before the address was refused (the allow-list
    /// narrowed since, or its name resolved to a public address then), which polling must still refuse.
    /// </summary>
    public async Task<FeedSource> AddPastTheCatalogAsync(Uri url)
    {
        using var db = OpenStore();
        var source = new NewFeedSource { Name = "Saved earlier", Url = url.AbsoluteUri }.ToSource(Start);
        db.FeedSources.Add(source);
        await db.SaveChangesAsync();
        return source;
    }

    public Task<FeedPollOutcome> PollAsync(int sourceId) =>
        _services.GetRequiredService<FeedPollJob>().PollAsync(sourceId, TestContext.Current.CancellationToken);

    public Task<IReadOnlyList<int>> DispatchAsync() =>
        _services.GetRequiredService<FeedPollDispatcher>().DispatchAsync(TestContext.Current.CancellationToken);

    public async Task<FeedSource> SourceAsync(int sourceId)
    {
        using var db = OpenStore();
        return await db.FeedSources.AsNoTracking().SingleAsync(source => source.Id == sourceId);
    }

    /// <summary>The articles the source handed to the inbox, in order, as the inbox stored them.</summary>
    public async Task<List<IncomingArticle>> InboxArticlesAsync(int sourceId)
    {
        var channel = FeedPollJob.ChannelOf(sourceId);
        using var db = OpenStore();
        var payloads = await db.InboxItems.Where(item => item.Channel == channel).OrderBy(item => item.Id).Select(item => item.Payload).ToListAsync();
        return payloads.Select(payload => JsonSerializer.Deserialize<IncomingArticle>(payload, IncomingArticle.Json)!).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
