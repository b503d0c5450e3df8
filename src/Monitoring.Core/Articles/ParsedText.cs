namespace Monitoring.Core.Articles;

/// <summary>The readable parts of an article's text: what remains after chrome and boilerplate are gone.</summary>
/// <param name="Title">The headline, the first real line.</param>
/// <param name="Paragraphs">Body paragraphs in reading order; captions, footer and credit excluded.</param>
/// <param name="Credit">A credit line such as "With reporting by AP", or null when there is none.</param>
public sealed record ParsedText(string Title, IReadOnlyList<string> Paragraphs, string? Credit);
