using System.Text.RegularExpressions;
using Monitoring.Tests;

namespace Monitoring.Web.BrowserTests;

/// <summary>What a restart of the embedded default must keep, and must not double.</summary>
public sealed partial class RestartTests
{
    private const string SeedsHandedOver = "handed to the pipeline";

    [Fact]
    public async Task Restarting_TheApp_OnTheSameDataFolder_IndexesNothingTwice()
    {
        using var data = new TemporaryFolder();
        long firstCount;
        await using (var first = await AppProcess.StartAsync(data.Path))
        {
            await first.WaitForLogAsync(SeedsHandedOver);
            await first.WaitForInboxDrainedAsync();
            firstCount = await first.ArticleCountAsync();
        }

        await using var second = await AppProcess.StartAsync(data.Path);
        await second.WaitForLogAsync(SeedsHandedOver);
        await second.WaitForInboxDrainedAsync();

        Assert.Contains(", 0 handed to the pipeline,", second.Log, StringComparison.Ordinal);
        Assert.DoesNotMatch(SomethingIndexed(), second.Log);
        Assert.Equal(firstCount, await second.ArticleCountAsync());
    }

    [GeneratedRegex(@"Inbox: \d+ processed, [1-9]\d* indexed")]
    private static partial Regex SomethingIndexed();
}
