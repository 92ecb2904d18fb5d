using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DialogueTracker.Web.Data.Migrations
{
    /// <summary>
    /// Full-text search over rounds, statements, topics and sources, kept in step by triggers so that every
    /// writer (EF, the importer, the sqlite3 shell) updates it. SearchDocuments holds each record's text as
    /// written plus the fields results are filtered and counted by; SearchIndex is an FTS5 table over it whose
    /// tokens are the same text with đ/Đ folded to d/D (unicode61 folds the other Vietnamese marks but not đ,
    /// which Unicode does not decompose). Folding keeps every token's position, so snippet() over the original
    /// text marks the right words. Because the index holds folded text, never run FTS5's 'rebuild' on it:
    /// refill it with 'delete-all' and the backfill at the end of Up instead.
    /// The SQL is written out here, not shared with app code, so this migration stays what it was when applied.
    /// </summary>
    public partial class AddSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE SearchDocuments (
                    Id INTEGER NOT NULL PRIMARY KEY,
                    Type TEXT NOT NULL,
                    RecordId INTEGER NOT NULL,
                    Slug TEXT NULL,
                    Party TEXT NULL,
                    MechanismId INTEGER NULL,
                    Year INTEGER NULL,
                    DateEarliest TEXT NULL,
                    Date TEXT NULL,
                    Label TEXT NOT NULL,
                    Title TEXT NOT NULL,
                    Body TEXT NULL,
                    Topics TEXT NULL
                );
                """);

            // Facet counts read these fields for every match; a covering index keeps the wide text out of that read.
            migrationBuilder.Sql("CREATE INDEX IX_SearchDocuments_Facets ON SearchDocuments (Id, Type, Party, MechanismId, Year, DateEarliest);");

            migrationBuilder.Sql("""
                CREATE TABLE SearchDocumentTopics (
                    TopicId INTEGER NOT NULL,
                    DocumentId INTEGER NOT NULL,
                    PRIMARY KEY (TopicId, DocumentId)
                ) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("CREATE INDEX IX_SearchDocumentTopics_DocumentId ON SearchDocumentTopics (DocumentId, TopicId);");

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE SearchIndex USING fts5(
                    Title, Body, Topics,
                    content='SearchDocuments', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 2',
                    prefix='2 3'
                );
                """);

            // Bumped by every change to the index, so cached search results can tell when they are stale.
            migrationBuilder.Sql("CREATE TABLE SearchIndexVersion (Id INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1), Version INTEGER NOT NULL);");
            migrationBuilder.Sql("INSERT INTO SearchIndexVersion (Id, Version) VALUES (1, 0);");

            migrationBuilder.Sql($"""
                CREATE TRIGGER SearchDocuments_Insert AFTER INSERT ON SearchDocuments BEGIN
                    INSERT INTO SearchIndex (rowid, Title, Body, Topics) VALUES (new.Id, {Fold("new.Title")}, {Fold("new.Body")}, {Fold("new.Topics")});
                    UPDATE SearchIndexVersion SET Version = Version + 1;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER SearchDocuments_Delete AFTER DELETE ON SearchDocuments BEGIN
                    INSERT INTO SearchIndex (SearchIndex, rowid, Title, Body, Topics) VALUES ('delete', old.Id, {Fold("old.Title")}, {Fold("old.Body")}, {Fold("old.Topics")});
                    UPDATE SearchIndexVersion SET Version = Version + 1;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER SearchDocuments_Update AFTER UPDATE ON SearchDocuments BEGIN
                    INSERT INTO SearchIndex (SearchIndex, rowid, Title, Body, Topics) VALUES ('delete', old.Id, {Fold("old.Title")}, {Fold("old.Body")}, {Fold("old.Topics")});
                    INSERT INTO SearchIndex (rowid, Title, Body, Topics) VALUES (new.Id, {Fold("new.Title")}, {Fold("new.Body")}, {Fold("new.Topics")});
                    UPDATE SearchIndexVersion SET Version = Version + 1;
                END;
                """);

            // Statements: their own text, their round's mechanism, their topics' names.
            migrationBuilder.Sql($"""
                CREATE TRIGGER Statements_Search_Insert AFTER INSERT ON Statements BEGIN
                    {StatementDocuments("s.Id = new.Id")}
                END;
                CREATE TRIGGER Statements_Search_Update AFTER UPDATE ON Statements BEGIN
                    DELETE FROM SearchDocuments WHERE Id = old.Id * 4 + 1;
                    {StatementDocuments("s.Id = new.Id")}
                END;
                CREATE TRIGGER Statements_Search_Delete AFTER DELETE ON Statements BEGIN
                    DELETE FROM SearchDocuments WHERE Id = old.Id * 4 + 1;
                    DELETE FROM SearchDocumentTopics WHERE DocumentId = old.Id * 4 + 1;
                END;
                CREATE TRIGGER StatementTopics_Search_Insert AFTER INSERT ON StatementTopics BEGIN
                    INSERT OR IGNORE INTO SearchDocumentTopics (TopicId, DocumentId) VALUES (new.TopicsId, new.StatementsId * 4 + 1);
                    DELETE FROM SearchDocuments WHERE Id = new.StatementsId * 4 + 1;
                    {StatementDocuments("s.Id = new.StatementsId")}
                END;
                CREATE TRIGGER StatementTopics_Search_Delete AFTER DELETE ON StatementTopics BEGIN
                    DELETE FROM SearchDocumentTopics WHERE TopicId = old.TopicsId AND DocumentId = old.StatementsId * 4 + 1;
                    DELETE FROM SearchDocuments WHERE Id = old.StatementsId * 4 + 1;
                    {StatementDocuments("s.Id = old.StatementsId")}
                END;
                """);

            // Rounds: their own text and topics; a round moved to another mechanism moves its statements too.
            migrationBuilder.Sql($"""
                CREATE TRIGGER Rounds_Search_Insert AFTER INSERT ON Rounds BEGIN
                    {RoundDocuments("r.Id = new.Id")}
                END;
                CREATE TRIGGER Rounds_Search_Update AFTER UPDATE ON Rounds BEGIN
                    DELETE FROM SearchDocuments WHERE Id = old.Id * 4;
                    {RoundDocuments("r.Id = new.Id")}
                END;
                CREATE TRIGGER Rounds_Search_Mechanism AFTER UPDATE OF MechanismId ON Rounds WHEN old.MechanismId IS NOT new.MechanismId BEGIN
                    UPDATE SearchDocuments SET MechanismId = new.MechanismId
                    WHERE Id IN (SELECT Id * 4 + 1 FROM Statements WHERE RoundId = new.Id);
                END;
                CREATE TRIGGER Rounds_Search_Delete AFTER DELETE ON Rounds BEGIN
                    DELETE FROM SearchDocuments WHERE Id = old.Id * 4;
                    DELETE FROM SearchDocumentTopics WHERE DocumentId = old.Id * 4;
                END;
                CREATE TRIGGER RoundTopics_Search_Insert AFTER INSERT ON RoundTopics BEGIN
                    INSERT OR IGNORE INTO SearchDocumentTopics (TopicId, DocumentId) VALUES (new.TopicsId, new.RoundsId * 4);
                    DELETE FROM SearchDocuments WHERE Id = new.RoundsId * 4;
                    {RoundDocuments("r.Id = new.RoundsId")}
                END;
                CREATE TRIGGER RoundTopics_Search_Delete AFTER DELETE ON RoundTopics BEGIN
                    DELETE FROM SearchDocumentTopics WHERE TopicId = old.TopicsId AND DocumentId = old.RoundsId * 4;
                    DELETE FROM SearchDocuments WHERE Id = old.RoundsId * 4;
                    {RoundDocuments("r.Id = old.RoundsId")}
                END;
                """);

            // Topics: their own document, and their names inside every round and statement that carries them.
            migrationBuilder.Sql($"""
                CREATE TRIGGER Topics_Search_Insert AFTER INSERT ON Topics BEGIN
                    INSERT OR IGNORE INTO SearchDocumentTopics (TopicId, DocumentId) VALUES (new.Id, new.Id * 4 + 2);
                    {TopicDocuments("t.Id = new.Id")}
                END;
                CREATE TRIGGER Topics_Search_Update AFTER UPDATE ON Topics BEGIN
                    DELETE FROM SearchDocuments WHERE Id = old.Id * 4 + 2;
                    {TopicDocuments("t.Id = new.Id")}
                END;
                CREATE TRIGGER Topics_Search_Rename AFTER UPDATE OF NameEn, NameVi ON Topics
                WHEN old.NameEn IS NOT new.NameEn OR old.NameVi IS NOT new.NameVi BEGIN
                    DELETE FROM SearchDocuments WHERE Id IN (SELECT StatementsId * 4 + 1 FROM StatementTopics WHERE TopicsId = new.Id);
                    {StatementDocuments("s.Id IN (SELECT StatementsId FROM StatementTopics WHERE TopicsId = new.Id)")}
                    DELETE FROM SearchDocuments WHERE Id IN (SELECT RoundsId * 4 FROM RoundTopics WHERE TopicsId = new.Id);
                    {RoundDocuments("r.Id IN (SELECT RoundsId FROM RoundTopics WHERE TopicsId = new.Id)")}
                END;
                CREATE TRIGGER Topics_Search_Delete AFTER DELETE ON Topics BEGIN
                    DELETE FROM SearchDocuments WHERE Id = old.Id * 4 + 2;
                    DELETE FROM SearchDocumentTopics WHERE TopicId = old.Id;
                END;
                """);

            migrationBuilder.Sql($"""
                CREATE TRIGGER Sources_Search_Insert AFTER INSERT ON Sources BEGIN
                    {SourceDocuments("o.Id = new.Id")}
                END;
                CREATE TRIGGER Sources_Search_Update AFTER UPDATE ON Sources BEGIN
                    DELETE FROM SearchDocuments WHERE Id = old.Id * 4 + 3;
                    {SourceDocuments("o.Id = new.Id")}
                END;
                CREATE TRIGGER Sources_Search_Delete AFTER DELETE ON Sources BEGIN
                    DELETE FROM SearchDocuments WHERE Id = old.Id * 4 + 3;
                END;
                """);

            // Backfill what is already there; the triggers on SearchDocuments fill the full-text index.
            migrationBuilder.Sql("INSERT INTO SearchDocumentTopics (TopicId, DocumentId) SELECT TopicsId, StatementsId * 4 + 1 FROM StatementTopics;");
            migrationBuilder.Sql("INSERT INTO SearchDocumentTopics (TopicId, DocumentId) SELECT TopicsId, RoundsId * 4 FROM RoundTopics;");
            migrationBuilder.Sql("INSERT INTO SearchDocumentTopics (TopicId, DocumentId) SELECT Id, Id * 4 + 2 FROM Topics;");
            migrationBuilder.Sql(RoundDocuments("1"));
            migrationBuilder.Sql(StatementDocuments("1"));
            migrationBuilder.Sql(TopicDocuments("1"));
            migrationBuilder.Sql(SourceDocuments("1"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "Statements", "StatementTopics", "Rounds", "RoundTopics", "Topics", "Sources" })
            {
                foreach (var action in new[] { "Insert", "Update", "Delete" })
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_Search_{action};");
                }
            }

            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Rounds_Search_Mechanism;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Topics_Search_Rename;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS SearchIndex;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS SearchDocumentTopics;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS SearchDocuments;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS SearchIndexVersion;");
        }

        // đ and Đ have no Unicode decomposition, so unicode61's remove_diacritics keeps them; fold them here,
        // in plain SQL, exactly as SearchText.Fold does for queries.
        private static string Fold(string expression) => $"replace(replace({expression}, 'đ', 'd'), 'Đ', 'D')";

        // Joins non-empty parts with line breaks; plain || and ifnull, so older sqlite3 shells run the triggers too.
        private static string Lines(params string[] parts) =>
            "nullif(" + string.Join(" || ", parts.Select((p, i) => i == 0 ? $"ifnull({p}, '')" : $"ifnull(char(10) || {p}, '')")) + ", '')";

        private static string TopicNames(string linkTable, string recordColumn, string recordId) =>
            $"(SELECT group_concat(t.NameEn || char(10) || t.NameVi, char(10)) FROM {linkTable} l JOIN Topics t ON t.Id = l.TopicsId WHERE l.{recordColumn} = {recordId})";

        private static string StatementDocuments(string where) => $"""
            INSERT INTO SearchDocuments (Id, Type, RecordId, Slug, Party, MechanismId, Year, DateEarliest, Date, Label, Title, Body, Topics)
            SELECT s.Id * 4 + 1, 'statement', s.Id, NULL, s.Party, r.MechanismId, CAST(substr(s.DateEarliest, 1, 4) AS INTEGER), s.DateEarliest, s.Date,
                s.TitleEn,
                {Lines("s.TitleEn", "s.TitleVi")},
                {Lines("s.Speaker", "s.SpeakerRole", "s.PartyName", "s.Occasion", "s.InResponseTo", "s.SummaryEn", "s.SummaryVi", "s.Quote")},
                {TopicNames("StatementTopics", "StatementsId", "s.Id")}
            FROM Statements s LEFT JOIN Rounds r ON r.Id = s.RoundId
            WHERE {where};
            """;

        private static string RoundDocuments(string where) => $"""
            INSERT INTO SearchDocuments (Id, Type, RecordId, Slug, Party, MechanismId, Year, DateEarliest, Date, Label, Title, Body, Topics)
            SELECT r.Id * 4, 'round', r.Id, NULL, NULL, r.MechanismId, CAST(substr(r.DateEarliest, 1, 4) AS INTEGER), r.DateEarliest, r.Date,
                r.TitleEn,
                {Lines("r.TitleEn", "r.TitleVi")},
                {Lines("r.Place", "r.SummaryEn", "r.SummaryVi")},
                {TopicNames("RoundTopics", "RoundsId", "r.Id")}
            FROM Rounds r
            WHERE {where};
            """;

        private static string TopicDocuments(string where) => $"""
            INSERT INTO SearchDocuments (Id, Type, RecordId, Slug, Party, MechanismId, Year, DateEarliest, Date, Label, Title, Body, Topics)
            SELECT t.Id * 4 + 2, 'topic', t.Id, t.Slug, NULL, NULL, NULL, NULL, NULL,
                t.NameEn,
                {Lines("t.NameEn", "t.NameVi")},
                {Lines("t.DescriptionEn", "t.DescriptionVi")},
                NULL
            FROM Topics t
            WHERE {where};
            """;

        // A source's date is EDTF text (2020, 2020-02, 2021?-06-24, a/b): its earliest day is the first end,
        // without qualifiers, padded to a whole day.
        private static string SourceDocuments(string where)
        {
            var start = "rtrim(substr(o.PublishedOn || '/', 1, instr(o.PublishedOn || '/', '/') - 1))";
            var plain = $"replace(replace(replace({start}, '?', ''), '~', ''), '%', '')";
            var earliest = $"CASE length({plain}) WHEN 4 THEN {plain} || '-01-01' WHEN 7 THEN {plain} || '-01' WHEN 10 THEN {plain} END";
            return $"""
                INSERT INTO SearchDocuments (Id, Type, RecordId, Slug, Party, MechanismId, Year, DateEarliest, Date, Label, Title, Body, Topics)
                SELECT o.Id * 4 + 3, 'source', o.Id, NULL, NULL, NULL, CAST(substr({plain}, 1, 4) AS INTEGER), {earliest}, o.PublishedOn,
                    ifnull(o.Title, o.Key),
                    ifnull(o.Title, o.Key),
                    {Lines("o.Publisher", "o.Notes")},
                    NULL
                FROM Sources o
                WHERE {where};
                """;
        }
    }
}
