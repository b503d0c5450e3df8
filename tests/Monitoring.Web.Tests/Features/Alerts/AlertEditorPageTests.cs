using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Alerts;
using Monitoring.Core.Alerts;
using Monitoring.Core.Search;
using Monitoring.Web.Features.Alerts;
using Monitoring.Web.Features.Search;
using MudBlazor.Extensions;

namespace Monitoring.Web.Tests.Features.Alerts;

/// <summary>The alert editor: made from a search, previewed against the real index, checked before saving.</summary>
public sealed class AlertEditorPageTests : AlertsUiContext
{
    // The clock stands at 24 Oct 2026, 10:00 in Belgrade: the preview's 30 days are 25 Sep – 24 Oct 2026.
    private static readonly (string, string)[] DepotStories =
    [
        ("Fire at an ammunition depot near Kragujevac", "2026-10-20T06:00:00Z"),
        ("Ammunition depot fire: villages evacuated", "2026-10-20T12:00:00Z"),
        // 23:30 in Belgrade, still the 20th there.
        ("Ammunition depot blaze under control", "2026-10-20T21:30:00Z"),
        // 00:30 on the 22nd in Belgrade, though the 21st in UTC.
        ("Inquiry into the ammunition depot fire opens", "2026-10-21T22:30:00Z"),
        // Before the window: in the archive only.
        ("Ammunition depot inspected", "2026-09-01T09:00:00Z"),
        ("Croatia and Slovenia sign a trade agreement", "2026-10-20T08:00:00Z"),
    ];

    private string Uri => Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public async Task CreatingFromASearch_KeepsItsWordsAndFilters_SaysTheDatesAreNotKept_AndSavesThem()
    {
        await IndexAsync(DepotStories);
        var search = RenderPageAt<SearchPage>("/search?q=ammunition&country=RS&topic=military&countries=about&from=2026-10-01&to=2026-10-24&sort=newest&tz=UTC");
        var link = search.WaitForElement("#create-alert").GetAttribute("href")!;
        await DisposeComponentsAsync();

        var editor = RenderPageAt<AlertEditorPage>(link);

        editor.WaitForElement("#preview-archive-total");
        Assert.Equal("ammunition", editor.Find("#alert-query").GetAttribute("value"));
        Assert.Equal("ammunition", editor.Find("#alert-name").GetAttribute("value"));
        var filters = editor.FindAll("#alert-filters .mud-chip").Select(chip => chip.TextContent.Trim()).ToList();
        Assert.Equal(["Serbia", Model.TopicLabel("military"), "countries: about only"], filters);
        Assert.Contains("the date range", editor.Find("#not-kept").TextContent, StringComparison.Ordinal);
        Assert.Contains("the sort order", editor.Find("#not-kept").TextContent, StringComparison.Ordinal);

        await editor.Find("#save-alert").ClickAsync(new());

        editor.WaitForAssertion(() => Assert.EndsWith("/alerts", Uri, StringComparison.Ordinal));
        var alert = Assert.Single(await StoredAlertsAsync());
        Assert.Equal((User, "ammunition", "UTC"), (alert.Owner, alert.Name, alert.TimeZone));
        var saved = SavedQuery.FromJson(alert.QueryJson);
        Assert.Equal(new SavedQuery { Text = "ammunition", Countries = ["RS"], Topics = ["military"], CountryMode = CountryMode.About }, saved);
        Assert.Contains(alert.Id.ToString(), await Percolator.RegisteredAsync(Cancellation));
    }

