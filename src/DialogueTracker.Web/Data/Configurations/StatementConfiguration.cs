using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DialogueTracker.Web.Data.Configurations;

public sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> builder)
    {
        // Soft-deleted records leave every query unless a caller asks with IgnoreQueryFilters().
        builder.HasQueryFilter(s => s.DeletedAt == null);
        builder.Property(s => s.Version).IsConcurrencyToken();

        builder.HasIndex(s => s.Key).IsUnique();
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.TitleEn).HasMaxLength(500);
        builder.Property(s => s.TitleVi).HasMaxLength(500);
        builder.Property(s => s.Language).HasMaxLength(35);
        builder.Property(s => s.PartyName).HasMaxLength(200);
        builder.Property(s => s.Speaker).HasMaxLength(200);
        builder.Property(s => s.SpeakerRole).HasMaxLength(300);
        builder.HasIndex(s => new { s.DateEarliest, s.DateLatest });
        builder.HasIndex(s => new { s.Party, s.DateEarliest });
        builder.HasMany(s => s.Topics).WithMany(t => t.Statements).UsingEntity("StatementTopics");
    }
}
