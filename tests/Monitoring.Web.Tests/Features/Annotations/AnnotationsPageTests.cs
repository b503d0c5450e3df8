using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Hosting.AppData;
using Monitoring.Tests;
using Monitoring.Web.Features.Annotations;

namespace Monitoring.Web.Tests.Features.Annotations;

/// <summary>
/// The events page (pin, edit, remove the events the time charts mark) on a migrated app database: a SQLite file
/// and a PostgreSQL database (the two classes below). What the page did is read back from the database.
/// </summary>
public abstract class AnnotationsPageTests : MudTestContext, IAsyncLifetime
{
    private IDbContextFactory<AppDbContext> _app = null!;

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = await AppDatabaseAsync();
        await using var db = await _app.CreateDbContextAsync(Cancel);
        await db.Database.MigrateAsync(Cancel);
        Services.AddSingleton(_app);
    }

    [Fact]
    public async Task ANewDatabase_HoldsTheThreeDemoEvents_ListedByDate()
    {
        var page = Open();

        // The first migration of each provider inserts them (EventAnnotation.DemoEvents).
        Assert.Equal(
            [("2006-06-03", "Montenegro declares independence"), ("2008-02-17", "Kosovo declares independence"), ("2013-04-19", "Brussels Agreement (Serbia–Kosovo)")],
            Rows(page));
        Assert.Equal([1, 2, 3], (await StoredAsync()).Select(annotation => annotation.Id));
    }

    [Fact]
    public async Task PinningAnEvent_StoresIt_AndListsItInDateOrder()
    {
        var page = Open();

        Pin(page, "2008-03-17", "Unrest in Mitrovica", "https://example.org/mitrovica");

        page.WaitForAssertion(() => Assert.Equal(4, Rows(page).Count));
        Assert.Equal(("2008-03-17", "Unrest in Mitrovica"), Rows(page)[2]);
        var pinned = Assert.Single(await StoredAsync(), annotation => annotation.Label == "Unrest in Mitrovica");
        Assert.Equal(new DateOnly(2008, 3, 17), pinned.Date);
        Assert.Equal("https://example.org/mitrovica", pinned.Link);
        Assert.DoesNotContain(pinned.Id, new[] { 1, 2, 3 });
    }

    [Fact]
    public async Task EditingAnEvent_ChangesTheStoredOne_AndAddsNone()
    {
        var page = Open();

        page.Find("button[aria-label='Edit Kosovo declares independence']").Click();
        page.Find("#annotation-label").Change("Kosovo's declaration of independence");
        page.Find("#annotation-link").Change("");
        page.Find("#annotation-save").Click();

        page.WaitForAssertion(() => Assert.Equal(("2008-02-17", "Kosovo's declaration of independence"), Rows(page)[1]));
        var stored = await StoredAsync();
        Assert.Equal(3, stored.Count);
        var edited = Assert.Single(stored, annotation => annotation.Id == 2);
        Assert.Equal("Kosovo's declaration of independence", edited.Label);
        Assert.Equal(new DateOnly(2008, 2, 17), edited.Date);
        Assert.Null(edited.Link);
    }

    [Fact]
    public async Task DeletingAnEvent_RemovesItFromTheDatabase()
    {
        var page = Open();

        page.Find("button[aria-label='Delete Montenegro declares independence']").Click();

        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));
        Assert.Equal([2, 3], (await StoredAsync()).Select(annotation => annotation.Id));
    }

    [Fact]
    public async Task ALinkThatIsNotHttp_IsRefused_AndNothingIsStored()
    {
        var page = Open();

        Pin(page, "2008-03-17", "Unrest in Mitrovica", "javascript:alert(1)");

        page.WaitForAssertion(() => Assert.Equal("The link must be a full http:// or https:// address.", page.Find("#annotation-error").TextContent.Trim()));
        Assert.Equal(3, (await StoredAsync()).Count);
    }

    /// <summary>The app database the page works on, not yet migrated.</summary>
    protected abstract Task<IDbContextFactory<AppDbContext>> AppDatabaseAsync();

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>The page once it has listed the stored events.</summary>
    private IRenderedComponent<AnnotationsPage> Open()
    {
        var page = RenderPageAt<AnnotationsPage>("/events");
        page.WaitForElement("#annotations-table");
        return page;
    }

    /// <summary>Fills the form as an editor would and presses Add.</summary>
    private static void Pin(IRenderedComponent<AnnotationsPage> page, string date, string label, string link)
    {
        page.Find("#annotation-date input, input#annotation-date").Change(date);
        page.Find("#annotation-label").Change(label);
        page.Find("#annotation-link").Change(link);
        page.Find("#annotation-save").Click();
    }

    private static List<(string Date, string Label)> Rows(IRenderedComponent<AnnotationsPage> page) =>
        page.FindAll("#annotations-table tbody tr")
            .Select(row => row.QuerySelectorAll("td").Select(cell => cell.TextContent.Trim()).ToList())
            .Select(cells => (cells[0], cells[1]))
            .ToList();

    private async Task<List<EventAnnotation>> StoredAsync()
    {
        await using var db = await _app.CreateDbContextAsync(Cancel);
        return await db.EventAnnotations.AsNoTracking().OrderBy(annotation => annotation.Id).ToListAsync(Cancel);
    }
}

public sealed class AnnotationsPageOnSqliteTests : AnnotationsPageTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-annotations-").FullName;

    protected override Task<IDbContextFactory<AppDbContext>> AppDatabaseAsync() =>
        Task.FromResult<IDbContextFactory<AppDbContext>>(AppDbContextFactory.Sqlite(Path.Combine(_folder, "app.db")));

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class AnnotationsPageOnPostgreSqlTests(PostgreSqlServer postgres) : AnnotationsPageTests
{
    protected override async Task<IDbContextFactory<AppDbContext>> AppDatabaseAsync() =>
        AppDbContextFactory.PostgreSql((await postgres.CreateDatabaseAsync()).ConnectionString);
}
