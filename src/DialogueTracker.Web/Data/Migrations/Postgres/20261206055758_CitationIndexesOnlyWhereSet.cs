using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DialogueTracker.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Citations' indexes on the seven columns that name a citation's record hold only the rows that name one
    /// (see CitationConfiguration).
    /// </summary>
    public partial class CitationIndexesOnlyWhereSet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Citations_ConcernId",
                table: "Citations");

            migrationBuilder.DropIndex(
                name: "IX_Citations_ConcernMentionId",
                table: "Citations");

            migrationBuilder.DropIndex(
                name: "IX_Citations_ConcernStatusChangeId",
                table: "Citations");

            migrationBuilder.DropIndex(
                name: "IX_Citations_MechanismId",
                table: "Citations");

            migrationBuilder.DropIndex(
                name: "IX_Citations_RoundId",
                table: "Citations");

            migrationBuilder.DropIndex(
                name: "IX_Citations_StatementId",
                table: "Citations");

            migrationBuilder.DropIndex(
                name: "IX_Citations_TopicId",
                table: "Citations");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_ConcernId",
                table: "Citations",
                column: "ConcernId",
                filter: "\"ConcernId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_ConcernMentionId",
                table: "Citations",
                column: "ConcernMentionId",
                filter: "\"ConcernMentionId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_ConcernStatusChangeId",
                table: "Citations",
                column: "ConcernStatusChangeId",
                filter: "\"ConcernStatusChangeId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_MechanismId",
                table: "Citations",
                column: "MechanismId",
                filter: "\"MechanismId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_RoundId",
                table: "Citations",
                column: "RoundId",
                filter: "\"RoundId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_StatementId",
                table: "Citations",
                column: "StatementId",
                filter: "\"StatementId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_TopicId",
                table: "Citations",
                column: "TopicId",
                filter: "\"TopicId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Citations_ConcernId",
                table: "Citations");

            migrationBuilder.DropIndex(
                name: "IX_Citations_ConcernMentionId",
                table: "Citations");

            migrationBuilder.DropIndex(
                name: "IX_Citations_ConcernStatusChangeId",
                table: "Citations");

            migrationBuilder.DropIndex(
                name: "IX_Citations_MechanismId",
                table: "Citations");

            migrationBuilder.DropIndex(
                name: "IX_Citations_RoundId",
                table: "Citations");

            migrationBuilder.DropIndex(
                name: "IX_Citations_StatementId",
                table: "Citations");

            migrationBuilder.DropIndex(
                name: "IX_Citations_TopicId",
                table: "Citations");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_ConcernId",
                table: "Citations",
                column: "ConcernId");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_ConcernMentionId",
                table: "Citations",
                column: "ConcernMentionId");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_ConcernStatusChangeId",
                table: "Citations",
                column: "ConcernStatusChangeId");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_MechanismId",
                table: "Citations",
                column: "MechanismId");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_RoundId",
                table: "Citations",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_StatementId",
                table: "Citations",
                column: "StatementId");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_TopicId",
                table: "Citations",
                column: "TopicId");
        }
    }
}
