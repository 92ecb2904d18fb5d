using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DialogueTracker.Web.Data.Migrations
{
    /// <summary>
    /// The full-text index without FTS5's prefix indexes (it had them for 2 and 3 letters): each put every word into the
    /// index once more, and filling it for 100,000 statements took 2.19 s with both, 1.62 s with the 3-letter one and
    /// 1.19 s with neither. Prefix searches (<c>quy*</c>) are answered from the words' own entries instead, as FTS5 does
    /// for any prefix length it has no index for; measured on 100,000 statements, each prefix search took the same time
    /// within 3 ms (quy* 59/62 ms, secur* 25/25, hum* 45/48, viet* 62/62; 2 letters: nh* 106/114).
    /// The index is rebuilt from the documents, folding đ as the triggers do.
    /// </summary>
    public partial class SearchIndexWithoutPrefixIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, prefixes: "");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, prefixes: ",\n    prefix='2 3'");

        private static void Rebuild(MigrationBuilder migrationBuilder, string prefixes)
        {
            // The triggers on SearchDocuments name SearchIndex and stay: SQLite looks the table up when they run.
            // 'hashsize' as ImportWriter sets it for a bulk fill, then the default again.
            migrationBuilder.Sql($"""
                DROP TABLE SearchIndex;
                CREATE VIRTUAL TABLE SearchIndex USING fts5(
                    Title, Body, Topics,
                    content='SearchDocuments', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 2'{prefixes}
                );
                INSERT INTO SearchIndex (SearchIndex, rank) VALUES ('hashsize', 67108864);
                INSERT INTO SearchIndex (rowid, Title, Body, Topics)
                SELECT Id, {Fold("Title")}, {Fold("Body")}, {Fold("Topics")} FROM SearchDocuments;
                INSERT INTO SearchIndex (SearchIndex, rank) VALUES ('hashsize', 1048576);
                UPDATE SearchIndexVersion SET Version = Version + 1;
                """);
        }

        private static string Fold(string expression) => $"replace(replace({expression}, 'đ', 'd'), 'Đ', 'D')";
    }
}
