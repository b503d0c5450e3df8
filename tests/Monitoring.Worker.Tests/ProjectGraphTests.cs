using System.Text.RegularExpressions;
using System.Xml.Linq;
using Monitoring.Tests;

namespace Monitoring.Worker.Tests;

/// <summary>
/// The fences between projects, read from the project files: dependencies point inward (Core ← Search, Ingestion,
/// Alerts ← Hosting ← the hosts), and neither host references the other.
/// </summary>
public sealed class ProjectGraphTests
{
    [Fact]
    public void TheWorker_NeverReferencesTheWebApp()
    {
        Assert.DoesNotContain("Monitoring.Web", References("Monitoring.Worker"));
    }

    [Fact]
    public void TheWebApp_NeverReferencesTheWorker()
    {
        Assert.DoesNotContain("Monitoring.Worker", References("Monitoring.Web"));
    }

    [Fact]
    public void BothHosts_ComposeTheirServicesFromTheHostingLibrary()
    {
        Assert.Contains("Monitoring.Hosting", References("Monitoring.Web"));
        Assert.Contains("Monitoring.Hosting", References("Monitoring.Worker"));
    }

    [Fact]
    public void Core_ReferencesNoOtherProject_AndNoPackage()
    {
        var project = XDocument.Load(ProjectFile("Monitoring.Core"));

        Assert.Empty(References("Monitoring.Core"));
        Assert.Empty(project.Descendants("PackageReference"));
    }

    [Theory]
    [InlineData("Monitoring.Search")]
    [InlineData("Monitoring.Ingestion")]
    [InlineData("Monitoring.Alerts")]
    [InlineData("Monitoring.Hosting")]
    public void TheLibraries_ReferenceNoHost(string library)
    {
        var references = References(library);

        Assert.Contains("Monitoring.Core", references);
        Assert.DoesNotContain("Monitoring.Web", references);
        Assert.DoesNotContain("Monitoring.Worker", references);
        Assert.DoesNotContain("Monitoring.Cli", references);
    }

    [Fact]
    public void TheCommandLine_ReferencesNeitherHost()
    {
        var references = References("Monitoring.Cli");

        Assert.DoesNotContain("Monitoring.Web", references);
        Assert.DoesNotContain("Monitoring.Worker", references);
    }

    /// <summary>
    /// A project's database is its own: others reach it through what the project offers (the pipeline, the indexed
    /// article log, the health and migration seams), never through its context. The app database's context lives in
    /// Hosting, which both hosts compose, and the web app's features use it there.
    /// </summary>
    [Theory]
    [InlineData("IngestionDbContext", "Monitoring.Ingestion")]
    [InlineData("AlertsDbContext", "Monitoring.Alerts")]
    [InlineData("AppDbContext", "Monitoring.Hosting", "Monitoring.Web")]
    public void ADbContext_IsNamedOnlyInTheProjectsThatOwnIt(string context, params string[] owners)
    {
        var mentions = Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.Root, "src"))
            .Where(project => !owners.Contains(Path.GetFileName(project)))
            .SelectMany(project => Directory.EnumerateFiles(project, "*.*", SearchOption.AllDirectories))
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".razor", StringComparison.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => Regex.IsMatch(File.ReadAllText(file), $@"\b{context}\b"))
            .Select(file => Path.GetRelativePath(RepositoryPaths.Root, file));

        Assert.Empty(mentions);
    }

    private static string ProjectFile(string project) => Path.Combine(RepositoryPaths.Root, "src", project, project + ".csproj");

    private static List<string> References(string project) =>
        [.. XDocument.Load(ProjectFile(project)).Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')))];
}
