using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Monitoring.Ingestion.Inbox;
using Monitoring.Web.Features.Account;

namespace Monitoring.Web.Features.Ingest;

/// <summary>
/// <c>POST /api/articles</c>: one article (a JSON object) or a batch (an array) from a sender holding an API key with scope <c>ingest:write</c>.
/// Answers 202 only once every item is committed to the inbox; processing follows in the background. Refused
/// early and said why: 415 for a body declared as something other than JSON, 400 for bytes that are not
/// UTF-8 (with where), for broken JSON, and for fields the normaliser would refuse or repair.
/// </summary>
public static class IngestEndpoints
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IServiceCollection AddIngestApi(this IServiceCollection services)
    {
        services.AddOptions<IngestApiOptions>()
            .BindConfiguration(IngestApiOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }

    public static WebApplication MapIngestApi(this WebApplication app)
    {
        // A machine's request with an API key, not a browser form: no antiforgery token to check.
        app.MapPost("/api/articles", AcceptAsync)
            .DisableAntiforgery()
            .RequireAuthorization(Policies.IngestWrite)
            .RequireRateLimiting(RateLimitingSetup.IngestPolicy);
        return app;
    }

    private static async Task<IResult> AcceptAsync(HttpContext http, IngestionPipeline pipeline, IOptions<IngestApiOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (http.Request.ContentType is { Length: > 0 } contentType && !IsJson(contentType))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: $"The body must be JSON (Content-Type: application/json), not {contentType}.");
        }

        var body = await ReadBodyAsync(http.Request, settings.MaxRequestBytes, cancellationToken);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The request is larger than {settings.MaxRequestBytes:N0} bytes (IngestApi:MaxRequestBytes).");
        }

        if (InvalidUtf8At(body) is { } offset)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["body"] = [$"is not valid UTF-8 (byte {offset:N0}); send JSON in UTF-8"] },
                title: "The body is not valid UTF-8; nothing was stored.");
        }

        var (records, errors) = Read(body, settings.MaxItemsPerRequest, clock.GetUtcNow());
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "Some articles are not valid; nothing was stored.");
        }

        // The sender's own bytes go to the inbox: the normaliser reads them once more, as it reads every channel's.
        var ids = await pipeline.AcceptAsync("api", records, cancellationToken);
        return Results.Accepted(value: new AcceptedArticles(ids.Count, ids));
    }

    // application/json, text/json and any application/…+json; a charset, when given, must be UTF-8.
    private static bool IsJson(string contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType is not { } type)
        {
            return false;
        }

        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        return json && (media.CharSet is null || media.CharSet.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Where the first byte that is not UTF-8 is, or null when the body is UTF-8 throughout.</summary>
    private static long? InvalidUtf8At(byte[] body)
    {
        try
        {
            _ = StrictUtf8.GetCharCount(body);
            return null;
        }
        catch (DecoderFallbackException ex)
        {
            return ex.Index;
        }
    }

    /// <summary>The body, or null when it is larger than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Each article's JSON as sent, or errors keyed by field: "title" for one article, "items[2].title" in a batch.
    /// </summary>
    private static (List<byte[]> Records, Dictionary<string, string[]> Errors) Read(byte[] body, int maxItems, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var records = new List<byte[]>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            errors["body"] = [$"is not valid JSON: {ex.Message}"];
            return (records, errors);
        }

        using (document)
        {
            var root = document.RootElement;
            var (elements, isBatch) = root.ValueKind switch
            {
                JsonValueKind.Array => (root.EnumerateArray().ToList(), true),
                JsonValueKind.Object => ([root], false),
                _ => (new List<JsonElement>(), false),
            };
            if (root.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object) || elements.Count == 0)
            {
                errors["body"] = ["must be an article (a JSON object) or a non-empty array of articles"];
            }
            else if (elements.Count > maxItems)
            {
                errors["body"] = [$"holds {elements.Count} articles, more than {maxItems} (IngestApi:MaxItemsPerRequest)"];
            }

            for (var i = 0; i < elements.Count && !errors.ContainsKey("body"); i++)
            {
                var prefix = isBatch ? $"items[{i}]" : string.Empty;
                if (IsValid(elements[i], prefix, errors, now))
                {
                    records.Add(JsonMarshal.GetRawUtf8Value(elements[i]).ToArray());
                }
            }
        }

        return (records, errors);
    }

    private static bool IsValid(JsonElement element, string prefix, Dictionary<string, string[]> errors, DateTimeOffset now)
    {
        string Key(string field) => prefix.Length == 0 ? field : $"{prefix}.{field}";
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors[prefix.Length == 0 ? "body" : prefix] = ["must be a JSON object"];
            return false;
        }

        IncomingArticle? article;
        try
        {
            article = element.Deserialize<IncomingArticle>(IncomingArticle.Json);
        }
        catch (JsonException ex)
        {
            // ex.Path is "$.title" for a field of the wrong type.
            var field = ex.Path is { Length: > 2 } path ? path[2..] : "body";
            errors[Key(field)] = [$"has the wrong type: {ex.Message}"];
            return false;
        }

        // The normaliser's own verdict: what it would refuse or repair is refused here, field by field.
        var valid = true;
        foreach (var error in ArticleNormaliser.Validate(article!, now))
        {
            errors[Key(error.Field)] = [error.Message];
            valid = false;
        }

        return valid;
    }

    private sealed record AcceptedArticles(int Accepted, IReadOnlyList<long> InboxIds);
}
