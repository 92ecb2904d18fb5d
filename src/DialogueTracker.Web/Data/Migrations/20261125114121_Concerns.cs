using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DialogueTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Concerns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Citations_OneRecord",
                table: "Citations");

            migrationBuilder.AddColumn<int>(
                name: "ConcernId",
                table: "Citations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConcernMentionId",
                table: "Citations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConcernStatusChangeId",
                table: "Citations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Concerns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AddressedTo = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TitleVi = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SummaryEn = table.Column<string>(type: "TEXT", nullable: true),
                    SummaryVi = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Concerns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConcernMentions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConcernId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Date = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DateEarliest = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateNote = table.Column<string>(type: "TEXT", nullable: true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: true),
                    StatementId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: true),
                    RespondsToId = table.Column<int>(type: "INTEGER", nullable: true),
                    SummaryEn = table.Column<string>(type: "TEXT", nullable: true),
                    SummaryVi = table.Column<string>(type: "TEXT", nullable: true),
                    Quote = table.Column<string>(type: "TEXT", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernMentions", x => x.Id);
                    table.CheckConstraint("CK_ConcernMentions_OnePlace", "(CASE WHEN RoundId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN StatementId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN ReportId IS NULL THEN 0 ELSE 1 END) <= 1");
                    table.ForeignKey(
                        name: "FK_ConcernMentions_ConcernMentions_RespondsToId",
                        column: x => x.RespondsToId,
                        principalTable: "ConcernMentions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ConcernMentions_Concerns_ConcernId",
                        column: x => x.ConcernId,
                        principalTable: "Concerns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConcernMentions_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ConcernMentions_Sources_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ConcernMentions_Statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "Statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ConcernStatusChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConcernId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Date = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DateEarliest = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateNote = table.Column<string>(type: "TEXT", nullable: true),
                    NoteEn = table.Column<string>(type: "TEXT", nullable: true),
                    NoteVi = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConcernStatusChanges_Concerns_ConcernId",
                        column: x => x.ConcernId,
                        principalTable: "Concerns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConcernTopics",
                columns: table => new
                {
                    ConcernsId = table.Column<int>(type: "INTEGER", nullable: false),
                    TopicsId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernTopics", x => new { x.ConcernsId, x.TopicsId });
                    table.ForeignKey(
                        name: "FK_ConcernTopics_Concerns_ConcernsId",
                        column: x => x.ConcernsId,
                        principalTable: "Concerns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConcernTopics_Topics_TopicsId",
                        column: x => x.TopicsId,
                        principalTable: "Topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.AddCheckConstraint(
                name: "CK_Citations_OneRecord",
                table: "Citations",
                sql: "(CASE WHEN MechanismId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN RoundId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN StatementId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN TopicId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN ConcernId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN ConcernMentionId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN ConcernStatusChangeId IS NULL THEN 0 ELSE 1 END) = 1");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernMentions_ConcernId_Key",
                table: "ConcernMentions",
                columns: new[] { "ConcernId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConcernMentions_ReportId",
                table: "ConcernMentions",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernMentions_RespondsToId",
                table: "ConcernMentions",
                column: "RespondsToId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernMentions_RoundId",
                table: "ConcernMentions",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernMentions_StatementId",
                table: "ConcernMentions",
                column: "StatementId");

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_Key",
                table: "Concerns",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConcernStatusChanges_ConcernId_DateEarliest",
                table: "ConcernStatusChanges",
                columns: new[] { "ConcernId", "DateEarliest" });

            migrationBuilder.CreateIndex(
                name: "IX_ConcernTopics_TopicsId",
                table: "ConcernTopics",
                column: "TopicsId");

            migrationBuilder.AddForeignKey(
                name: "FK_Citations_ConcernMentions_ConcernMentionId",
                table: "Citations",
                column: "ConcernMentionId",
                principalTable: "ConcernMentions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Citations_ConcernStatusChanges_ConcernStatusChangeId",
                table: "Citations",
                column: "ConcernStatusChangeId",
                principalTable: "ConcernStatusChanges",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Citations_Concerns_ConcernId",
                table: "Citations",
                column: "ConcernId",
                principalTable: "Concerns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Citations_ConcernMentions_ConcernMentionId",
                table: "Citations");

            migrationBuilder.DropForeignKey(
                name: "FK_Citations_ConcernStatusChanges_ConcernStatusChangeId",
                table: "Citations");

            migrationBuilder.DropForeignKey(
                name: "FK_Citations_Concerns_ConcernId",
                table: "Citations");

            migrationBuilder.DropTable(
                name: "ConcernMentions");

            migrationBuilder.DropTable(
                name: "ConcernStatusChanges");

            migrationBuilder.DropTable(
                name: "ConcernTopics");

            migrationBuilder.DropTable(
                name: "Concerns");

            migrationBuilder.DropIndex(
                name: "IX_Citations_ConcernId",
                table: "Citations");

            migrationBuilder.DropIndex(
                name: "IX_Citations_ConcernMentionId",
                table: "Citations");

            migrationBuilder.DropIndex(
                name: "IX_Citations_ConcernStatusChangeId",
                table: "Citations");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Citations_OneRecord",
                table: "Citations");

            migrationBuilder.DropColumn(
                name: "ConcernId",
                table: "Citations");

            migrationBuilder.DropColumn(
                name: "ConcernMentionId",
                table: "Citations");

            migrationBuilder.DropColumn(
                name: "ConcernStatusChangeId",
                table: "Citations");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Citations_OneRecord",
                table: "Citations",
                sql: "(CASE WHEN MechanismId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN RoundId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN StatementId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN TopicId IS NULL THEN 0 ELSE 1 END) = 1");
        }
    }
}
