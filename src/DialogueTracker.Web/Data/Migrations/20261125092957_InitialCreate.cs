using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DialogueTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Mechanisms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameVi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", nullable: true),
                    DescriptionVi = table.Column<string>(type: "TEXT", nullable: true),
                    StartDate = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mechanisms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Publisher = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PublishedOn = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OriginalId = table.Column<int>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sources_Sources_OriginalId",
                        column: x => x.OriginalId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Topics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameVi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", nullable: true),
                    DescriptionVi = table.Column<string>(type: "TEXT", nullable: true),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Topics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Topics_Topics_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoundSeries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MechanismId = table.Column<int>(type: "INTEGER", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameVi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", nullable: true),
                    DescriptionVi = table.Column<string>(type: "TEXT", nullable: true),
                    StartDate = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundSeries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundSeries_Mechanisms_MechanismId",
                        column: x => x.MechanismId,
                        principalTable: "Mechanisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Rounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MechanismId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SeriesId = table.Column<int>(type: "INTEGER", nullable: true),
                    Number = table.Column<int>(type: "INTEGER", nullable: true),
                    NumberNote = table.Column<string>(type: "TEXT", nullable: true),
                    Date = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DateEarliest = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateLatest = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateNote = table.Column<string>(type: "TEXT", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TitleVi = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SummaryEn = table.Column<string>(type: "TEXT", nullable: true),
                    SummaryVi = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rounds_Mechanisms_MechanismId",
                        column: x => x.MechanismId,
                        principalTable: "Mechanisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Rounds_RoundSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "RoundSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoundTopics",
                columns: table => new
                {
                    RoundsId = table.Column<int>(type: "INTEGER", nullable: false),
                    TopicsId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundTopics", x => new { x.RoundsId, x.TopicsId });
                    table.ForeignKey(
                        name: "FK_RoundTopics_Rounds_RoundsId",
                        column: x => x.RoundsId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundTopics_Topics_TopicsId",
                        column: x => x.TopicsId,
                        principalTable: "Topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Statements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Date = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DateEarliest = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateLatest = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateNote = table.Column<string>(type: "TEXT", nullable: true),
                    Party = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PartyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Speaker = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SpeakerRole = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Occasion = table.Column<string>(type: "TEXT", nullable: true),
                    InResponseTo = table.Column<string>(type: "TEXT", nullable: true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: true),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TitleVi = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SummaryEn = table.Column<string>(type: "TEXT", nullable: true),
                    SummaryVi = table.Column<string>(type: "TEXT", nullable: true),
                    Quote = table.Column<string>(type: "TEXT", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Statements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Statements_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Citations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quote = table.Column<string>(type: "TEXT", nullable: true),
                    Locator = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ClaimField = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MechanismId = table.Column<int>(type: "INTEGER", nullable: true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: true),
                    StatementId = table.Column<int>(type: "INTEGER", nullable: true),
                    TopicId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Citations", x => x.Id);
                    table.CheckConstraint("CK_Citations_OneRecord", "(CASE WHEN MechanismId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN RoundId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN StatementId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN TopicId IS NULL THEN 0 ELSE 1 END) = 1");
                    table.ForeignKey(
                        name: "FK_Citations_Mechanisms_MechanismId",
                        column: x => x.MechanismId,
                        principalTable: "Mechanisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Citations_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Citations_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Citations_Statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "Statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Citations_Topics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "Topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatementTopics",
                columns: table => new
                {
                    StatementsId = table.Column<int>(type: "INTEGER", nullable: false),
                    TopicsId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementTopics", x => new { x.StatementsId, x.TopicsId });
                    table.ForeignKey(
                        name: "FK_StatementTopics_Statements_StatementsId",
                        column: x => x.StatementsId,
                        principalTable: "Statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StatementTopics_Topics_TopicsId",
                        column: x => x.TopicsId,
                        principalTable: "Topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Citations_MechanismId",
                table: "Citations",
                column: "MechanismId");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_RoundId",
                table: "Citations",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_SourceId",
                table: "Citations",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_StatementId",
                table: "Citations",
                column: "StatementId");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_TopicId",
                table: "Citations",
                column: "TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_Mechanisms_Slug",
                table: "Mechanisms",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_DateEarliest_DateLatest",
                table: "Rounds",
                columns: new[] { "DateEarliest", "DateLatest" });

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_Key",
                table: "Rounds",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_MechanismId_DateEarliest",
                table: "Rounds",
                columns: new[] { "MechanismId", "DateEarliest" });

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_SeriesId_Number",
                table: "Rounds",
                columns: new[] { "SeriesId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundSeries_MechanismId_Slug",
                table: "RoundSeries",
                columns: new[] { "MechanismId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundTopics_TopicsId",
                table: "RoundTopics",
                column: "TopicsId");

            migrationBuilder.CreateIndex(
                name: "IX_Sources_Key",
                table: "Sources",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sources_OriginalId",
                table: "Sources",
                column: "OriginalId");

            migrationBuilder.CreateIndex(
                name: "IX_Statements_DateEarliest_DateLatest",
                table: "Statements",
                columns: new[] { "DateEarliest", "DateLatest" });

            migrationBuilder.CreateIndex(
                name: "IX_Statements_Key",
                table: "Statements",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Statements_Party_DateEarliest",
                table: "Statements",
                columns: new[] { "Party", "DateEarliest" });

            migrationBuilder.CreateIndex(
                name: "IX_Statements_RoundId",
                table: "Statements",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_StatementTopics_TopicsId",
                table: "StatementTopics",
                column: "TopicsId");

            migrationBuilder.CreateIndex(
                name: "IX_Topics_ParentId",
                table: "Topics",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Topics_Slug",
                table: "Topics",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Citations");

            migrationBuilder.DropTable(
                name: "RoundTopics");

            migrationBuilder.DropTable(
                name: "StatementTopics");

            migrationBuilder.DropTable(
                name: "Sources");

            migrationBuilder.DropTable(
                name: "Statements");

            migrationBuilder.DropTable(
                name: "Topics");

            migrationBuilder.DropTable(
                name: "Rounds");

            migrationBuilder.DropTable(
                name: "RoundSeries");

            migrationBuilder.DropTable(
                name: "Mechanisms");
        }
    }
}
