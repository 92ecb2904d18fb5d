using DialogueTracker.Web.Model;
using DialogueTracker.Web.Search;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Data;

/// <summary>
/// The record and the people who keep it (ASP.NET Core Identity), in one database. This type's migrations are SQLite's;
/// <see cref="Postgres.PostgresDialogueDbContext"/> is the same model with PostgreSQL's migrations (docs/decisions/0008).
/// Contexts are pooled (AddDbContextPool): this type keeps no state of its own, which a context reused would carry over.
/// </summary>
public class DialogueDbContext : IdentityDbContext<EditorUser>
{
    public DialogueDbContext(DbContextOptions<DialogueDbContext> options) : base(options)
    {
    }

    /// <summary>For a provider's own context type, which EF Core keeps a migration set for.</summary>
    protected DialogueDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Mechanism> Mechanisms => Set<Mechanism>();
    public DbSet<RoundSeries> RoundSeries => Set<RoundSeries>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Citation> Citations => Set<Citation>();
    public DbSet<Concern> Concerns => Set<Concern>();
    public DbSet<ConcernMention> ConcernMentions => Set<ConcernMention>();
    public DbSet<ConcernStatusChange> ConcernStatusChanges => Set<ConcernStatusChange>();
    public DbSet<SearchDocument> SearchDocuments => Set<SearchDocument>();
    public DbSet<SearchDocumentTopic> SearchDocumentTopics => Set<SearchDocumentTopic>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DialogueDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Dates are stored as their EDTF text, so the column says exactly what the source said.
        configurationBuilder.Properties<PartialDate>().HaveConversion<PartialDateConverter>().HaveMaxLength(64);
        configurationBuilder.Properties<Party>().HaveConversion<KebabCaseEnumConverter<Party>>().HaveMaxLength(32);
        configurationBuilder.Properties<RoundKind>().HaveConversion<KebabCaseEnumConverter<RoundKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<SourceKind>().HaveConversion<KebabCaseEnumConverter<SourceKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<RecordType>().HaveConversion<KebabCaseEnumConverter<RecordType>>().HaveMaxLength(32);
        configurationBuilder.Properties<ConcernStatus>().HaveConversion<KebabCaseEnumConverter<ConcernStatus>>().HaveMaxLength(32);
        configurationBuilder.Properties<MentionKind>().HaveConversion<KebabCaseEnumConverter<MentionKind>>().HaveMaxLength(32);
        configurationBuilder.Properties<RevisionAction>().HaveConversion<KebabCaseEnumConverter<RevisionAction>>().HaveMaxLength(32);
    }
}
