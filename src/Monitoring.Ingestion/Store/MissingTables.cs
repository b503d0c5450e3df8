using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Monitoring.Ingestion.Store;

/// <summary>
/// Adds the tables and indexes a newer version of the model brings to a store created by an older one.
/// <c>EnsureCreated</c> does nothing once the file exists, and migrations wait for PostgreSQL; until then
/// new tables are additive and created here. Columns added to existing tables are not handled.
/// </summary>
public static partial class MissingTables
{
    public static async Task CreateMissingTablesAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (!database.IsSqlite())
        {
            return;
        }

        var script = CreateStatement().Replace(database.GenerateCreateScript(), "CREATE $1 IF NOT EXISTS ");
        var connection = database.GetDbConnection();
        await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = script;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    [GeneratedRegex(@"CREATE (TABLE|INDEX|UNIQUE INDEX) (?!IF NOT EXISTS)", RegexOptions.CultureInvariant)]
    private static partial Regex CreateStatement();
}
