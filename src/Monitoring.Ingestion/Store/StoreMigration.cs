using Microsoft.EntityFrameworkCore;

namespace Monitoring.Ingestion.Store;

/// <summary>
/// One database's part of the migration step: where it is and how many migrations this version declares, told
/// before anything is applied (so that a failure can name the database too), and the run that applies them.
/// Each project that owns a database makes its own (<see cref="IngestionStore.MigrationOf"/>); the step runs them
/// all, without opening another project's context.
/// </summary>
public sealed class StoreMigration : IAsyncDisposable
{
    private readonly DbContext _db;

    private readonly Func<DbContext, CancellationToken, Task<IReadOnlyList<string>>> _apply;

    private StoreMigration(string name, DbContext db, Func<DbContext, CancellationToken, Task<IReadOnlyList<string>>> apply)
    {
        Name = name;
        _db = db;
        _apply = apply;
    }

    /// <summary>The store's name in messages ("app database").</summary>
    public string Name { get; }

    /// <summary>The file, or the server and database; never the connection string, which may hold a password.</summary>
    public string Location
    {
        get
        {
            var connection = _db.Database.GetDbConnection();
            return _db.Database.IsNpgsql()
                ? $"PostgreSql {connection.DataSource}/{connection.Database}"
                : $"Sqlite {connection.DataSource}";
        }
    }

    /// <summary>How many migrations this version declares.</summary>
    public int Declared => _db.Database.GetMigrations().Count();

    /// <summary>The migration of the store <paramref name="db"/> opens (and this object disposes), by <paramref name="apply"/>.</summary>
    public static StoreMigration For<TContext>(string name, TContext db, Func<TContext, CancellationToken, Task<IReadOnlyList<string>>> apply)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(apply);
        return new(name, db, (context, cancellationToken) => apply((TContext)context, cancellationToken));
    }

    /// <summary>Applies the pending migrations under <see cref="MigrationLock"/>; returns those this run applied, oldest first.</summary>
    public Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken = default) => _apply(_db, cancellationToken);

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
