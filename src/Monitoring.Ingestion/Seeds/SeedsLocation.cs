using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Monitoring.Ingestion.Seeds;

/// <summary>The seeds folder as an absolute path.</summary>
public sealed class SeedsLocation(string configuredPath, string contentRoot)
{
    public string FullPath { get; } = Path.GetFullPath(configuredPath, contentRoot);
}

/// <summary>Stops the start-up when the seeds folder is missing, saying which setting to change.</summary>
internal sealed class SeedsFolderMustExist(IHostEnvironment environment) : IValidateOptions<IngestionOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SeedsPath))
        {
            return ValidateOptionsResult.Skip; // [Required] reports it
        }

        var fullPath = new SeedsLocation(options.SeedsPath, environment.ContentRootPath).FullPath;
        return Directory.Exists(fullPath)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"The seeds folder '{fullPath}' does not exist. Set Ingestion:SeedsPath (environment variable " +
                "Ingestion__SeedsPath) to the folder holding the shipped seeds; relative paths start at the content root.");
    }
}
