using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DialogueTracker.Web.Data.Migrations
{
    /// <summary>
    /// Concerns in search: one document each, holding its titles, summaries and what its mentions say. Documents of
    /// the first four types take ids record id × 4 + type; concerns came after every slot was used, so a concern's
    /// document id is minus its id, a range of its own that no other document can take.
    /// </summary>
    public partial class ConcernsInSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER Concerns_Search_Insert AFTER INSERT ON Concerns BEGIN
                    {ConcernDocuments("c.Id = new.Id")}
                END;
                CREATE TRIGGER Concerns_Search_Update AFTER UPDATE ON Concerns BEGIN
                    DELETE FROM SearchDocuments WHERE Id = -old.Id;
                    {ConcernDocuments("c.Id = new.Id")}
                END;
                CREATE TRIGGER Concerns_Search_Delete AFTER DELETE ON Concerns BEGIN
                    DELETE FROM SearchDocuments WHERE Id = -old.Id;
                    DELETE FROM SearchDocumentTopics WHERE DocumentId = -old.Id;
                END;
                CREATE TRIGGER ConcernTopics_Search_Insert AFTER INSERT ON ConcernTopics BEGIN
                    INSERT OR IGNORE INTO SearchDocumentTopics (TopicId, DocumentId) VALUES (new.TopicsId, -new.ConcernsId);
                    DELETE FROM SearchDocuments WHERE Id = -new.ConcernsId;
                    {ConcernDocuments("c.Id = new.ConcernsId")}
                END;
                CREATE TRIGGER ConcernTopics_Search_Delete AFTER DELETE ON ConcernTopics BEGIN
                    DELETE FROM SearchDocumentTopics WHERE TopicId = old.TopicsId AND DocumentId = -old.ConcernsId;
                    DELETE FROM SearchDocuments WHERE Id = -old.ConcernsId;
                    {ConcernDocuments("c.Id = old.ConcernsId")}
                END;
                CREATE TRIGGER ConcernMentions_Search_Insert AFTER INSERT ON ConcernMentions BEGIN
                    DELETE FROM SearchDocuments WHERE Id = -new.ConcernId;
                    {ConcernDocuments("c.Id = new.ConcernId")}
                END;
                CREATE TRIGGER ConcernMentions_Search_Update AFTER UPDATE OF SummaryEn, SummaryVi, Quote, ConcernId ON ConcernMentions BEGIN
                    DELETE FROM SearchDocuments WHERE Id IN (-old.ConcernId, -new.ConcernId);
                    {ConcernDocuments("c.Id IN (old.ConcernId, new.ConcernId)")}
                END;
                CREATE TRIGGER ConcernMentions_Search_Delete AFTER DELETE ON ConcernMentions BEGIN
                    DELETE FROM SearchDocuments WHERE Id = -old.ConcernId;
                    {ConcernDocuments("c.Id = old.ConcernId")}
                END;
                CREATE TRIGGER Topics_Search_RenameInConcerns AFTER UPDATE OF NameEn, NameVi ON Topics
                WHEN old.NameEn IS NOT new.NameEn OR old.NameVi IS NOT new.NameVi BEGIN
                    DELETE FROM SearchDocuments WHERE Id IN (SELECT -ConcernsId FROM ConcernTopics WHERE TopicsId = new.Id);
                    {ConcernDocuments("c.Id IN (SELECT ConcernsId FROM ConcernTopics WHERE TopicsId = new.Id)")}
                END;
                """);

            // A soft-deleted concern leaves search like every other record.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS SearchDocuments_SkipDeleted;");
            migrationBuilder.Sql(SkipDeleted(withConcerns: true));

            migrationBuilder.Sql("INSERT OR IGNORE INTO SearchDocumentTopics (TopicId, DocumentId) SELECT TopicsId, -ConcernsId FROM ConcernTopics;");
            migrationBuilder.Sql(ConcernDocuments("1"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[]
            {
                "Concerns_Search_Insert", "Concerns_Search_Update", "Concerns_Search_Delete", "ConcernTopics_Search_Insert",
                "ConcernTopics_Search_Delete", "ConcernMentions_Search_Insert", "ConcernMentions_Search_Update",
                "ConcernMentions_Search_Delete", "Topics_Search_RenameInConcerns", "SearchDocuments_SkipDeleted",
            })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }

            migrationBuilder.Sql(SkipDeleted(withConcerns: false));
            migrationBuilder.Sql("DELETE FROM SearchDocumentTopics WHERE DocumentId < 0;");
            migrationBuilder.Sql("DELETE FROM SearchDocuments WHERE Type = 'concern';");
        }

        private static string SkipDeleted(bool withConcerns) => $"""
            CREATE TRIGGER SearchDocuments_SkipDeleted BEFORE INSERT ON SearchDocuments
            WHEN (new.Type = 'statement' AND EXISTS (SELECT 1 FROM Statements WHERE Id = new.RecordId AND DeletedAt IS NOT NULL))
              OR (new.Type = 'round' AND EXISTS (SELECT 1 FROM Rounds WHERE Id = new.RecordId AND DeletedAt IS NOT NULL))
              OR (new.Type = 'topic' AND EXISTS (SELECT 1 FROM Topics WHERE Id = new.RecordId AND DeletedAt IS NOT NULL))
              OR (new.Type = 'source' AND EXISTS (SELECT 1 FROM Sources WHERE Id = new.RecordId AND DeletedAt IS NOT NULL))
              {(withConcerns ? "OR (new.Type = 'concern' AND EXISTS (SELECT 1 FROM Concerns WHERE Id = new.RecordId AND DeletedAt IS NOT NULL))" : "")}
            BEGIN
                SELECT RAISE(IGNORE);
            END;
            """;

        // Joins non-empty parts with line breaks, as the AddSearchIndex migration does; the SearchDocuments triggers fold đ/Đ.
        private static string Lines(params string[] parts) =>
            "nullif(" + string.Join(" || ", parts.Select((p, i) => i == 0 ? $"ifnull({p}, '')" : $"ifnull(char(10) || {p}, '')")) + ", '')";

        private static string ConcernDocuments(string where) => $"""
            INSERT INTO SearchDocuments (Id, Type, RecordId, Slug, Party, MechanismId, Year, DateEarliest, Date, Label, Title, Body, Topics)
            SELECT -c.Id, 'concern', c.Id, NULL, c.RaisedBy, NULL, NULL, NULL, NULL,
                c.TitleEn,
                {Lines("c.TitleEn", "c.TitleVi")},
                {Lines("c.SummaryEn", "c.SummaryVi", $"(SELECT group_concat({Lines("m.SummaryEn", "m.SummaryVi", "m.Quote")}, char(10)) FROM ConcernMentions m WHERE m.ConcernId = c.Id)")},
                (SELECT group_concat(t.NameEn || char(10) || t.NameVi, char(10)) FROM ConcernTopics l JOIN Topics t ON t.Id = l.TopicsId WHERE l.ConcernsId = c.Id)
            FROM Concerns c
            WHERE {where};
            """;
    }
}
