using Microsoft.EntityFrameworkCore.Design;

namespace Monitoring.Web.Data;

// Let `dotnet ef migrations add --context <provider>AppDbContext` build the context without starting the whole
// app (which would open the search index and start the job server). Making a migration never connects, so the
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