    [Fact]
    public async Task ThePreview_CountsMatchesPerDayInTheAlertsTimeZone_OverTheLast30Days_WithTheLatestSamples()
    {
        await IndexAsync(DepotStories);

        var editor = RenderPageAt<AlertEditorPage>("/alerts/new?q=ammunition%20depot");

        editor.WaitForElement("#preview-days");
        var days = editor.FindAll("#preview-days .preview-day")
            .ToDictionary(day => day.GetAttribute("data-day")!, day => int.Parse(day.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(30, days.Count);
        Assert.Equal("2026-09-25", days.Keys.First());
        Assert.Equal("2026-10-24", days.Keys.Last());
        Assert.Equal(3, days["2026-10-20"]);
        Assert.Equal(0, days["2026-10-21"]);
        Assert.Equal(1, days["2026-10-22"]);
        Assert.Equal(4, days.Values.Sum());
        // 4 articles over 30 days.
        Assert.Equal("0.1", editor.Find("#preview-average").TextContent);
        Assert.Contains("5 articles in the whole archive", editor.Find("#preview-archive-total").TextContent, StringComparison.Ordinal);
        var samples = editor.FindAll("#preview-samples .preview-sample .result-title").Select(title => title.TextContent).ToList();
        Assert.Equal(
            ["Inquiry into the ammunition depot fire opens", "Ammunition depot blaze under control", "Ammunition depot fire: villages evacuated",
             "Fire at an ammunition depot near Kragujevac", "Ammunition depot inspected"],
            samples);
    }

    [Fact]
    public async Task ThePreview_FollowsTheTimeZone_TheAlertWillUse()
    {
        await IndexAsync(DepotStories);

        var editor = RenderPageAt<AlertEditorPage>("/alerts/new?q=ammunition%20depot&tz=UTC");

        editor.WaitForElement("#preview-days");
        // In UTC the inquiry story falls on the 21st, and the window ends on the 24th in UTC too.
        Assert.Equal("1", editor.Find("#preview-days [data-day='2026-10-21']").GetAttribute("data-count"));
        Assert.Equal("0", editor.Find("#preview-days [data-day='2026-10-22']").GetAttribute("data-count"));
    }

    [Fact]
    public async Task OverTheOldDemoCorpus_ThePreviewSaysTheLast30DaysAreQuiet_AndStillShowsTheLatestMatches()
    {
        await IndexSeedsAsync();
        Clock.Now = new DateTimeOffset(2031, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var expected = await Index.SearchAsync(new ArticleQuery { Text = "Kosovo", Sort = SearchSort.Newest, Take = AlertPreviewer.SampleCount }, Cancellation);

        var editor = RenderPageAt<AlertEditorPage>("/alerts/new?q=Kosovo");

        editor.WaitForElement("#preview-quiet");
        Assert.Contains("No article published from 31 Jan 2031 to 1 Mar 2031 matches", editor.Find("#preview-quiet").TextContent, StringComparison.Ordinal);
        Assert.Empty(editor.FindAll("#preview-days"));
        Assert.True(expected.Total > AlertPreviewer.SampleCount);
        var samples = editor.FindAll("#preview-samples .preview-sample").Select(sample => sample.GetAttribute("data-article-id")).ToList();
        Assert.Equal(expected.Hits.Select(hit => hit.Article.Id.Value), samples);
    }

    [Fact]
    public async Task AddingACountryAndATopicFromTheFacets_NarrowsThePreview_AndIsSaved()
    {
        await IndexSeedsAsync();
        var editor = RenderPageAt<AlertEditorPage>("/alerts/new?q=Kosovo");
        var kosovo = await ArchiveTotalAsync(new ArticleQuery { Text = "Kosovo" });
        var albania = await ArchiveTotalAsync(new ArticleQuery { Text = "Kosovo", Countries = ["AL"] });
        var albaniaNato = await ArchiveTotalAsync(new ArticleQuery { Text = "Kosovo", Countries = ["AL"], Topics = ["nato"] });
        Assert.True(kosovo > albania && albania > albaniaNato && albaniaNato > 0, $"{kosovo} > {albania} > {albaniaNato} > 0");
        editor.WaitForAssertion(() => Assert.Equal(ArchiveTotalText(kosovo), editor.Find("#preview-archive-total").TextContent.Trim()));
        await OpenAddFiltersAsync(editor);

        editor.Find("[data-facet='country'] [data-facet-value='AL'] input").Change(true);

        editor.WaitForAssertion(() => Assert.Equal(ArchiveTotalText(albania), editor.Find("#preview-archive-total").TextContent.Trim()));
        Assert.Equal(["Albania"], FilterChips(editor));

        editor.WaitForElement("[data-facet='topic'] [data-facet-value='nato'] input").Change(true);

        editor.WaitForAssertion(() => Assert.Equal(ArchiveTotalText(albaniaNato), editor.Find("#preview-archive-total").TextContent.Trim()));
        Assert.Equal(["Albania", Model.TopicLabel("nato")], FilterChips(editor));
        await editor.Find("#save-alert").ClickAsync(new());

        editor.WaitForAssertion(() => Assert.EndsWith("/alerts", Uri, StringComparison.Ordinal));
        Assert.Equal(new SavedQuery { Text = "Kosovo", Countries = ["AL"], Topics = ["nato"] }, SavedQuery.FromJson(Assert.Single(await StoredAlertsAsync()).QueryJson));
    }

    [Fact]
    public async Task CountingCountriesOnlyWhereTheStoryIsAboutThem_AndAMinimumTension_ChangeThePreview_AndAreSaved()
    {
        await IndexSeedsAsync();
        var editor = RenderPageAt<AlertEditorPage>("/alerts/new?q=Kosovo&country=RS");
        var mentioned = await ArchiveTotalAsync(new ArticleQuery { Text = "Kosovo", Countries = ["RS"] });
        var about = await ArchiveTotalAsync(new ArticleQuery { Text = "Kosovo", Countries = ["RS"], CountryMode = CountryMode.About });
        var tense = await ArchiveTotalAsync(new ArticleQuery { Text = "Kosovo", Countries = ["RS"], CountryMode = CountryMode.About, MinTension = 30 });
        Assert.True(mentioned > about && about > tense && tense > 0, $"{mentioned} > {about} > {tense} > 0");
        editor.WaitForAssertion(() => Assert.Equal(ArchiveTotalText(mentioned), editor.Find("#preview-archive-total").TextContent.Trim()));
        await OpenAddFiltersAsync(editor);

        await editor.Find("#country-mode-about").ClickAsync(new());

        editor.WaitForAssertion(() => Assert.Equal(ArchiveTotalText(about), editor.Find("#preview-archive-total").TextContent.Trim()));
        Assert.Equal(["Serbia", "countries: about only"], FilterChips(editor));

        editor.Find("#alert-tension-min").Change("30");

        editor.WaitForAssertion(() => Assert.Equal(ArchiveTotalText(tense), editor.Find("#preview-archive-total").TextContent.Trim()));
        Assert.Equal(["Serbia", "countries: about only", "tension 30–100"], FilterChips(editor));
        await editor.Find("#save-alert").ClickAsync(new());

        editor.WaitForAssertion(() => Assert.EndsWith("/alerts", Uri, StringComparison.Ordinal));
        Assert.Equal(
            new SavedQuery { Text = "Kosovo", Countries = ["RS"], CountryMode = CountryMode.About, MinTension = 30 },
            SavedQuery.FromJson(Assert.Single(await StoredAlertsAsync()).QueryJson));
    }

    [Fact]
    public async Task RemovingTheTensionChip_ClearsTheTensionFields()
    {
        await IndexAsync(DepotStories);
        var editor = RenderPageAt<AlertEditorPage>("/alerts/new?q=depot&tmin=20&tmax=80");
        editor.WaitForElement("#preview-archive-total");
        Assert.Equal("20", editor.Find("#alert-tension-min").GetAttribute("value"));

        await editor.Find("[data-filter='tension:'] .mud-chip-close-button").ClickAsync(new());

        editor.WaitForAssertion(() => Assert.Equal("", editor.Find("#alert-tension-min").GetAttribute("value") ?? ""));
        Assert.Equal("", editor.Find("#alert-tension-max").GetAttribute("value") ?? "");
        Assert.Empty(FilterChips(editor));
    }

    private static string ArchiveTotalText(long total) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{total:N0} {(total == 1 ? "article in the whole archive matches." : "articles in the whole archive match.")}");

    private async Task<long> ArchiveTotalAsync(ArticleQuery query) => (await Index.SearchAsync(query with { Take = 1 }, Cancellation)).Total;

    private static List<string> FilterChips(IRenderedComponent<AlertEditorPage> editor) =>
        [.. editor.FindAll("#alert-filters .mud-chip").Select(chip => chip.TextContent.Trim())];

    private static async Task OpenAddFiltersAsync(IRenderedComponent<AlertEditorPage> editor)
    {
        await editor.Find("#alert-add-filters .mud-expand-panel-header").ClickAsync(new());
        editor.WaitForElement("#facet-panel [data-facet='country']");
    }

    [Fact]
    public async Task Saving_ExplainsEveryWrongField_AndStoresNothing()
    {
        await IndexAsync(DepotStories);
        var editor = RenderPageAt<AlertEditorPage>("/alerts/new?q=ammunition");
        editor.WaitForElement("#preview-summary");

        editor.Find("#alert-name").Change("");
        editor.Find("#alert-email").Change("desk@newsroom.example, not-an-address");
        editor.Find("#alert-webhook-url").Change("hooks.example/alerts");
        await editor.Find("#save-alert").ClickAsync(new());

        editor.WaitForAssertion(() => Assert.Contains("Give the alert a name.", editor.Markup, StringComparison.Ordinal));
        Assert.Contains("'not-an-address' is not an e-mail address", editor.Markup, StringComparison.Ordinal);
        Assert.Contains("'hooks.example/alerts' is not an absolute http(s) address.", editor.Markup, StringComparison.Ordinal);
        Assert.Contains("A webhook needs a secret", editor.Markup, StringComparison.Ordinal);
        Assert.Empty(await StoredAlertsAsync());
        Assert.Empty(await Percolator.RegisteredAsync(Cancellation));
    }

    [Fact]
    public async Task Saving_AQueryThatDoesNotParse_PointsAtTheProblem_AndStoresNothing()
    {
        await IndexAsync(DepotStories);
        var editor = RenderPageAt<AlertEditorPage>("/alerts/new");
        editor.WaitForElement("#alert-name");

        editor.Find("#alert-name").Change("Depot");
        // "depot AND (fire": the parenthesis is the 11th character.
        editor.Find("#alert-query").Input("depot AND (fire");
        editor.WaitForElement("#preview-error");
        await editor.Find("#save-alert").ClickAsync(new());

        editor.WaitForAssertion(() => Assert.Contains("The search words could not be understood", editor.Markup, StringComparison.Ordinal));
        Assert.Contains("character 11", editor.Find("#alert-editor #query-error-text mark").GetAttribute("title"), StringComparison.Ordinal);
        Assert.NotEmpty(editor.FindAll("#preview-error"));
        Assert.Empty(await StoredAlertsAsync());
    }

    [Fact]
    public async Task ASignedInUser_OwnsTheAlertsTheyCreate_InsteadOfTheLocalUser()
    {
        await IndexAsync(DepotStories);
        Authorization.SetAuthorized("ana.petrovic");
        var editor = RenderPageAt<AlertEditorPage>("/alerts/new?q=depot");
        editor.WaitForElement("#preview-archive-total");

        await editor.Find("#save-alert").ClickAsync(new());

        editor.WaitForAssertion(() => Assert.EndsWith("/alerts", Uri, StringComparison.Ordinal));
        Assert.Equal("ana.petrovic", Assert.Single(await StoredAlertsAsync()).Owner);
    }

    [Fact]
    public async Task AnAlertWithNeitherWordsNorFilters_IsRefused_BecauseItWouldMatchEverything()
    {
        var result = await AlertService.SaveAsync(new AlertDraft { Name = "Everything" }, User, Cancellation);

        var error = Assert.Single(result.Errors);
        Assert.Equal((AlertFields.Query, "Give the alert search words or a filter; as it is, it would match every article."), (error.Field, error.Message));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/hook", "127.0.0.1 resolves to 127.0.0.1")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254 resolves to 169.254.169.254")]
    [InlineData("http://192.168.1.20/hooks/alerts", "192.168.1.20 resolves to 192.168.1.20")]
    [InlineData("http://localhost/hook", "localhost resolves to ")]
    public async Task AWebhookTheOutboundRulesWouldAlwaysRefuse_IsRefusedWhenSaved_SayingWhy(string url, string reason)
    {
        var draft = new AlertDraft { Name = "Internal", Query = new SavedQuery { Text = "depot" }, WebhookUrl = url, WebhookSecret = "s3cret" };

        var result = await AlertService.SaveAsync(draft, User, Cancellation);

        Assert.Null(result.Alert);
        var error = Assert.Single(result.Errors);
        Assert.Equal(AlertFields.WebhookUrl, error.Field);
        Assert.StartsWith("This webhook would never be called: " + reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("OutboundRequests:AllowedNetworks", error.Message, StringComparison.Ordinal);
        Assert.Empty(await StoredAlertsAsync());
    }

    [Fact]
    public async Task EditingAnAlert_ChangesItsQuery_InThePercolatorAtOnce()
    {
        var alert = await CreateAlertAsync("Depot", new SavedQuery { Text = "depot" });
        await IndexAsync(DepotStories);
        var depot = (await Index.SearchAsync(new ArticleQuery { Text = "inspected" }, Cancellation)).Hits.Single().Article;
        Assert.Single(await Percolator.PercolateAsync([depot], Cancellation));

        var editor = RenderEditorOf(alert.Id);
        editor.WaitForElement("#preview-summary");
        Assert.Equal("Depot", editor.Find("#alert-name").GetAttribute("value"));
        editor.Find("#alert-query").Input("blaze");
        editor.WaitForAssertion(() => Assert.Equal("1 article in the whole archive matches.", editor.Find("#preview-archive-total").TextContent.Trim()));
        await editor.Find("#save-alert").ClickAsync(new());

        editor.WaitForAssertion(() => Assert.EndsWith("/alerts", Uri, StringComparison.Ordinal));
        Assert.Equal("blaze", SavedQuery.FromJson(Assert.Single(await StoredAlertsAsync()).QueryJson).Text);
        Assert.Empty(await Percolator.PercolateAsync([depot], Cancellation));
    }

    [Fact]
    public async Task CreatingFromASearchByOutletGroup_ChoosesTheGroup_PreviewsOnlyItsOutlets_AndSavesIt()
    {
        var (serbian, _) = await AddTwoOutletGroupsAsync();
        await IndexAsync(DepotStories);
        await IndexFromAsync("Other wire", ("Ammunition depot fire seen from Kosovo", "2026-10-21T10:00:00Z"));

        var editor = RenderPageAt<AlertEditorPage>($"/alerts/new?q=ammunition&outlet_group={serbian}");

        editor.WaitForElement("#preview-archive-total");
        // The five Test wire stories with the word; Other wire's is of another group.
        Assert.Contains("5 articles in the whole archive", editor.Find("#preview-archive-total").TextContent, StringComparison.Ordinal);
        Assert.Equal(["outlet group Serbia — national"], editor.FindAll("#alert-filters .mud-chip").Select(chip => chip.TextContent.Trim()));
        var groups = OutletSelect(editor, "Outlet groups");
        Assert.Equal([serbian], groups.Instance.GetState(select => select.SelectedValues)!);
        Assert.Equal("Serbia — national", groups.Instance.GetState(select => select.Text));

        await editor.Find("#save-alert").ClickAsync(new());

        editor.WaitForAssertion(() => Assert.EndsWith("/alerts", Uri, StringComparison.Ordinal));
        var alert = Assert.Single(await StoredAlertsAsync());
        Assert.Equal(new SavedQuery { Text = "ammunition", OutletGroups = [serbian] }, SavedQuery.FromJson(alert.QueryJson));
    }

    [Fact]
    public async Task TheOutletSelects_NarrowThePreview_AndShowAsFilters()
    {
        var (_, kosovan) = await AddTwoOutletGroupsAsync();
        await IndexAsync(DepotStories);
        await IndexFromAsync("Other wire", ("Ammunition depot fire seen from Kosovo", "2026-10-21T10:00:00Z"));
        var editor = RenderPageAt<AlertEditorPage>("/alerts/new?q=ammunition");
        editor.WaitForAssertion(() => Assert.Contains("6 articles in the whole archive", editor.Find("#preview-archive-total").TextContent, StringComparison.Ordinal));

        await Choose(editor, "Outlet groups", kosovan);
        editor.WaitForAssertion(() => Assert.Contains("1 article in the whole archive", editor.Find("#preview-archive-total").TextContent, StringComparison.Ordinal));
        Assert.Equal(["outlet group Kosovo — Albanian-language"], editor.FindAll("#alert-filters .mud-chip").Select(chip => chip.TextContent.Trim()));

        await Choose(editor, "Outlet groups");
        await Choose(editor, "Outlet kind", "public-broadcaster");
        editor.WaitForAssertion(() => Assert.Contains("5 articles in the whole archive", editor.Find("#preview-archive-total").TextContent, StringComparison.Ordinal));
        Assert.Equal(["outlet kind Public broadcaster"], editor.FindAll("#alert-filters .mud-chip").Select(chip => chip.TextContent.Trim()));

        await Choose(editor, "Outlet kind");
        await Choose(editor, "Outlet country", "XK");
        editor.WaitForAssertion(() => Assert.Contains("1 article in the whole archive", editor.Find("#preview-archive-total").TextContent, StringComparison.Ordinal));
        Assert.Equal(["outlet country Kosovo"], editor.FindAll("#alert-filters .mud-chip").Select(chip => chip.TextContent.Trim()));
    }

    [Fact]
    public async Task AnAlertOfAGroupDeletedSince_ReadsAsAnUnknownGroup_ThatCanBeTakenOut()
    {
        var alert = await CreateAlertAsync("Depot fires", new SavedQuery { Text = "depot", OutletGroups = ["77"] });

        var editor = RenderEditorOf(alert.Id);

        var chip = editor.WaitForElement("#alert-filters [data-filter='outlet_group:77']");
        Assert.Equal("unknown outlet group 77", chip.TextContent.Trim());
        Assert.Equal("unknown group 77", OutletSelect(editor, "Outlet groups").Instance.GetState(select => select.Text));
        await editor.Find("#alert-filters [data-filter='outlet_group:77'] .mud-chip-close-button").ClickAsync(new());
        editor.WaitForAssertion(() => Assert.Empty(editor.FindAll("#alert-filters .mud-chip")));
        await editor.Find("#save-alert").ClickAsync(new());

        editor.WaitForAssertion(() => Assert.EndsWith("/alerts", Uri, StringComparison.Ordinal));
        Assert.Equal(new SavedQuery { Text = "depot" }, SavedQuery.FromJson(Assert.Single(await StoredAlertsAsync()).QueryJson));
    }

    [Fact]
    public async Task AnotherUsersAlert_IsNotFound()
    {
        var theirs = await AlertService.SaveAsync(new AlertDraft { Name = "Theirs", Query = new SavedQuery { Text = "depot" } }, "someone-else", Cancellation);

        var editor = RenderEditorOf(theirs.Alert!.Id);

        editor.WaitForElement("#alert-not-found");
        Assert.False(await AlertService.PauseAsync(theirs.Alert.Id, User, Cancellation));
    }

    [Fact]
    public void AMissingAlert_IsNotFound()
    {
        var editor = RenderEditorOf(Guid.NewGuid());

        editor.WaitForElement("#alert-not-found");
        Assert.Empty(editor.FindAll("#alert-editor"));
    }

    private static IRenderedComponent<MudBlazor.MudSelect<string>> OutletSelect(IRenderedComponent<AlertEditorPage> editor, string label) =>
        editor.FindComponents<MudBlazor.MudSelect<string>>().Single(select => select.Instance.Label == label);

    /// <summary>Sets the values of an outlet select as a user's ticks do (the select's own list is tested by MudBlazor).</summary>
    private static Task Choose(IRenderedComponent<AlertEditorPage> editor, string label, params string[] values)
    {
        var select = OutletSelect(editor, label);
        return select.InvokeAsync(() => select.Instance.SelectedValuesChanged.InvokeAsync(values));
    }

    private IRenderedComponent<AlertEditorPage> RenderEditorOf(Guid id)
    {
        Render<MudBlazor.MudPopoverProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/alerts/{id}");
        return Render<AlertEditorPage>(parameters => parameters.Add(page => page.Id, id));
    }
}
