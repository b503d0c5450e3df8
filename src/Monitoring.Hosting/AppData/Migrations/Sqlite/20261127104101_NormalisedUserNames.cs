using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitoring.Hosting.AppData.Migrations.Sqlite
{
    /// <summary>Data only: the model is unchanged, so no target-model designer file goes with it.</summary>
    [DbContext(typeof(SqliteAppDbContext))]
    [Migration("20261127104101_NormalisedUserNames")]
    public partial class NormalisedUserNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // User names are compared without regard to case from now on, by storing them lower-cased
            // (UserNames.Normalise). SQLite's lower() folds ASCII letters only; names were ASCII so far.
            migrationBuilder.Sql("UPDATE Alerts SET Owner = lower(trim(Owner)), SharedWith = lower(SharedWith);");
            migrationBuilder.Sql("UPDATE Notifications SET Recipient = lower(trim(Recipient));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The names as they were typed are not kept: nothing to undo.
        }
    }
}
