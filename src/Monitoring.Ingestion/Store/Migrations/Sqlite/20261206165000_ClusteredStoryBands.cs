using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitoring.Ingestion.Store.Migrations.Sqlite;

/// <summary>
/// The story bands become a clustered table (WITHOUT ROWID): one B-tree ordered by band key instead of a rowid
/// table plus the primary key's index, so each of a batch's ~16,000 band rows is one insert instead of two, and the
/// file holds them once. EF Core has no model annotation for it: the table is rebuilt by hand, keeping its rows, and
/// a later migration that rebuilds this table must keep the clause. The model is unchanged, so no target-model
/// designer file goes with it.
/// </summary>
[DbContext(typeof(SqliteIngestionDbContext))]
[Migration("20261206165000_ClusteredStoryBands")]
public partial class ClusteredStoryBands : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Rebuilt(" WITHOUT ROWID"));

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Rebuilt(string.Empty));

    // SQLite cannot change a table's kind in place: a new one is made and filled, the old one dropped.
    private static string Rebuilt(string tableOptions) => $"""
        CREATE TABLE "ef_temp_StoryBands" (
            "BandKey" INTEGER NOT NULL,
            "ArticleId" TEXT NOT NULL,
            CONSTRAINT "PK_StoryBands" PRIMARY KEY ("BandKey", "ArticleId")
        ){tableOptions};
        INSERT INTO "ef_temp_StoryBands" ("BandKey", "ArticleId") SELECT "BandKey", "ArticleId" FROM "StoryBands";
        DROP TABLE "StoryBands";
        ALTER TABLE "ef_temp_StoryBands" RENAME TO "StoryBands";
        """;
}
