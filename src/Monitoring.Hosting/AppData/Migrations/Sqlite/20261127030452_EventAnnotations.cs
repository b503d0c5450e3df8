using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Monitoring.Hosting.AppData.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EventAnnotations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EventAnnotations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventAnnotations", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "EventAnnotations",
                columns: new[] { "Id", "Date", "Label", "Link" },
                values: new object[,]
                {
                    { 1, new DateOnly(2006, 6, 3), "Montenegro declares independence", "https://en.wikipedia.org/wiki/2006_Montenegrin_independence_referendum" },
                    { 2, new DateOnly(2008, 2, 17), "Kosovo declares independence", "https://en.wikipedia.org/wiki/2008_Kosovo_declaration_of_independence" },
                    { 3, new DateOnly(2013, 4, 19), "Brussels Agreement (Serbia–Kosovo)", "https://en.wikipedia.org/wiki/Brussels_Agreement_(2013)" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_EventAnnotations_Date",
                table: "EventAnnotations",
                column: "Date");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventAnnotations");
        }
    }
}
