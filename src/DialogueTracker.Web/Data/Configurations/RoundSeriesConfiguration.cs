using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DialogueTracker.Web.Data.Configurations;

public sealed class RoundSeriesConfiguration : IEntityTypeConfiguration<RoundSeries>
{
    public void Configure(EntityTypeBuilder<RoundSeries> builder)
    {
        builder.HasIndex(s => new { s.MechanismId, s.Slug }).IsUnique();
        builder.Property(s => s.Slug).HasMaxLength(100);
        builder.Property(s => s.NameEn).HasMaxLength(300);
        builder.Property(s => s.NameVi).HasMaxLength(300);
    }
}
