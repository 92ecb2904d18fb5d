using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DialogueTracker.Web.Data.Configurations;

public sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> builder)
    {
        // No foreign keys to records or users: a revision must survive both.
        builder.HasIndex(r => new { r.RecordType, r.RecordId, r.Id });
        // The changes page lists who made revisions and filters by that name; the user id serves no query.
        builder.HasIndex(r => new { r.UserName, r.Id });
        builder.Property(r => r.RecordKey).HasMaxLength(100);
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.Property(r => r.Summary).HasMaxLength(500);
    }
}
