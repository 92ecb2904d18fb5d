using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DialogueTracker.Web.Data.Configurations;

public sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> builder)
    {
        // Soft-deleted records leave every query unless a caller asks with IgnoreQueryFilters().
        builder.HasQueryFilter(r => r.DeletedAt == null);
        builder.Property(r => r.Version).IsConcurrencyToken();

        builder.HasIndex(r => r.Key).IsUnique();
        builder.Property(r => r.Key).HasMaxLength(100);
        builder.Property(r => r.TitleEn).HasMaxLength(500);
        builder.Property(r => r.TitleVi).HasMaxLength(500);
        builder.Property(r => r.Place).HasMaxLength(300);
        builder.HasIndex(r => new { r.DateEarliest, r.DateLatest });
        builder.HasIndex(r => new { r.MechanismId, r.DateEarliest });

        // A round number is unique within its series; rounds without a number are not constrained.
        builder.HasIndex(r => new { r.SeriesId, r.Number }).IsUnique();
        builder.HasOne(r => r.Series).WithMany().HasForeignKey(r => r.SeriesId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(r => r.Topics).WithMany(t => t.Rounds).UsingEntity("RoundTopics");
        builder.HasMany(r => r.Statements).WithOne(s => s.Round).HasForeignKey(s => s.RoundId)
            .OnDelete(DeleteBehavior.SetNull);
    }
}
