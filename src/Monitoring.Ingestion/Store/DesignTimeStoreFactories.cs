using Microsoft.EntityFrameworkCore.Design;

namespace Monitoring.Ingestion.Store;

// Let `dotnet ef migrations add` build each provider's context without starting the app. Making a migration
// never connects, so the PostgreSQL one needs no server.
internal sealed class DesignTimeSqliteIngestionFactory : IDesignTimeDbContextFactory<SqliteIngestionDbContext>
{
    public SqliteIngestionDbContext CreateDbContext(string[] args) =>
        (SqliteIngestionDbContext)IngestionStoreFactory.Sqlite(Path.Combine(Path.GetTempPath(), "monitoring-design-time-ingestion.db")).CreateDbContext();
}

internal sealed class DesignTimePostgreSqlIngestionFactory : IDesignTimeDbContextFactory<PostgreSqlIngestionDbContext>
{
    public PostgreSqlIngestionDbContext CreateDbContext(string[] args) =>
        (PostgreSqlIngestionDbContext)IngestionStoreFactory.PostgreSql("Host=localhost;Database=monitoring_design_time").CreateDbContext();
}
