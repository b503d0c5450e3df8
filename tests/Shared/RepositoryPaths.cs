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
    /// A program of src/ as the solution built it, in the same configuration (Debug or Release) as the running
    /// test assembly, which builds it through a project reference.
    /// </summary>
    public static string BuiltProgram(string project, string assembly)
    {
        var path = Path.Combine(Root, "src", project, "bin", Configuration, "net10.0", assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first; {assembly} is missing.", path);
    }

    /// <summary>The configuration (Debug or Release) the running test assembly was built in.</summary>
    public static string Configuration
    {
        get
        {
            var segments = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            return segments[Array.LastIndexOf(segments, "bin") + 1];
        }
    }

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
