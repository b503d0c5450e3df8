using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitoring.Alerts;
using Monitoring.Alerts.Data;
using Monitoring.Core.Alerts;
using Monitoring.Core.Enrichment;
using Monitoring.Hosting.AppData;
using Monitoring.Ingestion;
using Monitoring.Ingestion.Inbox;
using Monitoring.Ingestion.Store;
using Monitoring.Search.Lucene;
using Monitoring.Search.Lucene.Percolation;
using Monitoring.Tests;
using Monitoring.Web.Features.Alerts;

namespace Monitoring.Web.Tests.Features.Alerts;

/// <summary>
/// The whole alert pipeline on real stores: the ingestion inbox and the app database (SQLite files in a
/// temporary folder, or one PostgreSQL database for both; migrated), a Lucene index and the embedded percolator, with a clock the test moves.
/// Jobs are created afresh on each call, as a restarted process would create them; the channels come from
/// the app's own registration (<c>AddAlertChannels</c>) and are sent to whatever the test points
/// <see cref="Options"/> at (a loopback SMTP server, a loopback webhook receiver).
/// </summary>
internal sealed class AlertsHarness : IDisposable
{
    private ServiceProvider _services;

    private static readonly ArticleEnricher Enricher = new(EnrichmentModel.LoadFrom(RepositoryPaths.Seeds));

    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-alerts-").FullName;

    private readonly bool _allowLoopback;

    /// <param name="allowLoopback">
    /// Lets webhooks reach 127.0.0.1 through the destination guard's allow-list, as the loopback receivers need.
    /// </param>
    /// <param name="postgreSql">A PostgreSQL database for both stores; none: SQLite files.</param>
    public AlertsHarness(bool allowLoopback = true, PostgreSqlDatabase? postgreSql = null)
    {
        _allowLoopback = allowLoopback;
        Inbox = postgreSql is null ? IngestionStoreFactory.Sqlite(Path.Combine(_folder, "ingestion.db")) : IngestionStoreFactory.PostgreSql(postgreSql.ConnectionString);
        using (var inbox = Inbox.CreateDbContext())
        {
            inbox.Migrate();
        }

        Index = new LuceneArticleIndex(Path.Combine(_folder, "index"));
        App = postgreSql is null ? AppDbContextFactory.Sqlite(Path.Combine(_folder, "app.db")) : AppDbContextFactory.PostgreSql(postgreSql.ConnectionString);
        using var db = App.CreateDbContext();
        db.Database.Migrate();
        AlertTables = AlertsDbContextFactory.From(
            postgreSql is null
                ? new AppDataOptions { SqlitePath = Path.Combine(_folder, "app.db") }
                : new AppDataOptions { Provider = StoreProvider.PostgreSql, PostgreSqlConnectionString = postgreSql.ConnectionString },
            _folder);
        _services = ChannelServices();
    }

    public MovableClock Clock { get; } = new(new DateTimeOffset(2026, 10, 24, 8, 0, 0, TimeSpan.Zero));

    public LuceneArticleIndex Index { get; }

    /// <summary>The percolator of the running process; <see cref="Restart"/> replaces it, as a new process starts empty.</summary>
    public LuceneAlertPercolator Percolator { get; private set; } = new();

    public IDbContextFactory<AppDbContext> App { get; }

    /// <summary>The same database as the alert jobs open it.</summary>
    public IDbContextFactory<AlertsDbContext> AlertTables { get; }

    public InMemoryStorage Jobs { get; } = new(new InMemoryStorageOptions());

    public AlertsOptions Options { get; } = new() { PublicBaseUrl = new Uri("http://monitor.test/") };

    private IngestionStoreFactory Inbox { get; }

    public void Restart()
    {
        Percolator.Dispose();
        Percolator = new LuceneAlertPercolator();
        _services.Dispose();
        _services = ChannelServices();
    }

    /// <summary>Sends e-mail to <paramref name="server"/>, in clear text as a local relay would take it.</summary>
    public void UseSmtp(LoopbackSmtpServer server)
    {
        Options.Smtp.Host = "127.0.0.1";
        Options.Smtp.Port = server.Port;
        Options.Smtp.Security = SmtpSecurity.None;
    }

