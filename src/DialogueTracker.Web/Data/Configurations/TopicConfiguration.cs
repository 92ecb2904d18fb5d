using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DialogueTracker.Web.Data.Configurations;

public sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        // Soft-deleted records leave every query unless a caller asks with IgnoreQueryFilters().
        builder.HasQueryFilter(t => t.DeletedAt == null);
        builder.Property(t => t.Version).IsConcurrencyToken();

        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Slug).HasMaxLength(100);
        builder.Property(t => t.NameEn).HasMaxLength(300);
        builder.Property(t => t.NameVi).HasMaxLength(300);
        builder.HasOne(t => t.Parent).WithMany(t => t.Children).HasForeignKey(t => t.ParentId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
