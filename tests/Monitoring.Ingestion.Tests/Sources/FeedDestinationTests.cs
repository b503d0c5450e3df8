using Microsoft.AspNetCore.Http;
using Monitoring.Ingestion.Sources;
using static Monitoring.Ingestion.Tests.Sources.FeedPollJobTests;

namespace Monitoring.Ingestion.Tests.Sources;

/// <summary>
/// Server-side request forgery: a source whose feed, redirect or article page points at the machine itself
/// or at the cloud metadata address is refused by the destination guard, with the reason on the source, and
/// no request reaches the local server behind it.
/// </summary>
public sealed class FeedDestinationTests : IAsyncLifetime
{
    private LocalWebServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LocalWebServer.StartAsync();

    [Fact]
    public async Task AFeedOnLoopback_IsRefused_WhenTheAllowListDoesNotNameIt()
    {
        var url = _server.Serve("/internal.xml", Rss([Item(1, "Internal", new string('i', 500))]), "application/rss+xml");
        await using var harness = new PollingHarness(AllowOnly("127.0.0.2/32"));
        var source = await harness.AddPastTheCatalogAsync(url);

        var outcome = await harness.PollAsync(source.Id);

        Assert.Equal(FeedPollStatus.Failed, outcome.Status);
        Assert.Contains("request to 127.0.0.1 refused: 127.0.0.1 resolves to 127.0.0.1, a loopback, private or reserved address", (await harness.SourceAsync(source.Id)).LastError, StringComparison.Ordinal);
        Assert.Empty(_server.RequestsTo("/internal.xml"));
    }

    [Fact]
    public async Task TheCloudMetadataAddress_IsRefused()
    {
        await using var harness = new PollingHarness();
        var source = await harness.AddPastTheCatalogAsync(new Uri("http://169.254.169.254/latest/meta-data/"));

        var outcome = await harness.PollAsync(source.Id);

        Assert.Equal(FeedPollStatus.Failed, outcome.Status);
        Assert.Contains("request to 169.254.169.254 refused", (await harness.SourceAsync(source.Id)).LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/", "169.254.169.254 resolves to 169.254.169.254")]
    [InlineData("http://127.0.0.2:9/admin", "127.0.0.2 resolves to 127.0.0.2")]
    public async Task ARedirectToAPrivateAddress_IsRefusedAtThatHop(string target, string error)
    {
        var url = _server.Handle("/moved.xml", context =>
        {
            context.Response.Redirect(target);
            return Task.CompletedTask;
        });
        await using var harness = new PollingHarness(AllowOnly("127.0.0.1/32"));
        var source = await harness.AddAsync(url);

        var outcome = await harness.PollAsync(source.Id);

        Assert.Equal(FeedPollStatus.Failed, outcome.Status);
        Assert.Contains(error, (await harness.SourceAsync(source.Id)).LastError, StringComparison.Ordinal);
        Assert.Single(_server.RequestsTo("/moved.xml"));
    }

    [Fact]
    public async Task AnArticlePageOnThePrivateNetwork_IsRefused_AndTheItemKeepsItsSummary()
    {
        var feed = _server.Handle("/teaser.xml", context => WriteAsync(context, Rss([Item(1, "Teaser", "<p>Only a teaser.</p>", new Uri("http://192.168.0.1/router-admin"))])));
        await using var harness = new PollingHarness();
        var source = await harness.AddAsync(feed);

        var outcome = await harness.PollAsync(source.Id);

        var recorded = await harness.SourceAsync(source.Id);
        Assert.Equal(FeedPollStatus.Fetched, outcome.Status);
        Assert.Contains("request to 192.168.0.1 refused", recorded.LastPageError, StringComparison.Ordinal);
        Assert.Equal("<p>Only a teaser.</p>", Assert.Single(await harness.InboxArticlesAsync(source.Id)).Html);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static Dictionary<string, string?> AllowOnly(string network) => new(StringComparer.Ordinal)
    {
        ["OutboundRequests:AllowedNetworks:0"] = network,
    };
}
