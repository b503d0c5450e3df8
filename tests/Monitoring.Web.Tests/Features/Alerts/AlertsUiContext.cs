using Bunit;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitoring.Alerts;
using Monitoring.Alerts.Data;
using Monitoring.Core.Alerts;
using Monitoring.Core.Articles;
using Monitoring.Core.Enrichment;
using Monitoring.Core.Search;
using Monitoring.Hosting.AppData;
using Monitoring.Ingestion.Fetching;
using Monitoring.Search.Lucene;
using Monitoring.Search.Lucene.Percolation;
using Monitoring.Tests;
using Monitoring.Web.Features.Account;
using Monitoring.Web.Features.Alerts;

namespace Monitoring.Web.Tests.Features.Alerts;

/// <summary>
/// The alert pages on real stores: a Lucene index and an app database (SQLite, migrated) in a temporary
/// folder, the embedded percolator, and a clock the test sets. <see cref="User"/> is signed in (an editor).
/// </summary>
public abstract class AlertsUiContext : MudTestContext
{
    protected const string User = "desk-editor";

    /// <summary>Everyone with an account in these tests.</summary>
    protected static readonly string[] Colleagues = [User, "marko", "ana.petrovic"];

    protected static readonly EnrichmentModel Model = EnrichmentModel.LoadFrom(RepositoryPaths.Seeds);

    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-alerts-ui-").FullName;

    protected AlertsUiContext()
    {
        Index = new LuceneArticleIndex(Path.Combine(_folder, "index"));
        App = AppDbContextFactory.Sqlite(Path.Combine(_folder, "app.db"));
        using (var db = App.CreateDbContext())
        {
            db.Database.Migrate();
            // The newsroom's accounts: alerts are shared only with people who have one.
            db.Users.AddRange(Colleagues.Select(name => new AppUser { UserName = name, NormalizedUserName = name.ToUpperInvariant() }));
            db.SaveChanges();
        }

        Authorization = AddAuthorization();
        Authorization.SetAuthorized(User);
        Authorization.SetRoles(Roles.Editor);
        Authorization.SetPolicies(Policies.Read, Policies.Edit);
        Services.AddSingleton<IArticleSearch>(Index);
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(App);
        Services.AddSingleton<IAlertPercolator>(Percolator);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(Model);
        Services.AddScoped<CurrentUser>();
        Services.AddSingleton(new DestinationGuard(Microsoft.Extensions.Options.Options.Create(new OutboundRequestsOptions())));
        Services.AddSingleton<AlertService>();
        Services.AddSingleton<AlertPreviewer>();
        Services.AddSingleton<NotificationInbox>();
        Services.AddSingleton<InboxNotifier>();
        Sources = TestSourcesStore.AddTo(Services);
    }

    /// <summary>Tuesday 24 October 2026, 10:00 in Belgrade (UTC+2 until the 25th).</summary>
    protected MovableClock Clock { get; } = new(new DateTimeOffset(2026, 10, 24, 8, 0, 0, TimeSpan.Zero));

    protected LuceneArticleIndex Index { get; }

    protected BunitAuthorizationContext Authorization { get; }

    protected LuceneAlertPercolator Percolator { get; } = new();

    /// <summary>The sources store with its outlet groups, empty until a test fills it.</summary>
    protected TestSourcesStore Sources { get; }

    internal IDbContextFactory<AppDbContext> App { get; }

    protected AlertService AlertService => Services.GetRequiredService<AlertService>();

    protected static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    /// <summary>Indexes articles with these titles and publication instants, each its own story, from one outlet.</summary>
    protected Task IndexAsync(params (string Title, string Published)[] articles) => IndexFromAsync("Test wire", articles);

    /// <summary>
    /// Indexes articles with these titles and publication instants from <paramref name="source"/>, each its own story,
    /// with the outlet data the sources store has for the source now, as the ingestion pipeline gives it.
    /// </summary>
    protected async Task IndexFromAsync(string source, params (string Title, string Published)[] articles)
    {
        var outlets = await Sources.OutletsAsync(Cancellation);
        var enriched = articles.Select(item => Enriched(item.Title, DateTimeOffset.Parse(item.Published, System.Globalization.CultureInfo.InvariantCulture), source, outlets)).ToArray();
        await Index.IndexAsync(enriched, Cancellation);
    }

