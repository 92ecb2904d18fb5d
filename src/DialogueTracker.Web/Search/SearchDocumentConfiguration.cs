using DialogueTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DialogueTracker.Web.Search;

/// <summary>
/// Maps the search tables for reading. Their schema, the full-text table and the triggers that fill them are
/// raw SQL in the AddSearchIndex migration, so migrations must not try to create them from this model.
/// </summary>
public sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>, IEntityTypeConfiguration<SearchDocumentTopic>
{
    public void Configure(EntityTypeBuilder<SearchDocument> builder)
    {
        builder.ToTable("SearchDocuments", t => t.ExcludeFromMigrations());
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Type).HasConversion<KebabCaseEnumConverter<SearchRecordType>>();
    }

    public void Configure(EntityTypeBuilder<SearchDocumentTopic> builder)
    {
        builder.ToTable("SearchDocumentTopics", t => t.ExcludeFromMigrations());
        builder.HasKey(t => new { t.TopicId, t.DocumentId });
    }
}
