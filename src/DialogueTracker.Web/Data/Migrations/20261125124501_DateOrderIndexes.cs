using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DialogueTracker.Web.Data.Migrations
{
    /// <summary>
    /// Indexes in the lists' own order (<see cref="Timeline.DateOrder"/>: undated last, earliest day, latest day, id),
    /// over records that are not deleted, so a page of a list is read from the index instead of sorting every record,
    /// and a count walks the index rather than the table. Expression and partial indexes: EF's model cannot express
    /// them, so they are plain SQL here.
    /// </summary>
    public partial class DateOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX IX_Statements_DateOrder ON Statements ((DateEarliest IS NULL), DateEarliest, DateLatest, Id) WHERE DeletedAt IS NULL;
                CREATE INDEX IX_Rounds_DateOrder ON Rounds ((DateEarliest IS NULL), DateEarliest, DateLatest, Id) WHERE DeletedAt IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS IX_Statements_DateOrder; DROP INDEX IF EXISTS IX_Rounds_DateOrder;");
        }
    }
}
