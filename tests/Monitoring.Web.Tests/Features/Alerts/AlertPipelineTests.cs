using Monitoring.Alerts;
using Monitoring.Core.Alerts;
using Monitoring.Ingestion.Inbox;
using Monitoring.Tests;
using Monitoring.Web.Features.Alerts;

namespace Monitoring.Web.Tests.Features.Alerts;

/// <summary>
/// Ingest → match → deliver, on real stores, with restarts where they hurt most; on SQLite and on PostgreSQL
/// (the two classes below).
/// </summary>
public abstract class AlertPipelineTests : IAsyncLifetime
{
    private AlertsHarness _harness = null!;

    [Fact]
    public async Task AnInstantAlert_PutsAMatchingArticleInTheOwnersInbox_Once_HoweverOftenTheJobsRun()
    {
        var alert = await _harness.AddAlertAsync("Army drills", new SavedQuery { Text = "military exercise*", Countries = ["RS"] });
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));

        await _harness.IngestAsync(DrillStory("https://rts.example/drill", "RTS"), TradeStory());
        await _harness.ScanAsync();
        await _harness.ScanAsync();
        await _harness.DeliverAsync();
        await _harness.DeliverAsync();

        var notification = Assert.Single(await _harness.NotificationsAsync());
        Assert.Equal("editor", notification.Recipient);
        Assert.Equal(alert.Id, notification.AlertId);
        Assert.Equal("[Army drills] Serbian army holds military exercises near Niš", notification.Title);
        Assert.StartsWith("/articles/", notification.Link, StringComparison.Ordinal);
        var delivery = Assert.Single(await _harness.DeliveriesAsync());
        Assert.Equal((DeliveryState.Sent, 1), (delivery.State, delivery.Attempts));
    }

    [Fact]
    public async Task AnAlertOnAnOutletGroup_NotifiesOfANewArticleFromThatGroup_AndNotOfOneFromAnother()
    {
        var groups = await _harness.AddOutletGroupsAsync(("Serbia — public broadcaster", "RTS"), ("Kosovo — Albanian-language", "Koha"));
        var alert = await _harness.AddAlertAsync("Army drills in Serbian media", new SavedQuery { Text = "military exercise*", OutletGroups = [groups[0]] }, alert => alert.NewStoriesOnly = false);
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));

        await _harness.IngestAsync(DrillStory("https://koha.example/drill", "Koha", " Koha's report."), DrillStory("https://rts.example/drill", "RTS"));
        await _harness.ScanAsync();
        await _harness.DeliverAsync();

        var match = Assert.Single(await _harness.MatchesAsync());
        Assert.Equal(alert.Id, match.AlertId);
        var notification = Assert.Single(await _harness.NotificationsAsync());
        Assert.Equal("[Army drills in Serbian media] Serbian army holds military exercises near Niš", notification.Title);
        var article = await _harness.Index.GetAsync(Core.Articles.ArticleId.Parse(match.ArticleId), CancellationToken.None);
        Assert.Equal("RTS", article!.Article.Source);
        Assert.Equal([groups[0]], article.Article.Outlet!.Groups);
    }

    [Fact]
    public async Task ABurstOfMatches_LargerThanADeliveryBatch_GoesOutInOneRun()
    {
        await _harness.AddAlertAsync("Army drills", new SavedQuery { Text = "military exercise*" }, alert => alert.NewStoriesOnly = false);
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await _harness.IngestAsync([.. Enumerable.Range(1, 150).Select(i => DrillStory($"https://rts.example/drill/{i}", "RTS", $" Report {i} of the day: unit {i * 7} moved to sector {i * 13}."))]);
        await _harness.ScanAsync();
        var pending = (await _harness.DeliveriesAsync()).Count;
        Assert.True(pending > 100, $"only {pending} deliveries: fewer than two of the job's batches");

        var sent = await _harness.DeliverAsync();

        Assert.Equal(pending, sent);
        Assert.All(await _harness.DeliveriesAsync(), delivery => Assert.Equal(DeliveryState.Sent, delivery.State));
        Assert.Equal(pending, (await _harness.NotificationsAsync()).Count);
    }

    [Fact]
    public async Task ARestartBetweenMatchingAndSending_StillDeliversEachArticleOnce()
    {
        await _harness.AddAlertAsync("Army drills", new SavedQuery { Text = "military exercise*" });
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await _harness.IngestAsync(DrillStory("https://rts.example/drill", "RTS"));
        await _harness.ScanAsync();
        Assert.Equal(DeliveryState.Pending, Assert.Single(await _harness.DeliveriesAsync()).State);

        _harness.Restart();
        await _harness.ScanAsync();
        await _harness.DeliverAsync();

        Assert.Single(await _harness.NotificationsAsync());
        Assert.Single(await _harness.MatchesAsync());
    }

    [Fact]
    public async Task AfterARestart_TheEmptyPercolatorLearnsTheSavedAlerts_AndMatchesNewArticles()
    {
        await _harness.AddAlertAsync("Army drills", new SavedQuery { Text = "military exercise*" });
        _harness.Restart();
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));

        await _harness.IngestAsync(DrillStory("https://rts.example/drill", "RTS"));
        await _harness.ScanAsync();

        Assert.Single(await _harness.MatchesAsync());
    }

    [Fact]
    public async Task ArticlesSearchableBeforeTheAlertExisted_DoNotFireIt()
    {
        await _harness.IngestAsync(DrillStory("https://rts.example/drill", "RTS"));
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await _harness.AddAlertAsync("Army drills", new SavedQuery { Text = "military exercise*" });

        await _harness.ScanAsync();
        await _harness.DeliverAsync();

        Assert.Empty(await _harness.MatchesAsync());
        Assert.Empty(await _harness.NotificationsAsync());
    }

    [Fact]
    public async Task NewStoriesOnly_AnotherOutletsCopyOfAReportedStory_DoesNotAlertAgain_ButIsRecorded()
    {
        await _harness.AddAlertAsync("Army drills", new SavedQuery { Text = "military exercise*" });
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await _harness.IngestAsync(DrillStory("https://rts.example/drill", "RTS"));
        await _harness.ScanAsync();
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));

        await _harness.IngestAsync(DrillStory("https://n1.example/vezba", "N1", " The drills end on Thursday."));
        await _harness.ScanAsync();
        await _harness.DeliverAsync();

        var matches = await _harness.MatchesAsync();
        Assert.Equal([false, true], matches.Select(match => match.RepeatsAStory));
        Assert.Equal(matches[0].StoryKey, matches[1].StoryKey);
        Assert.Single(await _harness.NotificationsAsync());
    }

    [Fact]
    public async Task WithNewStoriesOnlyOff_EveryOutletsCopyAlerts()
    {
        await _harness.AddAlertAsync("Army drills", new SavedQuery { Text = "military exercise*" }, alert => alert.NewStoriesOnly = false);
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));

        await _harness.IngestAsync(DrillStory("https://rts.example/drill", "RTS"), DrillStory("https://n1.example/vezba", "N1", " The drills end on Thursday."));
        await _harness.ScanAsync();
        await _harness.DeliverAsync();

        Assert.Equal(2, (await _harness.NotificationsAsync()).Count);
    }

    [Fact]
    public async Task APausedOrSnoozedAlert_RecordsNothing_AndASnoozeEnds()
    {
        await _harness.AddAlertAsync("Paused", new SavedQuery { Text = "military exercise*" }, alert => alert.Paused = true);
        var snoozed = await _harness.AddAlertAsync("Snoozed", new SavedQuery { Text = "military exercise*" }, alert => alert.SnoozedUntil = _harness.Clock.Now.AddHours(1));
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await _harness.IngestAsync(DrillStory("https://rts.example/drill", "RTS"));
        await _harness.ScanAsync();
        Assert.Empty(await _harness.MatchesAsync());

        _harness.Clock.Advance(TimeSpan.FromHours(2));
        await _harness.IngestAsync(DrillStory("https://kosovo-online.example/drill", "Kosovo Online", " Troops returned to barracks on Friday."));
        await _harness.ScanAsync();

        Assert.Equal(snoozed.Id, Assert.Single(await _harness.MatchesAsync()).AlertId);
    }

    public async ValueTask InitializeAsync() => _harness = new AlertsHarness(postgreSql: await PostgreSqlAsync());

    public ValueTask DisposeAsync()
    {
        _harness.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The database of one test on PostgreSQL; none on SQLite.</summary>
    protected abstract Task<PostgreSqlDatabase?> PostgreSqlAsync();

    internal static IncomingArticle DrillStory(string url, string source, string extra = "") => new()
    {
        Title = "Serbian army holds military exercises near Niš",
        Text = "The Serbian Armed Forces began a three-day military exercise near Niš on Tuesday, the defence ministry in Belgrade said. "
            + "About 2,000 soldiers, tanks and helicopters take part in the drills, which the ministry described as routine." + extra,
        Source = source,
        Url = url,
        Published = "2026-10-24T07:30:00Z",
        Language = "en",
    };

    internal static IncomingArticle TradeStory() => new()
    {
        Title = "Croatia and Slovenia sign a trade agreement",
        Text = "Zagreb and Ljubljana signed an agreement on cross-border trade in farm products on Tuesday.",
        Source = "HRT",
        Url = "https://hrt.example/trade",
        Published = "2026-10-24T07:00:00Z",
        Language = "en",
    };
}

public sealed class AlertPipelineOnSqliteTests : AlertPipelineTests
{
    protected override Task<PostgreSqlDatabase?> PostgreSqlAsync() => Task.FromResult<PostgreSqlDatabase?>(null);
}

public sealed class AlertPipelineOnPostgreSqlTests(PostgreSqlServer postgres) : AlertPipelineTests
{
    protected override async Task<PostgreSqlDatabase?> PostgreSqlAsync() => await postgres.CreateDatabaseAsync();
}

