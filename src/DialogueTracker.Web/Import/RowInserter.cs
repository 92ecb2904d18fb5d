using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace DialogueTracker.Web.Import;

/// <summary>
/// Inserts rows into one table with one prepared SQLite statement, on EF Core's connection and inside its transaction,
/// using EF Core's column names and value conversions. A large import writes new records this way: SaveChanges costs
/// tens of microseconds per row in change tracking, and even a prepared ADO.NET command looks every parameter up by
/// name on every execution. Here each value is bound by position and the statement stepped and reset: half a million
/// rows for 100,000 statements, so microseconds a row are seconds.
/// </summary>
public sealed class RowInserter : IDisposable
{
    private readonly sqlite3 _connection;
    private readonly sqlite3_stmt _statement;
    private readonly (IProperty Property, Func<object?, object?> ToProvider)[] _columns;

    private RowInserter(DbContext db, IEntityType entityType, bool includeKey)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Rows are only inserted inside the import's transaction.");
        }

        _connection = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        // Every mapped column, so a column added to the model later is written here too.
        _columns = [.. entityType.GetProperties().Where(p => includeKey || !p.IsPrimaryKey()).Select(property =>
        {
            var converter = property.GetTypeMapping().Converter;
            Func<object?, object?> toProvider = converter is null ? value => value : value => value is null ? null : converter.ConvertToProvider(value);
            return (property, toProvider);
        })];
        var sql = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Property.GetColumnName(table)}\""))}) "
            + $"VALUES ({string.Join(", ", _columns.Select((_, i) => $"?{i + 1}"))})";
        Check(raw.sqlite3_prepare_v2(_connection, sql, out _statement));
    }

    /// <summary>Inserts rows of <typeparamref name="TEntity"/>; with <paramref name="includeKey"/>, the caller gives the ids.</summary>
    public static RowInserter For<TEntity>(DbContext db, bool includeKey) => new(db, db.Model.FindEntityType(typeof(TEntity))!, includeKey);

    /// <summary>Inserts rows of a many-to-many link table, such as StatementTopics.</summary>
    public static RowInserter ForLinks(DbContext db, string linkTable) => new(db, db.Model.FindEntityType(linkTable)!, includeKey: true);

    /// <summary>Inserts one row, with each column's value from <paramref name="valueOf"/>.</summary>
    public void Insert(Func<IProperty, object?> valueOf)
    {
        try
        {
            for (var i = 0; i < _columns.Length; i++)
            {
                var (property, toProvider) = _columns[i];
                Check(Bind(i + 1, toProvider(valueOf(property))));
            }

            var result = raw.sqlite3_step(_statement);
            if (result != raw.SQLITE_DONE)
            {
                Check(result);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    /// <summary>Inserts one row with the values read from an entity.</summary>
    public void Insert(object entity) => Insert(property => property.GetGetter().GetClrValue(entity));

    /// <summary>
    /// Binds a value as Microsoft.Data.Sqlite binds EF Core's parameters for SQLite: what EF Core stores as text (GUIDs,
    /// dates, times, decimals) in the same text, so a row written here reads back exactly as one saved by EF Core (tested).
    /// </summary>
    private int Bind(int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(_statement, index),
        string text => raw.sqlite3_bind_text(_statement, index, text),
        int number => raw.sqlite3_bind_int64(_statement, index, number),
        long number => raw.sqlite3_bind_int64(_statement, index, number),
        short number => raw.sqlite3_bind_int64(_statement, index, number),
        byte number => raw.sqlite3_bind_int64(_statement, index, number),
        bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
        double number => raw.sqlite3_bind_double(_statement, index, number),
        float number => raw.sqlite3_bind_double(_statement, index, number),
        byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
        Guid guid => raw.sqlite3_bind_text(_statement, index, guid.ToString().ToUpperInvariant()),
        DateTime time => raw.sqlite3_bind_text(_statement, index, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        DateTimeOffset time => raw.sqlite3_bind_text(_statement, index, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
        DateOnly date => raw.sqlite3_bind_text(_statement, index, date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
        decimal number => raw.sqlite3_bind_text(_statement, index, number.ToString("0.0###########################", CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"The import cannot write a {value.GetType().Name} column; write it through EF Core or add it here."),
    };

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            // The same exception Microsoft.Data.Sqlite throws, so a constraint or a full disk is handled as before.
            SqliteException.ThrowExceptionForRC(result, _connection);
        }
    }

    public void Dispose() => _statement.Dispose();
}
