namespace Monitoring.Web.BrowserTests;

/// <summary>What a restart of the embedded default must keep, and must not double.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Restarting_TheApp_OnTheSameDataFolder_IndexesNothingTwice()
    {
        using var data = new TemporaryFolder();
        long firstCount;
        await using (var first = await AppProcess.StartAsync(data.Path))
        {
            await first.WaitForLogAsync("already known");
            firstCount = await first.ArticleCountAsync();
        }

        await using var second = await AppProcess.StartAsync(data.Path);
        await second.WaitForLogAsync("already known");

        Assert.Contains(", 0 indexed,", second.Log, StringComparison.Ordinal);
        Assert.Equal(firstCount, await second.ArticleCountAsync());
    }
}
