using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DialogueTracker.Web.Import;

/// <summary>
/// Inserts rows into one table with one prepared command, on EF Core's connection and inside its transaction, using
/// EF Core's column names and value conversions. A large import writes new records this way: SaveChanges costs tens of
/// microseconds per row in change tracking, which is most of the time for 100,000 statements.
/// </summary>
public sealed class RowInserter : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly (IProperty Property, DbParameter Parameter, Func<object?, object?> ToProvider)[] _columns;

    private RowInserter(DbContext db, IEntityType entityType, bool includeKey)
    {
        _command = db.Database.GetDbConnection().CreateCommand();
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rows are only inserted inside the import's transaction.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        // Every mapped column, so a column added to the model later is written here too.
        _columns = [.. entityType.GetProperties().Where(p => includeKey || !p.IsPrimaryKey()).Select((property, i) =>
        {
            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            // Created once through the type mapping, so the parameter is typed as EF Core types it (a Guid as text, say).
            var parameter = mapping.CreateParameter(_command, $"@p{i}", null, property.IsNullable);
            var converter = mapping.Converter;
            Func<object?, object?> toProvider = converter is null ? value => value : value => value is null ? null : converter.ConvertToProvider(value);
            return (property, parameter, toProvider);
        })];
        _command.Parameters.AddRange(_columns.Select(c => c.Parameter).ToArray());
        _command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Property.GetColumnName(table)}\""))}) "
            + $"VALUES ({string.Join(", ", _columns.Select(c => c.Parameter.ParameterName))})";
        _command.Prepare();
    }

    /// <summary>Inserts rows of <typeparamref name="TEntity"/>; with <paramref name="includeKey"/>, the caller gives the ids.</summary>
    public static RowInserter For<TEntity>(DbContext db, bool includeKey) => new(db, db.Model.FindEntityType(typeof(TEntity))!, includeKey);

    /// <summary>Inserts rows of a many-to-many link table, such as StatementTopics.</summary>
    public static RowInserter ForLinks(DbContext db, string linkTable) => new(db, db.Model.FindEntityType(linkTable)!, includeKey: true);

    /// <summary>Inserts one row, with each column's value from <paramref name="valueOf"/>.</summary>
    public async Task InsertAsync(Func<IProperty, object?> valueOf, CancellationToken cancellationToken)
    {
        foreach (var (property, parameter, toProvider) in _columns)
        {
            parameter.Value = toProvider(valueOf(property)) ?? DBNull.Value;
        }

        await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Inserts one row with the values read from an entity.</summary>
    public Task InsertAsync(object entity, CancellationToken cancellationToken) =>
        InsertAsync(property => property.GetGetter().GetClrValue(entity), cancellationToken);

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
