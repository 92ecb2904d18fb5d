using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DialogueTracker.Web.Data.Configurations;

public sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        // Soft-deleted records leave every query unless a caller asks with IgnoreQueryFilters().
        builder.HasQueryFilter(s => s.DeletedAt == null);
        builder.Property(s => s.Version).IsConcurrencyToken();

        builder.HasIndex(s => s.Key).IsUnique();
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.Title).HasMaxLength(500);
        builder.Property(s => s.Publisher).HasMaxLength(300);
        builder.Property(s => s.Url).HasMaxLength(2000);
        builder.Property(s => s.Language).HasMaxLength(35);
        builder.HasOne(s => s.Original).WithMany().HasForeignKey(s => s.OriginalId).OnDelete(DeleteBehavior.Restrict);
    }
}
