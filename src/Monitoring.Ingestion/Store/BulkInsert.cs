using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Monitoring.Ingestion.Store;

/// <summary>
/// Inserts many rows of one entity with multi-row <c>INSERT … VALUES</c> commands in the context's current transaction,
/// without change tracking: a batch's 16,000 story-band rows cost EF Core about a second of CPU when tracked one by one
/// (docs/performance.md, benchmark 2). Tables, columns and parameter conversions come from the EF model, so the same
/// code writes SQLite and PostgreSQL exactly as SaveChanges would.
/// </summary>
internal static class BulkInsert
{
    // Parameters per command. SQLite finds each parameter of a statement by name in a list, so binding costs grow with
    // the square of their number: 2,000 per command took 19 µs per row, a few hundred take a fraction of that. Still
    // few enough round trips for PostgreSQL (160 commands for a batch's bands).
    private const int MaxParameters = 200;

    /// <summary>Inserts <paramref name="rows"/>; only for entities whose every column is set by the caller (no generated keys).</summary>
    public static async Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        if (properties.Any(property => property.ValueGenerated != ValueGenerated.Never))
        {
            throw new InvalidOperationException($"{typeof(T).Name} has generated values: insert it through SaveChanges.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var header = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(property => sql.DelimitIdentifier(property.GetColumnName(table)!)))}) VALUES ";
        var mappings = properties.Select(property => property.GetRelationalTypeMapping()).ToList();
        var getters = properties.Select(property => property.GetGetter()).ToList();
        var rowsPerCommand = Math.Max(1, MaxParameters / properties.Count);

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            foreach (var chunk in rows.Chunk(rowsPerCommand))
            {
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                    var text = new StringBuilder(header);
                    for (var row = 0; row < chunk.Length; row++)
                    {
                        text.Append(row == 0 ? "(" : ", (");
                        for (var column = 0; column < properties.Count; column++)
                        {
                            var name = $"p{(row * properties.Count) + column}";
                            text.Append(column == 0 ? string.Empty : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                            command.Parameters.Add(mappings[column].CreateParameter(
                                command, sql.GenerateParameterName(name), getters[column].GetClrValue(chunk[row]), properties[column].IsNullable));
                        }

                        text.Append(')');
                    }

                    command.CommandText = text.ToString();
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
    }
}
