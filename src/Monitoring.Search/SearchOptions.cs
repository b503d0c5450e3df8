using System.ComponentModel.DataAnnotations;

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

    /// <summary>
    /// Data annotations do not descend into nested objects, so the Lucene settings are validated here.
    /// </summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Lucene is null)
        {
            yield break;
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Lucene, new ValidationContext(Lucene), results, validateAllProperties: true);
        foreach (var result in results)
        {
            yield return new ValidationResult(
                result.ErrorMessage,
                result.MemberNames.Select(member => $"{nameof(Lucene)}:{member}"));
        }
    }
}

public enum SearchEngine
{
    /// <summary>Embedded Lucene.Net index on local disk; no server needed.</summary>
    Lucene,

    /// <summary>An Elasticsearch cluster (not available yet).</summary>
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
