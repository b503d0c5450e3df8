using System.Text.Json;
using Monitoring.Tests;

namespace Monitoring.Cli.Tests;

/// <summary><c>monitoring tag</c> as a user runs it: one JSON line per article with every tag and its evidence.</summary>
public sealed class TagCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-tag-").FullName;

    [Fact]
    public async Task TheExampleArticle_IsOneLine_AboutSerbiaAndRussia_WithEvidenceThatPointsIntoTheTitle()
    {
        var output = Path.Combine(_folder, "example.jsonl");

        var run = await CliProcess.RunAsync("tag", RepositoryPaths.ExampleArticle, "--out", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 articles tagged", run.Errors, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken);
        var article = Assert.Single(lines);
        using var json = JsonDocument.Parse(article);
        var root = json.RootElement;
        var title = root.GetProperty("title").GetString()!;
        Assert.Equal("Russian Defense Minister Visits Serbia Amid Heightened Tensions In Balkans", title);

        var tags = root.GetProperty("tags");
        var countries = tags.GetProperty("countries").EnumerateArray().ToList();
        var about = countries.Where(country => country.GetProperty("isAbout").GetBoolean()).Select(Code).Order().ToList();
        Assert.Equal(["RS", "RU"], about);
        Assert.Superset(new HashSet<string> { "RS", "RU", "XK", "ME", "BA" }, countries.Select(Code).ToHashSet());
        Assert.Contains(tags.GetProperty("topics").EnumerateArray(), topic => topic.GetProperty("id").GetString() == "military-cooperation");
        Assert.Contains(tags.GetProperty("people").EnumerateArray(), person => person.GetProperty("name").GetString() == "Sergei Shoigu");

        // Every position in the title cuts out one of the words given as the tag's evidence.
        var serbia = countries.Single(country => Code(country) == "RS");
        var evidence = serbia.GetProperty("evidence").EnumerateArray().Select(word => word.GetString()).ToHashSet();
        var inTitle = serbia.GetProperty("positions").EnumerateArray().Where(position => position.GetProperty("field").GetString() == "title").ToList();
        Assert.NotEmpty(inTitle);
        Assert.All(inTitle, position =>
            Assert.Contains(title.Substring(position.GetProperty("start").GetInt32(), position.GetProperty("length").GetInt32()), evidence));
    }

    [Fact]
    public async Task TheDemoCorpus_IsOneLinePerItem()
    {
        var corpus = Path.Combine(RepositoryPaths.Seeds, "corpus", "wikipedia-current-events-balkans.jsonl");
        var output = Path.Combine(_folder, "corpus.jsonl");

        var run = await CliProcess.RunAsync("tag", corpus, "--out", output);

        Assert.Equal(0, run.ExitCode);
        var items = File.ReadLines(corpus).Count(line => line.Trim().Length > 0);
        Assert.Equal(1180, items);
        Assert.Equal(items, File.ReadLines(output).Count());
    }

    [Theory]
    [InlineData("article.doc", "cannot read")]
    [InlineData("missing.txt", "no such file")]
    public async Task AFileItCannotRead_IsRefused_WithExitCodeTwo_AndNoStackTrace(string name, string message)
    {
        var path = Path.Combine(_folder, name);
        if (name.EndsWith(".doc", StringComparison.Ordinal))
        {
            await File.WriteAllTextAsync(path, "not an article", TestContext.Current.CancellationToken);
        }

        var run = await CliProcess.RunAsync("tag", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Errors, StringComparison.Ordinal);
        Assert.Contains(path, run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderWithoutReutersFiles_IsRefused()
    {
        var run = await CliProcess.RunAsync("tag", _folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("holds no reut2-*.sgm files", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOutletsCountry_FromTheSidecar_IsTheInferredCountry_OfAnArticleThatNamesNone()
    {
        var text = Path.Combine(_folder, "budget.txt");
        await File.WriteAllTextAsync(text, "Скупштина усвојила буџет\n\nПосланици су гласали за буџет за наредну годину.\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_folder, "budget.meta.json"), """{"source":"RTS","language":"sr","sourceCountry":"RS"}""", TestContext.Current.CancellationToken);
        var output = Path.Combine(_folder, "budget.jsonl");

        var run = await CliProcess.RunAsync("tag", text, "--out", output);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(Assert.Single(await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken)));
        Assert.Equal("RS", json.RootElement.GetProperty("sourceCountry").GetString());
        var serbia = Assert.Single(json.RootElement.GetProperty("tags").GetProperty("countries").EnumerateArray());
        Assert.Equal("RS", Code(serbia));
        Assert.True(serbia.GetProperty("isInferred").GetBoolean());
        Assert.Equal(["from RTS (Serbia)"], serbia.GetProperty("evidence").EnumerateArray().Select(item => item.GetString()));
    }

    [Theory]
    [InlineData(null, "RS")]
    [InlineData("true", "RS")]
    [InlineData("false", null)]
    public async Task TheOutletsCountry_FromAJsonlRecord_IsInferred_UnlessTheSettingTurnsItOff(string? setting, string? expected)
    {
        var corpus = Path.Combine(_folder, "rts.jsonl");
        await File.WriteAllTextAsync(corpus, """
            {"title":"Скупштина усвојила буџет","text":"Посланици су гласали за буџет.","source":"RTS","sourceCountry":"RS","language":"sr"}
            """, TestContext.Current.CancellationToken);
        var output = Path.Combine(_folder, "rts-tags.jsonl");
        string[] arguments = setting is null
            ? ["tag", corpus, "--out", output]
            : ["tag", corpus, "--out", output, "--Enrichment:SourceCountryPrior", setting];

        var run = await CliProcess.RunAsync(arguments);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(Assert.Single(await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken)));
        var codes = json.RootElement.GetProperty("tags").GetProperty("countries").EnumerateArray().Select(Code).ToList();
        Assert.Equal(expected is null ? [] : [expected], codes);
    }

    [Fact]
    public async Task ASettingThatIsNoBoolean_IsRefused_WithExitCodeTwo()
    {
        var run = await CliProcess.RunAsync("tag", RepositoryPaths.ExampleArticle, "--Enrichment:SourceCountryPrior", "sometimes");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give true or false", run.Errors, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Code(JsonElement country) => country.GetProperty("code").GetString()!;
}
