using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Core.Search;
using Monitoring.Ingestion.Inbox;

namespace Monitoring.Worker.Tests.Status;

/// <summary>A commit of the index that really fails (its folder replaced by a file), seen from /ready and /health.</summary>
public sealed class IndexWriteFailureTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFailingIndexCommit_MakesTheWorkerUnready_ShowsInHealth_AndTheSweepRetriesItOnceTheFolderIsBack()
    {
        await using var worker = new TestWorker();
        using var client = worker.CreateClient();
        var inbox = worker.Services.GetRequiredService<IngestionPipeline>();
        var search = worker.Services.GetRequiredService<IArticleSearch>();
        await inbox.AcceptAsync("api", [Article("Parliament in Belgrade adopts the budget")], Cancel);
        await WaitUntilAsync(async () => await search.CountAsync(Cancel) == 1, "the first article is indexed");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/ready", UriKind.Relative), Cancel)).StatusCode);

        var folder = Path.Combine(worker.DataFolder, "index");
        Directory.Delete(folder, recursive: true);
        await File.WriteAllTextAsync(folder, "not a folder", Cancel);
        await inbox.AcceptAsync("api", [Article("Protest in Skopje over the new electricity prices")], Cancel);

        JsonElement ready = default;
        await WaitUntilAsync(
            async () =>
            {
                using var response = await client.GetAsync(new Uri("/ready", UriKind.Relative), Cancel);
                ready = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
                return response.StatusCode == HttpStatusCode.ServiceUnavailable;
            },
            "/ready answers 503");
        var failed = Assert.Single(ready.GetProperty("checks").EnumerateArray(), check => check.GetProperty("status").GetString() == "failed");
        Assert.Equal("index-writes", failed.GetProperty("name").GetString());
        Assert.Contains(folder, failed.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var health = await client.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative), Cancel);
        Assert.Equal(1, health.GetProperty("articles").GetInt64());
        Assert.True(health.GetProperty("oldestPendingSeconds").GetDouble() >= 0);
        Assert.Contains(folder, health.GetProperty("indexWriteFailure").GetProperty("message").GetString(), StringComparison.Ordinal);

        // The folder is back: the minutely sweep (triggered now rather than waited for) writes the waiting item.
        File.Delete(folder);
        worker.Services.GetRequiredService<IRecurringJobManager>().Trigger(InboxStarter.SweepJobId);
        await WaitUntilAsync(
            async () => (await client.GetAsync(new Uri("/ready", UriKind.Relative), Cancel)).StatusCode == HttpStatusCode.OK,
            "/ready answers 200 again");

        var found = await search.SearchAsync(new ArticleQuery { Text = "Skopje" }, Cancel);
        Assert.Equal(1, found.Total);
        health = await client.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative), Cancel);
        Assert.Equal(JsonValueKind.Null, health.GetProperty("indexWriteFailure").ValueKind);
        Assert.Equal(JsonValueKind.Null, health.GetProperty("oldestPendingSeconds").ValueKind);
    }

    private static IncomingArticle Article(string title) => new()
    {
        Title = title,
        Text = title + ". Reported by the test, which needs one article to index and a second to find the broken folder.",
        Source = "Test wire",
        Url = "https://example.org/" + Uri.EscapeDataString(title),
    };

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {Deadline}: {what}.");
            }

            await Task.Delay(100, Cancel);
        }
    }
}
