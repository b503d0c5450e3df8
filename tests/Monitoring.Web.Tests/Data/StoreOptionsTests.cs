namespace Monitoring.Web.Tests.Data;

/// <summary>A store set to PostgreSQL without saying which database stops the start, naming the missing setting.</summary>
public sealed class StoreOptionsTests
{
    [Theory]
    [InlineData("AppData:Provider", "AppData:PostgreSqlConnectionString is required when AppData:Provider is PostgreSql")]
    [InlineData("Ingestion:StoreProvider", "Ingestion:StorePostgreSqlConnectionString is required when Ingestion:StoreProvider is PostgreSql")]
    public async Task PostgreSql_WithoutAConnectionString_StopsTheStart_NamingTheSetting(string providerSetting, string message)
    {
        await using var app = new TestApp(new Dictionary<string, string> { [providerSetting] = "PostgreSql" });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownProvider_StopsTheStart()
    {
        await using var app = new TestApp(new Dictionary<string, string> { ["AppData:Provider"] = "Oracle" });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("AppData:Provider", failure.ToString(), StringComparison.Ordinal);
    }
}
