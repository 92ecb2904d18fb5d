using DialogueTracker.Web.Localization;
using DialogueTracker.Web.Model;
using DialogueTracker.Web.Timeline;
using Microsoft.Extensions.Localization;

namespace DialogueTracker.Web.Search;

/// <summary>Checks the search box and the filters the page and the API share; problems are keyed by the parameter at fault.</summary>
public sealed class SearchRequestParser(FilterParser filters, IStringLocalizer<SharedResource> localizer)
{
    public async Task<(IReadOnlyList<SearchTerm> Terms, SearchRecordType? Type, RecordFilter Filter, Dictionary<string, string[]> Errors)> ParseAsync(
        string? q, string? type, string? mechanism, string? topic, string? party, string? from, string? to, CancellationToken cancellationToken)
    {
        var (filter, errors) = await filters.ParseAsync(mechanism, topic, party, from, to, cancellationToken);

        var terms = SearchQueryParser.Parse(q);
        if (terms.Count == 0)
        {
            errors["q"] = [string.IsNullOrWhiteSpace(q)
                ? localizer["Type one or more words to search for."]
                : localizer["'{0}' has no words to search for: use letters or digits, \"quotes\" for a phrase, * after a word for words starting with it.", Shorten(q)]];
        }

        SearchRecordType? recordType = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (EnumNames.TryParse<SearchRecordType>(type, out var value))
            {
                recordType = value;
            }
            else
            {
                errors["type"] = [localizer["'{0}' is not a record type; use one of: {1}.", type, string.Join(", ", EnumNames.All<SearchRecordType>())]];
            }
        }

        return (terms, recordType, filter, errors);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
