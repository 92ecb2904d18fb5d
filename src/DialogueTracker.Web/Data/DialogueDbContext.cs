using DialogueTracker.Web.Model;
using DialogueTracker.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Data;

public sealed class DialogueDbContext(DbContextOptions<DialogueDbContext> options) : DbContext(options)
{
    public DbSet<Mechanism> Mechanisms => Set<Mechanism>();
    public DbSet<RoundSeries> RoundSeries => Set<RoundSeries>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Citation> Citations => Set<Citation>();
    public DbSet<SearchDocument> SearchDocuments => Set<SearchDocument>();
    public DbSet<SearchDocumentTopic> SearchDocumentTopics => Set<SearchDocumentTopic>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DialogueDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Dates are stored as their EDTF text, so the column says exactly what the source said.
        configurationBuilder.Properties<PartialDate>().HaveConversion<PartialDateConverter>().HaveMaxLength(64);
        configurationBuilder.Properties<Party>().HaveConversion<KebabCaseEnumConverter<Party>>().HaveMaxLength(32);
        configurationBuilder.Properties<RoundKind>().HaveConversion<KebabCaseEnumConverter<RoundKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<SourceKind>().HaveConversion<KebabCaseEnumConverter<SourceKind>>().HaveMaxLength(32);
    }
}
