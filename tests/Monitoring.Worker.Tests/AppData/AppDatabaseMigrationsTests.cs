using Microsoft.EntityFrameworkCore;
using Monitoring.Hosting.AppData;

namespace Monitoring.Worker.Tests.AppData;

/// <summary>
/// The app database's model and its migrations agree on both providers: a change to an entity or to the mapping
/// without a migration for each provider would leave a host's start-up migration short of the model it reads with.
/// </summary>
public sealed class AppDatabaseMigrationsTests
{
    [Fact]
    public void TheModel_HasNoChangeWithoutAMigration_OnSqlite()
    {
        using var db = AppDbContextFactory.Sqlite(Path.Combine(Path.GetTempPath(), $"monitoring-model-{Guid.NewGuid():N}.db")).CreateDbContext();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void TheModel_HasNoChangeWithoutAMigration_OnPostgreSql()
    {
        // Comparing the model with the migrations' snapshot never connects.
        using var db = AppDbContextFactory.PostgreSql("Host=localhost;Database=monitoring_model_check").CreateDbContext();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
