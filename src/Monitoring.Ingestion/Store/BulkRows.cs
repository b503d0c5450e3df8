using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Monitoring.Ingestion.Store;

/// <summary>
/// Inserts or updates many rows of one entity with multi-row commands in the context's current transaction, without
/// change tracking: a batch's 16,000 story-band rows cost EF Core about a second of CPU when tracked one by one, and
/// its 500 inbox updates 70 µs each (docs/performance.md, benchmark 2). Tables, columns and parameter conversions
/// come from the EF model, so the same code writes SQLite and PostgreSQL as SaveChanges would.
/// </summary>
internal static class BulkRows
{
    // Parameters per command. SQLite finds each parameter of a statement by name in a list, so binding costs grow with
    // the square of their number: 2,000 per command took 19 µs per row, a few hundred take a fraction of that. Still
    // few enough round trips for PostgreSQL (160 commands for a batch's bands).
    private const int MaxParameters = 200;

    /// <summary>Inserts <paramref name="rows"/>; only for entities whose every column is set by the caller (no generated keys).</summary>
    public static Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = EntityOf<T>(db);
        var properties = entity.GetProperties().ToList();
        if (properties.Any(property => property.ValueGenerated != ValueGenerated.Never))
        {
            throw new InvalidOperationException($"{typeof(T).Name} has generated values: insert it through SaveChanges.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var table = TableOf(entity);
        var columns = string.Join(", ", properties.Select(property => sql.DelimitIdentifier(property.GetColumnName(table)!)));
        return ExecuteAsync(db, rows, properties, values => $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES {values}", cancellationToken);
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> of an entity whose key is one number the database generates, and sets each row's
    /// key from <c>INSERT … RETURNING</c> (SQLite and PostgreSQL both have it): EF Core's change tracking took most of the
    /// time of recording a batch of inbox items. Call it in a transaction.
    /// </summary>
    public static async Task InsertWithGeneratedKeysAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var entity = EntityOf<T>(db);
        var key = entity.FindPrimaryKey()?.Properties is [var single] && single.ValueGenerated == ValueGenerated.OnAdd && single.ClrType == typeof(long) && single.PropertyInfo is not null
            ? single
            : throw new InvalidOperationException($"{typeof(T).Name} has no single generated number as its key.");
        var properties = entity.GetProperties().Where(property => property != key).ToList();
        if (properties.Any(property => property.ValueGenerated != ValueGenerated.Never))
        {
            throw new InvalidOperationException($"{typeof(T).Name} has generated values besides its key: insert it through SaveChanges.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var table = TableOf(entity);
        var columns = string.Join(", ", properties.Select(property => sql.DelimitIdentifier(property.GetColumnName(table)!)));
        var keys = new List<long>(rows.Count);
        await ExecuteAsync(
            db,
            rows,
            properties,
            values => $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES {values} RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}",
            cancellationToken,
            keys).ConfigureAwait(false);

        // RETURNING promises no order, but the rows of a VALUES list are inserted in their order, and the keys a table
        // generates ascend as it inserts: the k-th smallest key is the k-th row's.
        keys.Sort();
        for (var row = 0; row < rows.Count; row++)
        {
            key.PropertyInfo!.SetValue(rows[row], keys[row]);
        }
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> with one statement whatever their number, the rows passed as one value: a JSON
    /// array read by <c>json_each</c> on SQLite, one array per column read by <c>unnest</c> on PostgreSQL. For entities
    /// whose every column is a number, text or bytes set by the caller: a batch's 16,000 story-band rows spent most of
    /// their cost binding a parameter per value and parsing a statement per hundred rows.
    /// </summary>
    public static async Task InsertAsRowsValueAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var entity = EntityOf<T>(db);
        var properties = entity.GetProperties().ToList();
        if (properties.Any(property => property.ValueGenerated != ValueGenerated.Never))
        {
            throw new InvalidOperationException($"{typeof(T).Name} has generated values: insert it through SaveChanges.");
        }

        if (properties.FirstOrDefault(property => !IsArrayColumn(property.ClrType)) is { } unsupported)
        {
            throw new InvalidOperationException($"{typeof(T).Name}.{unsupported.Name} is a {unsupported.ClrType.Name}: insert it with InsertAsync.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var table = TableOf(entity);
        var columns = properties.Select(property => sql.DelimitIdentifier(property.GetColumnName(table)!)).ToList();
        var getters = properties.Select(property => property.GetGetter()).ToList();
        var insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns)}) ";
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                if (db.Database.IsNpgsql())
                {
                    // unnest(a, b, …) turns equally long arrays into rows; each array is bound in binary, typed by its CLR type.
                    for (var column = 0; column < properties.Count; column++)
                    {
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = $"p{column}";
                        parameter.Value = ColumnArray(rows, properties[column].ClrType, getters[column]);
                        command.Parameters.Add(parameter);
                    }

                    command.CommandText = insert + $"SELECT * FROM unnest({string.Join(", ", properties.Select((_, column) => $"@p{column}"))})";
                }
                else
                {
                    // Bytes travel as hex text in the JSON and are turned back by unhex().
                    var selected = properties.Select((property, column) => property.ClrType == typeof(byte[]) ? $"unhex(value ->> {column})" : $"value ->> {column}");
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "$rows";
                    parameter.Value = RowsAsJson(rows, getters);
                    command.Parameters.Add(parameter);
                    command.CommandText = insert + $"SELECT {string.Join(", ", selected)} FROM json_each($rows)";
                }

                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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

    private static bool IsArrayColumn(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var plain && (plain == typeof(long) || plain == typeof(int) || plain == typeof(string) || plain == typeof(byte[]));

    private static Array ColumnArray<T>(IReadOnlyList<T> rows, Type type, IClrPropertyGetter getter)
        where T : class
    {
        var values = Array.CreateInstance(type, rows.Count);
        for (var row = 0; row < rows.Count; row++)
        {
            values.SetValue(getter.GetClrValue(rows[row]), row);
        }

        return values;
    }

    private static string RowsAsJson<T>(IReadOnlyList<T> rows, List<IClrPropertyGetter> getters)
        where T : class
    {
        // Sized for the rows at once (a story band's row is about 40 bytes), not grown by doubling through a batch's 16,000.
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, rows.Count * 24 * getters.Count));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartArray();
                foreach (var getter in getters)
                {
                    switch (getter.GetClrValue(row))
                    {
                        case null: json.WriteNullValue(); break;
                        case long number: json.WriteNumberValue(number); break;
                        case int number: json.WriteNumberValue(number); break;
                        case string text: json.WriteStringValue(text); break;
                        case byte[] bytes: json.WriteStringValue(Convert.ToHexString(bytes)); break;
                        case var other: throw new InvalidOperationException($"{other.GetType().Name} has no JSON form here.");
                    }
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Sets the properties <paramref name="changed"/> of <paramref name="rows"/>, found by their primary key (one
    /// column), to the rows' values: <c>UPDATE … FROM (VALUES …)</c>, which SQLite and PostgreSQL both read.
    /// </summary>
    public static Task UpdateAsync<T>(DbContext db, IReadOnlyList<T> rows, IReadOnlyList<string> changed, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changed);
        var entity = EntityOf<T>(db);
        var key = entity.FindPrimaryKey()?.Properties is [var single] ? single : throw new InvalidOperationException($"{typeof(T).Name} has no single-column key.");
        var properties = new[] { key }.Concat(changed.Select(name => entity.FindProperty(name) ?? throw new ArgumentException($"{typeof(T).Name} has no property {name}.", nameof(changed)))).ToList();

        var sql = db.GetService<ISqlGenerationHelper>();
        var table = TableOf(entity);
        var name = sql.DelimitIdentifier(table.Name, table.Schema);
        // VALUES rows name their columns column1, column2, … on both databases.
        var assignments = string.Join(", ", properties.Skip(1).Select((property, i) => $"{sql.DelimitIdentifier(property.GetColumnName(table)!)} = v.column{i + 2}"));
        return ExecuteAsync(
            db,
            rows,
            properties,
            values => $"UPDATE {name} SET {assignments} FROM (VALUES {values}) AS v WHERE {name}.{sql.DelimitIdentifier(key.GetColumnName(table)!)} = v.column1",
            cancellationToken);
    }

    private static IEntityType EntityOf<T>(DbContext db) =>
        db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");

    private static StoreObjectIdentifier TableOf(IEntityType entity) => StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());

    /// <summary>Runs <paramref name="statement"/> once per chunk of rows, given the chunk's <c>(…), (…)</c> list of parameters.</summary>
    private static async Task ExecuteAsync<T>(DbContext db, IReadOnlyList<T> rows, List<IProperty> properties, Func<string, string> statement, CancellationToken cancellationToken, List<long>? returned = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var mappings = properties.Select(property => property.GetRelationalTypeMapping()).ToList();
        var getters = properties.Select(property => property.GetGetter()).ToList();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            foreach (var chunk in rows.Chunk(Math.Max(1, MaxParameters / properties.Count)))
            {
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                    var values = new StringBuilder();
                    for (var row = 0; row < chunk.Length; row++)
                    {
                        values.Append(row == 0 ? "(" : ", (");
                        for (var column = 0; column < properties.Count; column++)
                        {
                            var name = $"p{(row * properties.Count) + column}";
                            values.Append(column == 0 ? string.Empty : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                            command.Parameters.Add(mappings[column].CreateParameter(
                                command, sql.GenerateParameterName(name), getters[column].GetClrValue(chunk[row]), properties[column].IsNullable));
                        }

                        values.Append(')');
                    }

                    command.CommandText = statement(values.ToString());
                    if (returned is null)
                    {
                        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            returned.Add(reader.GetInt64(0));
                        }
                    }
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
