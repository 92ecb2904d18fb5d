using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace DialogueTracker.Web.Import;

/// <summary>
/// Inserts rows into one table with one prepared statement, on EF Core's connection and inside its transaction, using
/// EF Core's column names and value conversions. A large import writes new records this way: SaveChanges costs tens of
/// microseconds per row in change tracking, which is most of the time for 100,000 statements (half a million rows with
/// their topic links, citations and revisions).
/// </summary>
public abstract class RowInserter : IAsyncDisposable
{
    private readonly (IProperty Property, IClrPropertyGetter? Getter, Func<object?, object?> ToProvider)[] _columns;
    private readonly object?[] _values;

    private RowInserter(DbContext db, IEntityType entityType, bool includeKey)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Rows are only inserted inside the import's transaction.");
        }

        Table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        // Every mapped column, so a column added to the model later is written here too.
        _columns = [.. entityType.GetProperties().Where(p => includeKey || !p.IsPrimaryKey()).Select(property =>
        {
            var converter = property.GetTypeMapping().Converter;
            Func<object?, object?> toProvider = converter is null ? value => value : value => value is null ? null : converter.ConvertToProvider(value);
            // A shadow column has no getter on the entity: its value comes from the caller (InsertAsync(valueOf)).
            return (property, property.IsShadowProperty() ? null : property.GetGetter(), toProvider);
        })];
        _values = new object?[_columns.Length];
    }

    private StoreObjectIdentifier Table { get; }

    private IEnumerable<IProperty> Columns => _columns.Select(c => c.Property);

    /// <summary>Inserts rows of <typeparamref name="TEntity"/>; with <paramref name="includeKey"/>, the caller gives the ids.</summary>
    public static RowInserter For<TEntity>(DbContext db, bool includeKey) => Create(db, db.Model.FindEntityType(typeof(TEntity))!, includeKey);

    /// <summary>Inserts rows of a many-to-many link table, such as StatementTopics.</summary>
    public static RowInserter ForLinks(DbContext db, string linkTable) => Create(db, db.Model.FindEntityType(linkTable)!, includeKey: true);

    private static RowInserter Create(DbContext db, IEntityType entityType, bool includeKey) =>
        db.Database.GetDbConnection() is SqliteConnection
            ? new SqliteRows(db, entityType, includeKey)
            : new CommandRows(db, entityType, includeKey);

    /// <summary>Inserts one row, with each column's value from <paramref name="valueOf"/>.</summary>
    public ValueTask InsertAsync(Func<IProperty, object?> valueOf, CancellationToken cancellationToken)
    {
        // One row at a time (an import writes from one thread), so the array is reused.
        for (var i = 0; i < _columns.Length; i++)
        {
            _values[i] = _columns[i].ToProvider(valueOf(_columns[i].Property));
        }

        return InsertAsync(_values, cancellationToken);
    }

    /// <summary>Inserts one row with the values read from an entity.</summary>
    public ValueTask InsertAsync(object entity, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            var (property, getter, toProvider) = _columns[i];
            _values[i] = toProvider(getter is null
                ? throw new InvalidOperationException($"{property.Name} is a shadow property: insert with values.")
                : getter.GetClrValue(entity));
        }

        return InsertAsync(_values, cancellationToken);
    }

    /// <summary>Inserts one row of provider values, one for each column in order.</summary>
    protected abstract ValueTask InsertAsync(object?[] values, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    private string InsertSql(Func<int, string> parameter) =>
        $"INSERT INTO \"{Table.Name}\" ({string.Join(", ", Columns.Select(c => $"\"{c.GetColumnName(Table)}\""))}) "
        + $"VALUES ({string.Join(", ", Columns.Select((_, i) => parameter(i)))})";

    /// <summary>
    /// SQLite: each value bound by position to a prepared statement, which is stepped and reset. A prepared ADO.NET
    /// command would look every parameter up by name on every execution: microseconds a row, seconds an import.
    /// </summary>
    private sealed class SqliteRows : RowInserter
    {
        private readonly sqlite3 _connection;
        private readonly sqlite3_stmt _statement;
        private byte[] _utf8 = new byte[4096];

        public SqliteRows(DbContext db, IEntityType entityType, bool includeKey) : base(db, entityType, includeKey)
        {
            _connection = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
            Check(raw.sqlite3_prepare_v2(_connection, InsertSql(i => $"?{i + 1}"), out _statement));
        }

        protected override ValueTask InsertAsync(object?[] values, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                for (var i = 0; i < values.Length; i++)
                {
                    Check(Bind(i + 1, values[i]));
                }

                var result = raw.sqlite3_step(_statement);
                if (result != raw.SQLITE_DONE)
                {
                    Check(result);
                }
            }
            finally
            {
                // Every parameter is bound again for the next row, so the bindings need no clearing.
                raw.sqlite3_reset(_statement);
            }

            return ValueTask.CompletedTask;
        }

        /// <summary>
        /// Binds a value as Microsoft.Data.Sqlite binds EF Core's parameters for SQLite: what EF Core stores as text
        /// (GUIDs, dates, times, decimals) in the same text, so a row written here reads back exactly as one saved by
        /// EF Core (tested).
        /// </summary>
        private int Bind(int index, object? value) => value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            string text => BindText(index, text),
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            short number => raw.sqlite3_bind_int64(_statement, index, number),
            byte number => raw.sqlite3_bind_int64(_statement, index, number),
            bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
            double number => raw.sqlite3_bind_double(_statement, index, number),
            float number => raw.sqlite3_bind_double(_statement, index, number),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
            Guid guid => raw.sqlite3_bind_text16(_statement, index, guid.ToString().ToUpperInvariant()),
            DateTime time => raw.sqlite3_bind_text16(_statement, index, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            DateTimeOffset time => raw.sqlite3_bind_text16(_statement, index, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
            DateOnly date => raw.sqlite3_bind_text16(_statement, index, date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            decimal number => raw.sqlite3_bind_text16(_statement, index, number.ToString("0.0###########################", CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"The import cannot write a {value.GetType().Name} column; write it through EF Core or add it here."),
        };

        /// <summary>
        /// Text as UTF-8, the database's encoding, converted here into a buffer kept for the next row: SQLite converts
        /// UTF-16 a character at a time (2% of the CPU of a large import), .NET many at once.
        /// </summary>
        private int BindText(int index, string text)
        {
            if (text.Length == 0)
            {
                // An empty span would bind NULL.
                return raw.sqlite3_bind_text16(_statement, index, text);
            }

            var most = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (_utf8.Length < most)
            {
                _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
            }

            // SQLite copies the bytes (SQLITE_TRANSIENT), so the buffer may take the next value.
            return raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, _utf8)));
        }

        private void Check(int result)
        {
            if (result != raw.SQLITE_OK)
            {
                // The same exception Microsoft.Data.Sqlite throws, so a constraint or a full disk is handled as before.
                SqliteException.ThrowExceptionForRC(result, _connection);
            }
        }

        public override ValueTask DisposeAsync()
        {
            _statement.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Any other engine: a prepared command whose parameters are typed as EF Core types them.</summary>
    private sealed class CommandRows : RowInserter
    {
        private readonly DbCommand _command;
        private readonly DbParameter[] _parameters;

        public CommandRows(DbContext db, IEntityType entityType, bool includeKey) : base(db, entityType, includeKey)
        {
            _command = db.Database.GetDbConnection().CreateCommand();
            _command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            _parameters = [.. Columns.Select((property, i) =>
            {
                var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
                // Created through the type mapping, so the parameter is typed as EF Core types it (a Guid as text, say).
                return mapping.CreateParameter(_command, $"@p{i}", null, property.IsNullable);
            })];
            _command.Parameters.AddRange(_parameters);
            _command.CommandText = InsertSql(i => _parameters[i].ParameterName);
            _command.Prepare();
        }

        protected override async ValueTask InsertAsync(object?[] values, CancellationToken cancellationToken)
        {
            for (var i = 0; i < values.Length; i++)
            {
                _parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await _command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override ValueTask DisposeAsync() => _command.DisposeAsync();
    }
}
