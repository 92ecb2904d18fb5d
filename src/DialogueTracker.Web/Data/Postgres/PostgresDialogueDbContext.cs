using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Data.Postgres;

/// <summary>
/// The same model on PostgreSQL, as its own context type so that EF Core keeps PostgreSQL's migrations apart from
/// SQLite's (Data/Migrations/Postgres). It adds one table: the Data Protection keys, which several app instances share
/// so that a sign-in cookie or antiforgery token made by one is read by the others.
/// </summary>
public sealed class PostgresDialogueDbContext(DbContextOptions<PostgresDialogueDbContext> options) : DialogueDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
