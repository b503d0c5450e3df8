using Microsoft.Extensions.DependencyInjection;
using Monitoring.Core.Articles;
using Monitoring.Ingestion.Outlets;
using Monitoring.Ingestion.Sources;
using Monitoring.Ingestion.Tests.Sources;

namespace Monitoring.Ingestion.Tests.Outlets;

/// <summary>Editing outlet groups and sources' outlet data, on a real SQLite store with Hangfire's in-memory storage.</summary>
public sealed class OutletCatalogTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateGroup_RefusesAMissingOrTakenName_AnyCase_SayingWhy()
    {
        await using var harness = new PollingHarness();
        var outlets = harness.Services.GetRequiredService<OutletCatalog>();

        Assert.True((await outlets.CreateGroupAsync("Serbia — national", "National outlets", Cancel)).Succeeded);
        var blank = await outlets.CreateGroupAsync("  ", null, Cancel);
        var taken = await outlets.CreateGroupAsync("serbia — NATIONAL", null, Cancel);
        var tooLong = await outlets.CreateGroupAsync(new string('x', OutletGroup.MaxNameLength + 1), null, Cancel);

        Assert.Equal("name is required", Assert.Single(blank.Errors).ToString());
        Assert.Equal("name \"serbia — NATIONAL\" is already the name of a group", Assert.Single(taken.Errors).ToString());
        Assert.Equal("name is longer than 100 characters", Assert.Single(tooLong.Errors).ToString());
        var group = Assert.Single(await outlets.ListGroupsAsync(Cancel));
        Assert.Equal(("Serbia — national", "National outlets"), (group.Name, group.Description));
    }

    [Fact]
    public async Task RenamingAGroup_KeepsItsSources_AndRetagsNothing_WhileDeletingIt_RetagsItsSources()
    {
        await using var harness = new PollingHarness();
        var outlets = harness.Services.GetRequiredService<OutletCatalog>();
        var rts = await AddOutletAsync(harness, "RTS");
        var group = (await outlets.CreateGroupAsync("Serbia", null, Cancel)).Group!;
        Assert.Empty(await outlets.SetMembersAsync(group.Id, [rts.Id], Cancel));
        var afterJoining = RetagJobs(harness);

        var renamed = await outlets.UpdateGroupAsync(group.Id, "Serbia — national", "Renamed", Cancel);
        Assert.Equal(afterJoining, RetagJobs(harness));
        Assert.Equal(("Serbia — national", "Renamed"), (renamed.Group!.Name, renamed.Group.Description));
        Assert.Equal([rts.Id], renamed.Group.SourceIds);

        Assert.True(await outlets.DeleteGroupAsync(group.Id, Cancel));
        Assert.Empty(await outlets.ListGroupsAsync(Cancel));
        Assert.Equal([["RTS"], ["RTS"]], RetagJobs(harness));
        Assert.False(await outlets.DeleteGroupAsync(group.Id, Cancel));
    }

    [Fact]
    public async Task SetOutlet_StoresCountryKindLanguagesAndGroups_AndRetagsTheSource_OnlyWhenWhatIsIndexedChanged()
    {
        await using var harness = new PollingHarness();
        var outlets = harness.Services.GetRequiredService<OutletCatalog>();
        var source = await AddOutletAsync(harness, "Kosovo Online");
        var serbian = (await outlets.CreateGroupAsync("Kosovo — Serbian-language", null, Cancel)).Group!;

        var edit = new OutletEdit { Country = "xk", Kind = OutletKind.Portal, Languages = ["SR", "en"], GroupIds = [serbian.Id] };
        Assert.Empty(await outlets.SetOutletAsync(source.Id, edit, Cancel));
        Assert.Empty(await outlets.SetOutletAsync(source.Id, edit with { Languages = ["sr"] }, Cancel));

        var stored = Assert.Single(await harness.Catalog.ListAsync(Cancel));
        Assert.Equal(("XK", (OutletKind?)OutletKind.Portal), (stored.Country, stored.Kind));
        Assert.Equal(["sr"], stored.Languages);
        Assert.Equal([source.Id], Assert.Single(await outlets.ListGroupsAsync(Cancel)).SourceIds);
        Assert.Equal([["Kosovo Online"]], RetagJobs(harness)); // the languages are not indexed: no second re-tag
    }

    [Fact]
    public async Task SetOutlet_RefusesAWrongCountryOrLanguage_OrAGroupThatIsGone_AndStoresNothing()
    {
        await using var harness = new PollingHarness();
        var outlets = harness.Services.GetRequiredService<OutletCatalog>();
        var source = await AddOutletAsync(harness, "RTS");

        var wrongCodes = await outlets.SetOutletAsync(source.Id, new OutletEdit { Country = "Serbia", Languages = ["serbian"] }, Cancel);
        var goneGroup = await outlets.SetOutletAsync(source.Id, new OutletEdit { GroupIds = [404] }, Cancel);

        Assert.Equal(["country 'Serbia' is not an ISO 3166 alpha-2 code such as \"RS\"", "languages 'serbian' is not an ISO 639 code such as \"sr\""], wrongCodes.Select(error => error.ToString()));
        Assert.Equal("groups some of these groups no longer exist; reload the page", Assert.Single(goneGroup).ToString());
        Assert.Null(Assert.Single(await harness.Catalog.ListAsync(Cancel)).Country);
        Assert.Empty(RetagJobs(harness));
    }

    [Fact]
    public async Task GroupNames_AndCountries_AreWhatTheStoreHolds_ForLabelsAndChoices()
    {
        await using var harness = new PollingHarness();
        var outlets = harness.Services.GetRequiredService<OutletCatalog>();
        await harness.Catalog.AddAsync(new NewFeedSource { Name = "RTS", Country = "rs" }, Cancel);
        await harness.Catalog.AddAsync(new NewFeedSource { Name = "Danas", Country = "RS" }, Cancel);
        await harness.Catalog.AddAsync(new NewFeedSource { Name = "Koha", Country = "XK" }, Cancel);
        await AddOutletAsync(harness, "Wikipedia Current events");
        var serbia = (await outlets.CreateGroupAsync("Serbia — national", null, Cancel)).Group!;
        var kosovo = (await outlets.CreateGroupAsync("Kosovo — Albanian-language", null, Cancel)).Group!;

        var names = await outlets.GroupNamesAsync(Cancel);

        Assert.Equal([(kosovo.Key, "Kosovo — Albanian-language"), (serbia.Key, "Serbia — national")], names.Groups);
        Assert.Equal(("Serbia — national", "outlet group Serbia — national"), (names.Label(serbia.Key), names.FilterLabel(serbia.Key)));
        Assert.Equal(("unknown group 999", "unknown outlet group 999"), (names.Label("999"), names.FilterLabel("999")));
        Assert.Equal(["RS", "XK"], await outlets.ListCountriesAsync(Cancel));
    }

    private static async Task<FeedSource> AddOutletAsync(PollingHarness harness, string name) =>
        (await harness.Catalog.AddAsync(new NewFeedSource { Name = name }, Cancel)).Source!;

    /// <summary>The source names of every enqueued re-tag, oldest first.</summary>
    private static List<string[]> RetagJobs(PollingHarness harness) =>
        [.. harness.JobStorage.GetMonitoringApi().EnqueuedJobs("default", 0, 100)
            .Select(job => job.Value.Job)
            .Where(job => job.Type == typeof(OutletRetagJob))
            .Select(job => (string[])job.Args[0])];
}
