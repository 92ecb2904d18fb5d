namespace DialogueTracker.Tests.Postgres;

// The integration tests again, each class on a PostgreSQL database of its own (PostgresFactory): pages, API, search,
// editing, import and export, caching. Same tests, same assertions; only the factory differs.

public sealed class RecordPagesOnPostgresTests(PostgresFactory factory) : Pages.RecordPagesTests(factory), IClassFixture<PostgresFactory>;
public sealed class TimelinePageOnPostgresTests(PostgresFactory factory) : Pages.TimelinePageTests(factory), IClassFixture<PostgresFactory>;
public sealed class ChartPagesOnPostgresTests(PostgresFactory factory) : Pages.ChartPagesTests(factory), IClassFixture<PostgresFactory>;
public sealed class LocalizationOnPostgresTests(PostgresFactory factory) : Pages.LocalizationTests(factory), IClassFixture<PostgresFactory>;
public sealed class EditingOnPostgresTests(PostgresFactory factory) : Pages.EditingTests(factory), IClassFixture<PostgresFactory>;
public sealed class RoundsApiOnPostgresTests(PostgresFactory factory) : Api.RoundsApiTests(factory), IClassFixture<PostgresFactory>;
public sealed class StatementsApiOnPostgresTests(PostgresFactory factory) : Api.StatementsApiTests(factory), IClassFixture<PostgresFactory>;
public sealed class StatementReadsOnPostgresTests(PostgresFactory factory) : Api.StatementReadsTests(factory), IClassFixture<PostgresFactory>;
public sealed class CatalogueApiOnPostgresTests(PostgresFactory factory) : Api.CatalogueApiTests(factory), IClassFixture<PostgresFactory>;
public sealed class WriteApiOnPostgresTests(PostgresFactory factory) : Api.WriteApiTests(factory), IClassFixture<PostgresFactory>;
public sealed class ConcernsApiOnPostgresTests(PostgresFactory factory) : Concerns.ConcernsApiTests(factory), IClassFixture<PostgresFactory>;
public sealed class ConcernSearchOnPostgresTests(PostgresFactory factory) : Concerns.ConcernSearchTests(factory), IClassFixture<PostgresFactory>;
public sealed class ConcernEditingOnPostgresTests(PostgresFactory factory) : Concerns.ConcernEditingTests(factory), IClassFixture<PostgresFactory>;
public sealed class ConcernPagesOnPostgresTests(PostgresFactory factory) : Concerns.ConcernPagesTests(factory), IClassFixture<PostgresFactory>;
public sealed class SearchApiOnPostgresTests(PostgresFactory factory) : Search.SearchApiTests(factory), IClassFixture<PostgresFactory>;
public sealed class SearchPageOnPostgresTests(PostgresFactory factory) : Search.SearchPageTests(factory), IClassFixture<PostgresFactory>;
public sealed class ExportImportOnPostgresTests(PostgresFactory factory) : Export.ExportImportTests(factory), IClassFixture<PostgresFactory>;
public sealed class CsvOnPostgresTests(PostgresFactory factory) : Export.CsvTests(factory), IClassFixture<PostgresFactory>;
public sealed class ImportPageOnPostgresTests(PostgresFactory factory) : Export.ImportPageTests(factory), IClassFixture<PostgresFactory>;
public sealed class DatasetImporterOnPostgresTests(PostgresFactory factory) : Import.DatasetImporterTests(factory), IClassFixture<PostgresFactory>;
public sealed class CachingOnPostgresTests(PostgresFactory factory) : Caching.CachingTests(factory), IClassFixture<PostgresFactory>;
public sealed class FeedOnPostgresTests(PostgresFactory factory) : Feeds.FeedTests(factory), IClassFixture<PostgresFactory>;
public sealed class BadInputOnPostgresTests(PostgresFactory.Unlimited factory) : Api.BadInputTests(factory), IClassFixture<PostgresFactory.Unlimited>;

public sealed class ConcurrencyOnPostgresTests(PostgresFactory.Unlimited factory) : Operations.ConcurrencyTests(factory), IClassFixture<PostgresFactory.Unlimited>
{
    private readonly PostgresFactory _postgres = factory;

    private protected override async Task AssertAllThereAsync(Operations.WriteLoad writes)
    {
        await using var scope = _postgres.CreateScope(out var db);
        await writes.AssertAllThereAsync(db);
    }
}
