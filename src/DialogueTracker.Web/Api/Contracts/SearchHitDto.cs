using DialogueTracker.Web.Model;
using DialogueTracker.Web.Search;

namespace DialogueTracker.Web.Api.Contracts;

/// <summary>One search result.</summary>
/// <param name="Type" example="statement">round, statement, topic, source or concern.</param>
/// <param name="Id" example="1">The record's id (use <c>url</c> for topics, which are addressed by slug).</param>
/// <param name="Url" example="/statements/1">The record's page.</param>
/// <param name="Title" example="EU human-rights priorities in Viet Nam">English title or name.</param>
/// <param name="Date" example="2021?-06-24">EDTF date; null when unknown or for topics.</param>
/// <param name="Party" example="viet-nam">For statements: who spoke.</param>
/// <param name="Snippet" example="…the &lt;mark&gt;death penalty&lt;/mark&gt; …">
/// An extract of the record's text around the matches, as HTML: the text is HTML-encoded and each match is
/// wrapped in <c>&lt;mark&gt;</c>…<c>&lt;/mark&gt;</c>; <c>…</c> marks cut text. Safe to insert into a page as is;
/// for plain text, remove the two tags and decode the entities.</param>
/// <param name="Score" example="7.25">Relevance (BM25; higher is better). Comparable only within one search.</param>
public sealed record SearchHitDto(
    SearchRecordType Type,
    int Id,
    string Url,
    string Title,
    string? Date,
    Party? Party,
    string Snippet,
    double Score)
{
    public static SearchHitDto From(SearchHit hit) =>
        new(hit.Type, hit.Id, hit.Url, hit.Title, hit.Date?.ToString(), hit.Party, hit.SnippetHtml, Math.Round(hit.Score, 4));
}
