namespace Monitoring.Tests;

/// <summary>Where tests find shipped data (seeds/) and the shared research corpora.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding Monitoring.sln.</summary>
    public static string Root => RootPath.Value;

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string ExampleArticle => Path.Combine(Seeds, "articles", "000_da8613f1797e7acd.txt");

    /// <summary>
    /// The research corpora (../shared/data), or the folder named by MONITORING_CORPORA. They are read
    /// at test time and never copied into the project (their licences differ).
    /// </summary>
    public static string Corpora
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("MONITORING_CORPORA");
            return string.IsNullOrWhiteSpace(configured)
                ? Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"))
                : Path.GetFullPath(configured);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitoring.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Monitoring.sln above {AppContext.BaseDirectory}.");
    }
}
