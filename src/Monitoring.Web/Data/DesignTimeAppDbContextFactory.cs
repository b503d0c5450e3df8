using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Monitoring.Web.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the context without starting the whole app (which would
/// open the search index and start the job server).
/// </summary>
internal sealed class DesignTimeAppDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseAppSqlite(Path.Combine(Path.GetTempPath(), "monitoring-design-time.db"));
        return new AppDbContext(options.Options);
    }
}
