using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Monitoring.Core.Articles;
using Monitoring.Core.Search;
using Monitoring.Web.Features.Account;
using Monitoring.Web.Features.Search;

namespace Monitoring.Web.Tests.Features.Search;

public sealed class ExportParametersTests : IAsyncDisposable
{
    private readonly TestApp _app = new();

    /// <summary>The outlet groups there are in these tests.</summary>
    private static readonly OutletGroupNames Groups = new([("3", "Serbia — national")]);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("from=2024-13-01", "from: '2024-13-01' is not a date; write it as yyyy-MM-dd")]
    [InlineData("to=yesterday", "to: 'yesterday' is not a date; write it as yyyy-MM-dd")]
    [InlineData("from=2025-02-01&to=2025-01-01", "to: 2025-01-01 is before from (2025-02-01)")]
    [InlineData("tmin=-5", "tmin: '-5' is not a whole number from 0 to 100")]
    [InlineData("tmax=101", "tmax: '101' is not a whole number from 0 to 100")]
    [InlineData("tmin=70&tmax=20", "tmax: 20 is below tmin (70)")]
    [InlineData("sort=loudest", "sort: 'loudest' is not one of relevance, newest, oldest, tension")]
    [InlineData("sort=2", "sort: '2' is not one of relevance, newest, oldest, tension")]
    [InlineData("country=Serbia", "country: 'Serbia' is not an ISO 3166 alpha-2 code such as RS or XK")]
    [InlineData("country=rs", "country: 'rs' is not an ISO 3166 alpha-2 code such as RS or XK")]
    [InlineData("tz=Mars/Olympus", "tz: unknown time zone 'Mars/Olympus'; use an IANA id such as Europe/Belgrade")]
    [InlineData("outlet_country=rs", "outlet_country: 'rs' is not an ISO 3166 alpha-2 code such as RS or XK")]
    [InlineData("outlet_kind=State-owned&outlet_kind=tabloid", "outlet_kind: 'tabloid' is not an outlet kind; use one of public-broadcaster, private, state-owned, international-service, agency, portal")]
    [InlineData("outlet_group=3&outlet_group=4", "outlet_group: there is no outlet group 4 (deleted since, or a link from another installation)")]
    [InlineData("outlet_group=3a", "outlet_group: '3a' is not an outlet group id; groups are named by number (the search page's links carry them)")]
    [InlineData("names=all", "names: 'all' is not a names setting; names=exact searches names only as typed, leave it out for other names too")]
    public void AMalformedParameter_IsNamed_WithWhatIsWrong(string query, string expected)
    {
        var problems = ExportParameters.Problems(QueryHelpers.ParseQuery(query), Groups);

        Assert.Equal([expected], problems.Select(problem => $"{problem.Parameter}: {problem.Problem}"));
    }

    [Fact]
    public void TheSearchPagesOwnParameters_AreAllUsable()
    {
        var state = new SearchState
        {
            Text = "Kosovo",
            Countries = ["RS", "XK"],
            CountryMode = Monitoring.Core.Search.CountryMode.About,
            From = new DateOnly(2025, 1, 1),
            To = new DateOnly(2025, 1, 31),
            TimeZone = "UTC",
            DateBasis = Monitoring.Core.Search.DateBasis.Ingested,
            MinTension = 10,
            MaxTension = 90,
            Sort = Monitoring.Core.Search.SearchSort.Tension,
            OutletCountries = ["RS"],
            OutletKinds = ["public-broadcaster", "State-Owned"],
            OutletGroups = ["3"],
            ExpandNames = false,
        };

        Assert.Empty(ExportParameters.Problems(QueryHelpers.ParseQuery(state.ToQueryString()), Groups));
    }

    [Theory]
    [InlineData(SearchExportEndpoints.CsvPath)]
    [InlineData(SearchExportEndpoints.JsonPath)]
    public async Task AnExportWithABadParameter_Gets400_NamingIt(string path)
    {
        await _app.CreateUserAsync("analyst", Roles.Analyst);
        using var client = await _app.SignedInClientAsync("analyst");

        using var response = await client.GetAsync(new Uri($"{path}?q=Kosovo&from=2025-01-01&tmax=high", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("tmax: 'high' is not a whole number from 0 to 100", await response.Content.ReadAsStringAsync(Cancel));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
