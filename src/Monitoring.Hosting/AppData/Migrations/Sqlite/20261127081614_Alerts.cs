using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitoring.Hosting.AppData.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    QueryJson = table.Column<string>(type: "TEXT", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DigestOrder = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NewStoriesOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    InApp = table.Column<bool>(type: "INTEGER", nullable: false),
                    SharedWith = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EmailRecipients = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WebhookUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WebhookSecret = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WebhookFormat = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Paused = table.Column<bool>(type: "INTEGER", nullable: false),
                    SnoozedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DigestedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AlertScanState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastInboxItemId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertScanState", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AlertDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AlertId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PeriodStart = table.Column<long>(type: "INTEGER", nullable: true),
                    PeriodEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertDeliveries_Alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "Alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AlertMatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AlertId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArticleId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoryKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SearchableAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MatchedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RepeatsAStory = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertMatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertMatches_Alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "Alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AlertId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeliveryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_Alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "Alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AlertDeliveries_AlertId_Channel_Key",
                table: "AlertDeliveries",
                columns: new[] { "AlertId", "Channel", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AlertDeliveries_State_NextAttemptAt",
                table: "AlertDeliveries",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertMatches_AlertId_ArticleId",
                table: "AlertMatches",
                columns: new[] { "AlertId", "ArticleId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AlertMatches_AlertId_SearchableAt",
                table: "AlertMatches",
                columns: new[] { "AlertId", "SearchableAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertMatches_AlertId_StoryKey",
                table: "AlertMatches",
                columns: new[] { "AlertId", "StoryKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Owner",
                table: "Alerts",
                column: "Owner");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_AlertId",
                table: "Notifications",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_DeliveryId_Recipient",
                table: "Notifications",
                columns: new[] { "DeliveryId", "Recipient" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Recipient_ReadAt",
                table: "Notifications",
                columns: new[] { "Recipient", "ReadAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlertDeliveries");

            migrationBuilder.DropTable(
                name: "AlertMatches");

            migrationBuilder.DropTable(
                name: "AlertScanState");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "Alerts");
        }
    }
}
