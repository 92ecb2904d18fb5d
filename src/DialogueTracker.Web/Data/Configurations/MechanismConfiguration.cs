using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DialogueTracker.Web.Data.Configurations;

public sealed class MechanismConfiguration : IEntityTypeConfiguration<Mechanism>
{
    public void Configure(EntityTypeBuilder<Mechanism> builder)
    {
        builder.HasIndex(m => m.Slug).IsUnique();
        builder.Property(m => m.Slug).HasMaxLength(100);
        builder.Property(m => m.NameEn).HasMaxLength(300);
        builder.Property(m => m.NameVi).HasMaxLength(300);
        builder.HasMany(m => m.Series).WithOne(s => s.Mechanism).HasForeignKey(s => s.MechanismId);
        builder.HasMany(m => m.Rounds).WithOne(r => r.Mechanism).HasForeignKey(r => r.MechanismId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
