using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DialogueTracker.Web.Data.Configurations;

public sealed class CitationConfiguration : IEntityTypeConfiguration<Citation>
{
    public void Configure(EntityTypeBuilder<Citation> builder)
    {
        // A citation belongs to exactly one record; CASE keeps the check portable across providers.
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_Citations_OneRecord",
            "(CASE WHEN MechanismId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN RoundId IS NULL THEN 0 ELSE 1 END)"
            + " + (CASE WHEN StatementId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN TopicId IS NULL THEN 0 ELSE 1 END)"
            + " + (CASE WHEN ConcernId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN ConcernMentionId IS NULL THEN 0 ELSE 1 END)"
            + " + (CASE WHEN ConcernStatusChangeId IS NULL THEN 0 ELSE 1 END) = 1"));

        builder.Property(c => c.ClaimField).HasMaxLength(50);
        builder.Property(c => c.ClaimValue).HasMaxLength(200);
        builder.Property(c => c.Locator).HasMaxLength(300);

        builder.HasOne(c => c.Source).WithMany(s => s.Citations).HasForeignKey(c => c.SourceId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Mechanism).WithMany(m => m.Citations).HasForeignKey(c => c.MechanismId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Round).WithMany(r => r.Citations).HasForeignKey(c => c.RoundId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Statement).WithMany(s => s.Citations).HasForeignKey(c => c.StatementId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Topic).WithMany(t => t.Citations).HasForeignKey(c => c.TopicId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Concern).WithMany(t => t.Citations).HasForeignKey(c => c.ConcernId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.ConcernMention).WithMany(m => m.Citations).HasForeignKey(c => c.ConcernMentionId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.ConcernStatusChange).WithMany(s => s.Citations).HasForeignKey(c => c.ConcernStatusChangeId)
            .OnDelete(DeleteBehavior.Cascade);

        // Each citation fills one of these seven columns and leaves six null: each index holds only the rows that name
        // its record (a lookup by value, or a join on it, implies not null, so it still serves them). Full indexes held
        // every row six times over for nothing, and building them took a fifth of a large import's index building.
        OnlyWhereSet(builder.HasIndex(c => c.MechanismId), nameof(Citation.MechanismId));
        OnlyWhereSet(builder.HasIndex(c => c.RoundId), nameof(Citation.RoundId));
        OnlyWhereSet(builder.HasIndex(c => c.StatementId), nameof(Citation.StatementId));
        OnlyWhereSet(builder.HasIndex(c => c.TopicId), nameof(Citation.TopicId));
        OnlyWhereSet(builder.HasIndex(c => c.ConcernId), nameof(Citation.ConcernId));
        OnlyWhereSet(builder.HasIndex(c => c.ConcernMentionId), nameof(Citation.ConcernMentionId));
        OnlyWhereSet(builder.HasIndex(c => c.ConcernStatusChangeId), nameof(Citation.ConcernStatusChangeId));
    }

    private static void OnlyWhereSet(IndexBuilder<Citation> index, string column) => index.HasFilter($"\"{column}\" IS NOT NULL");
}
