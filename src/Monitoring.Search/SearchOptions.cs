using System.ComponentModel.DataAnnotations;
using Monitoring.Search.Elasticsearch;

namespace Monitoring.Search;

/// <summary>Which engine serves <c>IArticleIndex</c> and <c>IArticleSearch</c>; bound from the "Search" section.</summary>
public sealed class SearchOptions : IValidatableObject
{
    public const string SectionName = "Search";

    /// <summary>The engine to use. Default <see cref="SearchEngine.Lucene"/>.</summary>
    [EnumDataType(typeof(SearchEngine))]
    public SearchEngine Engine { get; set; } = SearchEngine.Lucene;

    /// <summary>Settings of the embedded Lucene engine ("Search:Lucene").</summary>
    [Required]
    public LuceneSearchOptions Lucene { get; set; } = new();

    /// <summary>Settings of the Elasticsearch engine ("Search:Elasticsearch"), checked only when it is the engine.</summary>
    [Required]
    public ElasticsearchSearchOptions Elasticsearch { get; set; } = new();

    /// <summary>
    /// Data annotations do not descend into nested objects, so the engine settings are validated here.
    /// </summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var nested = Engine == SearchEngine.Elasticsearch
            ? ValidateNested(Elasticsearch, nameof(Elasticsearch))
            : [];
        return ValidateNested(Lucene, nameof(Lucene)).Concat(nested);
    }

    private static IEnumerable<ValidationResult> ValidateNested(object? settings, string section)
    {
        if (settings is null)
        {
            return [];
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
        return results.Select(result => new ValidationResult(
            result.ErrorMessage,
            result.MemberNames.Select(member => $"{section}:{member}")));
    }
}

public enum SearchEngine
{
    /// <summary>Embedded Lucene.Net index on local disk; no server needed.</summary>
    Lucene,

    /// <summary>An Elasticsearch cluster ("Search:Elasticsearch" settings).</summary>
    Elasticsearch,
}

/// <summary>Settings of the embedded Lucene engine; bound from "Search:Lucene".</summary>
public sealed class LuceneSearchOptions
{
    /// <summary>
    /// The folder holding the index, default "data/index". A relative path is resolved against the
    /// host's content root (the current directory when there is no host). Only one process may open it.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string IndexPath { get; set; } = "data/index";
}
