using System.ComponentModel.DataAnnotations;

namespace Monitoring.Search.Elasticsearch;

/// <summary>Settings of the Elasticsearch engine; bound from "Search:Elasticsearch".</summary>
public sealed class ElasticsearchSearchOptions : IValidatableObject
{
    /// <summary>The nodes to talk to, e.g. "https://es1:9200"; requests go round them and fail over. Default "http://localhost:9200".</summary>
    [MinLength(1)]
    public IList<string> Urls { get; set; } = ["http://localhost:9200"];

    /// <summary>An encoded API key (the "encoded" value Elasticsearch returns); excludes user/password.</summary>
    public string? ApiKey { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// SHA-256 fingerprint of the cluster's CA certificate (hex, colons allowed), for a cluster whose
    /// certificate is self-signed, as a fresh Elasticsearch install's is.
    /// </summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>
    /// The alias the product reads and writes through, default "articles". The index behind it is
    /// "{Alias}-v{n}", so a mapping change is a reindex into a new index and an alias swap.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[a-z0-9][a-z0-9_.-]*$", ErrorMessage = "The alias must be lower-case letters, digits, '-', '_' or '.'.")]
    public string Alias { get; set; } = "articles";

    /// <summary>
    /// The alias of the saved alerts' percolator index, default "alerts"; the index behind it is
    /// "{AlertsAlias}-v{n}", with the articles' mappings and a percolator field.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[a-z0-9][a-z0-9_.-]*$", ErrorMessage = "The alerts alias must be lower-case letters, digits, '-', '_' or '.'.")]
    public string AlertsAlias { get; set; } = "alerts";

    /// <summary>Articles per bulk request, default 500.</summary>
    [Range(1, 10_000)]
    public int BulkBatchSize { get; set; } = 500;

    /// <summary>How often a request refused with 429 or 503 is tried again, default 5.</summary>
    [Range(0, 20)]
    public int RetryCount { get; set; } = 5;

    /// <summary>Wait before the first retry; it doubles with each further one. Default 500 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one request may take, default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Primary shards of a new index, default 1 (one shard keeps relevance exact up to millions of articles).</summary>
    [Range(1, 64)]
    public int Shards { get; set; } = 1;

    /// <summary>Replicas of a new index, default 1 (set 0 on a single-node cluster).</summary>
    [Range(0, 8)]
    public int Replicas { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var url in Urls ?? [])
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult($"'{url}' is not an http(s) URL.", [nameof(Urls)]);
            }
        }

        var hasUser = !string.IsNullOrEmpty(Username);
        if (hasUser != !string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Username and Password go together.", [nameof(Username), nameof(Password)]);
        }

        if (hasUser && !string.IsNullOrEmpty(ApiKey))
        {
            yield return new ValidationResult("Give either an ApiKey or a Username and Password, not both.", [nameof(ApiKey)]);
        }

        // The articles' index template covers "{Alias}-v*": the alerts' index must stay out of it.
        if (Alias is not null && AlertsAlias is not null
            && (AlertsAlias == Alias || AlertsAlias.StartsWith(Alias + "-v", StringComparison.Ordinal)))
        {
            yield return new ValidationResult($"AlertsAlias must differ from Alias and not start with '{Alias}-v'.", [nameof(AlertsAlias)]);
        }
    }
}
