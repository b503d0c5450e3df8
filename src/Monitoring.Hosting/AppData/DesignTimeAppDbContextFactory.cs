using Microsoft.EntityFrameworkCore.Design;

namespace Monitoring.Hosting.AppData;

// Let `dotnet ef migrations add --project src/Monitoring.Hosting --context <provider>AppDbContext` build the context
// without starting a host (which would open the search index and start the job server). Making a migration never connects, so the
// PostgreSQL one needs no server.
internal sealed class DesignTimeSqliteAppDbContextFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        (SqliteAppDbContext)AppDbContextFactory.Sqlite(Path.Combine(Path.GetTempPath(), "monitoring-design-time.db")).CreateDbContext();
}

internal sealed class DesignTimePostgreSqlAppDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlAppDbContext>
{
    public PostgreSqlAppDbContext CreateDbContext(string[] args) =>
        (PostgreSqlAppDbContext)AppDbContextFactory.PostgreSql("Host=localhost;Database=monitoring_design_time").CreateDbContext();
}
