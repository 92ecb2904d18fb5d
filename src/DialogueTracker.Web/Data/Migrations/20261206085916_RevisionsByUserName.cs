using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DialogueTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RevisionsByUserName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Revisions_UserId_Id",
                table: "Revisions");

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_UserName_Id",
                table: "Revisions",
                columns: new[] { "UserName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Revisions_UserName_Id",
                table: "Revisions");

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_UserId_Id",
                table: "Revisions",
                columns: new[] { "UserId", "Id" });
        }
    }
}
