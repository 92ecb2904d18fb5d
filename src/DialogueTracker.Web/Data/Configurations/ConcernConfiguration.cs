using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DialogueTracker.Web.Data.Configurations;

public sealed class ConcernConfiguration : IEntityTypeConfiguration<Concern>
{
    public void Configure(EntityTypeBuilder<Concern> builder)
    {
        // Soft-deleted records leave every query unless a caller asks with IgnoreQueryFilters().
        builder.HasQueryFilter(c => c.DeletedAt == null);
        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.HasIndex(c => c.Key).IsUnique();
        builder.Property(c => c.Key).HasMaxLength(100);
        builder.Property(c => c.TitleEn).HasMaxLength(500);
        builder.Property(c => c.TitleVi).HasMaxLength(500);
        builder.HasMany(c => c.Topics).WithMany(t => t.Concerns).UsingEntity("ConcernTopics");
        builder.HasMany(c => c.Mentions).WithOne(m => m.Concern).HasForeignKey(m => m.ConcernId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.StatusHistory).WithOne(s => s.Concern).HasForeignKey(s => s.ConcernId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ConcernMentionConfiguration : IEntityTypeConfiguration<ConcernMention>
{
    public void Configure(EntityTypeBuilder<ConcernMention> builder)
    {
        // Mentions live and die with their concern, so they share its filter.
        builder.HasQueryFilter(m => m.Concern.DeletedAt == null);
        builder.HasIndex(m => new { m.ConcernId, m.Key }).IsUnique();
        builder.Property(m => m.Key).HasMaxLength(100);
        builder.Property(m => m.Language).HasMaxLength(35);

        // A mention outlives the record it points at: the link goes, its words and citations stay.
        builder.HasOne(m => m.Round).WithMany().HasForeignKey(m => m.RoundId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(m => m.Statement).WithMany().HasForeignKey(m => m.StatementId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(m => m.Report).WithMany().HasForeignKey(m => m.ReportId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(m => m.RespondsTo).WithMany().HasForeignKey(m => m.RespondsToId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => m.RoundId);
        builder.HasIndex(m => m.StatementId);
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_ConcernMentions_OnePlace",
            "(CASE WHEN RoundId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN StatementId IS NULL THEN 0 ELSE 1 END)"
            + " + (CASE WHEN ReportId IS NULL THEN 0 ELSE 1 END) <= 1"));
    }
}

public sealed class ConcernStatusChangeConfiguration : IEntityTypeConfiguration<ConcernStatusChange>
{
    public void Configure(EntityTypeBuilder<ConcernStatusChange> builder)
    {
        builder.HasQueryFilter(s => s.Concern.DeletedAt == null);
        builder.HasIndex(s => new { s.ConcernId, s.DateEarliest });
    }
}
