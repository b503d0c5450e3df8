using Monitoring.Hosting.Jobs;

namespace Monitoring.Web.Tests.Features.Jobs;

public sealed class JobsOptionsTests
{
    [Fact]
    public async Task PostgreSqlStorage_WithoutAConnectionString_StopsTheStart_NamingTheSetting()
    {
        await using var app = new TestApp(new Dictionary<string, string> { ["Jobs:Storage"] = "PostgreSql" });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Jobs:PostgreSqlConnectionString is required when Jobs:Storage is PostgreSql", failure.ToString(), StringComparison.Ordinal);
    }
}
