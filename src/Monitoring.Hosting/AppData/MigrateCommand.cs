using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Monitoring.Alerts.Data;
using Monitoring.Ingestion;
using Monitoring.Ingestion.Store;

namespace Monitoring.Hosting.AppData;

/// <summary>
/// <c>migrate [--Section:Key value]…</c>, a switch of both hosts (<c>dotnet Monitoring.Web.dll migrate</c>, or the
/// worker's dll): brings the app database and the ingestion store to the latest migration of this version, under the
/// same advisory lock as a node's start-up (<see cref="MigrationLock"/>), prints what it applied to each and exits
/// without serving. It reads the host's own configuration (appsettings, environment, command line) so it migrates
/// exactly the databases the nodes will open. It lives with what both hosts compose, beside the app database's
/// context, and deploy/ runs it from the nodes' own image.
/// </summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    /// <summary>This command as nodes that must not migrate name it when they refuse a schema that is behind.</summary>
    public static MigrationStep Step { get; } = new("dotnet Monitoring.Web.dll migrate", "dotnet run --project src/Monitoring.Web -- migrate");

    public const string Usage = """
        usage: migrate [--Section:Key value]...
          Applies the pending migrations of the app database (AppData:*) and the ingestion store (Ingestion:Store*),
          with the app's settings (appsettings.json, environment variables Section__Key, --Section:Key value).
          Exit codes: 0 migrated or up to date, 1 failed, 2 bad arguments or settings.
        """;

    /// <summary>Whether the command line asks for this command rather than for the app.</summary>
    public static bool IsRequested(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Count > 0 && string.Equals(args[0], Name, StringComparison.Ordinal);
    }

    /// <summary>Runs the command with <paramref name="args"/> (those after its name).</summary>
    /// <returns>The exit code: 0 done, 1 failed, 2 bad arguments or settings.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (args is ["--help"] or ["-h"])
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return 0;
        }

        if (BadArgument(args) is { } bad)
        {
            await errors.WriteLineAsync($"migrate: {bad}\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        AppDbContextFactory app;
        IngestionOptions ingestion;
        string contentRoot;
        try
        {
            // The host's own configuration and content root, without building or starting it.
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
            contentRoot = builder.Environment.ContentRootPath;
            app = AppDbContextFactory.From(Settings<AppDataOptions>(builder.Configuration.GetSection(AppDataOptions.SectionName)), contentRoot);
            ingestion = Settings<IngestionOptions>(builder.Configuration.GetSection(IngestionOptions.SectionName));
        }
        catch (Exception problem) when (problem is InvalidOperationException or ValidationException)
        {
            await errors.WriteLineAsync($"migrate: {problem.Message}").ConfigureAwait(false);
            return 2;
        }

        // Each database's owner says how it migrates: the app database here, the ingestion store in its project.
        var stores = new Func<StoreMigration>[]
        {
            () => StoreMigration.For(AppDataMigrator.StoreName, app.CreateDbContext(), (db, cancellationToken) => db.Database.MigrateExclusivelyAsync(cancellationToken)),
            () => IngestionStore.MigrationOf(ingestion, contentRoot),
        };
        foreach (var open in stores)
        {
            var store = open();
            await using (store.ConfigureAwait(false))
            {
                var where = store.Location;
                try
                {
                    var applied = await store.ApplyAsync().ConfigureAwait(false);
                    await output.WriteLineAsync($"{store.Name} ({where}): {Describe(applied, store.Declared)}").ConfigureAwait(false);
                }
                catch (Exception problem) when (problem is DbException or InvalidOperationException or TimeoutException or IOException
                    or UnauthorizedAccessException or ArgumentException)
                {
                    await errors.WriteLineAsync($"migrate: {store.Name} ({where}): {Explain(problem)}").ConfigureAwait(false);
                    return 1;
                }
            }
        }

        return 0;
    }

    /// <summary>What one store's run did, as the command prints it.</summary>
    public static string Describe(IReadOnlyList<string> applied, int declared)
    {
        ArgumentNullException.ThrowIfNull(applied);
        return applied.Count switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"up to date ({declared} migration{(declared == 1 ? "" : "s")})"),
            1 => $"1 migration applied ({applied[0]})",
            var count => string.Create(CultureInfo.InvariantCulture, $"{count} migrations applied ({string.Join(", ", applied)})"),
        };
    }

    // Only "--Section:Key value" (or "--Section:Key=value") settings: the command has no options of its own.
    private static string? BadArgument(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || !arg.Contains(':', StringComparison.Ordinal))
            {
                return $"unexpected argument '{arg}': give settings as --Section:Key value.";
            }

            if (arg.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }

            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return $"{arg} needs a value.";
            }

            i++;
        }

        return null;
    }

    /// <summary>A section bound and checked as the app's start-up checks it (ValidateDataAnnotations).</summary>
    private static T Settings<T>(IConfigurationSection section)
        where T : new()
    {
        var settings = new T();
        section.Bind(settings);
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(settings, new ValidationContext(settings), problems, validateAllProperties: true))
        {
            throw new ValidationException(string.Join(" ", problems.Select(problem => problem.ErrorMessage)));
        }

        return settings;
    }

    private static string Explain(Exception problem) =>
        problem.InnerException is { } inner && !problem.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{problem.Message} ({inner.Message})"
            : problem.Message;
}