    /// <summary>
    /// Two outlets in the sources store, each in a group of its own: "Test wire" (where <see cref="IndexAsync"/>'s
    /// articles come from), a Serbian public broadcaster in "Serbia — national", and "Other wire", a Kosovan portal in
    /// "Kosovo — Albanian-language".
    /// </summary>
    /// <returns>The two groups' ids.</returns>
    protected async Task<(string Serbian, string Kosovan)> AddTwoOutletGroupsAsync()
    {
        var sources = Services.GetRequiredService<Ingestion.Sources.FeedSourceCatalog>();
        var outlets = Services.GetRequiredService<Ingestion.Outlets.OutletCatalog>();
        var testWire = (await sources.AddAsync(new Ingestion.Sources.NewFeedSource { Name = "Test wire", Country = "RS", Kind = OutletKind.PublicBroadcaster }, Cancellation)).Source!;
        var otherWire = (await sources.AddAsync(new Ingestion.Sources.NewFeedSource { Name = "Other wire", Country = "XK", Kind = OutletKind.Portal }, Cancellation)).Source!;
        var serbian = (await outlets.CreateGroupAsync("Serbia — national", null, Cancellation)).Group!;
        var kosovan = (await outlets.CreateGroupAsync("Kosovo — Albanian-language", null, Cancellation)).Group!;
        Assert.Empty(await outlets.SetMembersAsync(serbian.Id, [testWire.Id], Cancellation));
        Assert.Empty(await outlets.SetMembersAsync(kosovan.Id, [otherWire.Id], Cancellation));
        return (serbian.Key, kosovan.Key);
    }

    /// <summary>Delivers an instant message about a new article with this title through the app's in-app channel.</summary>
    protected async Task DeliverInAppAsync(Alert alert, long deliveryId, string title)
    {
        var channel = new InAppChannel(AlertsDbContextFactory.From(new AppDataOptions { SqlitePath = Path.Combine(_folder, "app.db") }, _folder), Clock, Services.GetRequiredService<InboxNotifier>());
        var message = new AlertMessage(deliveryId, alert, [new DigestStory(Enriched(title, Clock.GetUtcNow()), [])], null, new Uri("http://monitor.test/"));
        await channel.SendAsync(message, Cancellation);
    }

    private EnrichedArticle Enriched(string title, DateTimeOffset published, string source = "Test wire", Ingestion.Outlets.OutletDirectory? outlets = null) =>
        new ArticleEnricher(Model).Enrich((outlets ?? Ingestion.Outlets.OutletDirectory.Empty).Apply(new Article
        {
            Id = ArticleId.ForContent(source, title, title),
            Title = title,
            Paragraphs = [title + ". The report came from Belgrade."],
            Source = source,
            Language = "en",
            Published = published,
            IngestedAt = Clock.GetUtcNow(),
        }));

    protected async Task IndexSeedsAsync()
    {
        var enricher = new ArticleEnricher(Model);
        await Index.IndexAsync([.. SeedFolder.ReadArticles(RepositoryPaths.Seeds, DateTimeOffset.UtcNow).Select(enricher.Enrich)], Cancellation);
    }

    protected async Task<Alert> CreateAlertAsync(string name, SavedQuery query, Action<AlertDraft>? configure = null)
    {
        var draft = new AlertDraft { Name = name, Query = query };
        configure?.Invoke(draft);
        var result = await AlertService.SaveAsync(draft, User, Cancellation);
        Assert.Empty(result.Errors);
        return result.Alert!;
    }

    /// <summary>Adds notifications in order (the later, the newer), each linking to /articles/&lt;its title in lower case, hyphens for spaces&gt;.</summary>
    protected async Task AddNotificationsAsync(Alert alert, params (string Recipient, string Title, bool Read)[] notifications)
    {
        await using var db = App.CreateDbContext();
        var delivery = 1000L + db.Notifications.Count();
        foreach (var (recipient, title, read) in notifications)
        {
            db.Notifications.Add(new Notification
            {
                Recipient = recipient,
                AlertId = alert.Id,
                DeliveryId = delivery++,
                Title = title,
                Link = "/articles/" + title.ToLowerInvariant().Replace(' ', '-'),
                CreatedAt = Clock.GetUtcNow(),
                ReadAt = read ? Clock.GetUtcNow() : null,
            });
            await db.SaveChangesAsync(Cancellation);
        }
    }

    protected async Task<List<Alert>> StoredAlertsAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.Alerts.AsNoTracking().ToListAsync(Cancellation);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Percolator.Dispose();
        Index.Dispose();
        Sources.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