    public async Task<Alert> AddAlertAsync(string name, SavedQuery query, Action<Alert>? configure = null)
    {
        var alert = new Alert
        {
            Id = Guid.NewGuid(),
            Name = name,
            Owner = "editor",
            QueryJson = query.ToJson(),
            CreatedAt = Clock.GetUtcNow(),
            UpdatedAt = Clock.GetUtcNow(),
        };
        configure?.Invoke(alert);
        await using var db = App.CreateDbContext();
        db.Alerts.Add(alert);
        await db.SaveChangesAsync();
        return alert;
    }

    /// <summary>
    /// Puts each source (an outlet without a feed) in an outlet group of its own in the sources store, so that the
    /// inbox gives its articles that group as it indexes them.
    /// </summary>
    /// <returns>The groups' ids, in the order given.</returns>
    public async Task<IReadOnlyList<string>> AddOutletGroupsAsync(params (string Group, string Source)[] groups)
    {
        await using var db = Inbox.CreateDbContext();
        var ids = new List<string>();
        foreach (var (name, sourceName) in groups)
        {
            var source = new Ingestion.Sources.FeedSource { Name = sourceName, AddedAt = Clock.GetUtcNow() };
            var group = new Ingestion.Outlets.OutletGroup { Name = name, CreatedAt = Clock.GetUtcNow() };
            db.AddRange(source, group);
            await db.SaveChangesAsync();
            db.Add(new Ingestion.Outlets.OutletGroupMember { GroupId = group.Id, SourceId = source.Id });
            await db.SaveChangesAsync();
            ids.Add(group.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return ids;
    }

    /// <summary>Takes the articles in through the inbox and indexes them, as the push API and feeds do.</summary>
    public async Task IngestAsync(params IncomingArticle[] articles)
    {
        var recorder = new InboxRecorder(Inbox, Clock);
        await recorder.RecordAsync("api", [.. articles.Select(article => article.ToUtf8Json())], CancellationToken.None);
        var job = new InboxProcessingJob(
            Inbox, Index, Enricher, Microsoft.Extensions.Options.Options.Create(new IngestionOptions()), Clock, [], new IndexWriteStatus(Clock), NullLogger<InboxProcessingJob>.Instance);
        await job.ProcessAsync(0, long.MaxValue, CancellationToken.None);
    }

    public Task<int> ScanAsync() => new AlertScanJob(
        new IndexedArticleLog(Inbox), AlertTables, Index, Percolator, new BackgroundJobClient(Jobs), Clock, NullLogger<AlertScanJob>.Instance).ScanAsync(CancellationToken.None);

    public Task<int> AssembleDigestsAsync() => new AlertDigestJob(AlertTables, Clock).AssembleAsync(CancellationToken.None);

    public Task<int> DeliverAsync() => new AlertDeliveryJob(
        AlertTables, Index, _services.GetServices<IAlertChannel>(), Microsoft.Extensions.Options.Options.Create(Options), Clock, NullLogger<AlertDeliveryJob>.Instance).DeliverAsync(CancellationToken.None);

    public async Task<List<Notification>> NotificationsAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.Notifications.OrderBy(notification => notification.Id).ToListAsync();
    }

    public async Task<List<AlertDelivery>> DeliveriesAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.AlertDeliveries.OrderBy(delivery => delivery.Id).ToListAsync();
    }

    public async Task<List<AlertMatch>> MatchesAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.AlertMatches.OrderBy(match => match.Id).ToListAsync();
    }

    public void Dispose()
    {
        _services.Dispose();
        Percolator.Dispose();
        Index.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private ServiceProvider ChannelServices()
    {
        var services = new ServiceCollection();
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (_allowLoopback)
        {
            settings["OutboundRequests:AllowedNetworks:0"] = "127.0.0.1/32";
        }

        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Options));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IDbContextFactory<AppDbContext>>(App);
        services.AddSingleton(AlertTables);
        services.AddAlertChannels();
        return services.BuildServiceProvider();
    }
}

/// <summary>A clock that stands still until the test moves it.</summary>
public sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
