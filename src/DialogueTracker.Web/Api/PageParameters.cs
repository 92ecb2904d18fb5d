using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace DialogueTracker.Web.Api;

/// <summary>Paging for every list. Read as text so that a bad value gets a 400 naming the parameter.</summary>
public sealed record PageParameters
{
    /// <summary>Page number, from 1. Default 1.</summary>
    /// <example>1</example>
    [FromQuery(Name = "page")]
    public string? Page { get; init; }

    /// <summary>Records per page, 1–100. Default 25.</summary>
    /// <example>25</example>
    [FromQuery(Name = "pageSize")]
    public string? PageSize { get; init; }

    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public (int Page, int PageSize) Parse(Dictionary<string, string[]> errors)
    {
        var page = 1;
        var pageSize = DefaultPageSize;
        if (Page is not null && (!int.TryParse(Page, out page) || page < 1))
        {
            errors["page"] = [$"'{Page}' is not a page number; pages count from 1."];
        }

        if (PageSize is not null && (!int.TryParse(PageSize, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            errors["pageSize"] = [$"'{PageSize}' is not a page size; use a whole number from 1 to {MaxPageSize}."];
        }

        // Pages past what an offset can address would overflow; nothing is there anyway.
        if (!errors.ContainsKey("page") && (long)(page - 1) * pageSize > int.MaxValue)
        {
            errors["page"] = [$"Page {page} is beyond any list this API serves."];
        }

        return (page, pageSize);
    }

    /// <summary>Writes the RFC 8288 <c>Link</c> header: first, prev, next and last pages of this same query.</summary>
    public static void AddLinkHeader(HttpContext context, int page, int pageSize, int totalCount)
    {
        var lastPage = Math.Max(1, (int)Math.Ceiling(totalCount / (double)pageSize));
        var links = new List<string> { Link(context, 1, pageSize, "first") };
        if (page > 1)
        {
            links.Add(Link(context, Math.Min(page - 1, lastPage), pageSize, "prev"));
        }

        if (page < lastPage)
        {
            links.Add(Link(context, page + 1, pageSize, "next"));
        }

        links.Add(Link(context, lastPage, pageSize, "last"));
        context.Response.Headers.Append("Link", string.Join(", ", links));
    }

    private static string Link(HttpContext context, int page, int pageSize, string rel)
    {
        // The filters as the client sent them, then the paging, so links read the same on every page.
        var query = QueryHelpers.ParseQuery(context.Request.QueryString.Value)
            .Where(p => !p.Key.Equals("page", StringComparison.OrdinalIgnoreCase) && !p.Key.Equals("pageSize", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new("page", page.ToString(CultureInfo.InvariantCulture)))
            .Append(new("pageSize", pageSize.ToString(CultureInfo.InvariantCulture)));
        var request = context.Request;
        var url = QueryHelpers.AddQueryString($"{request.PathBase}{request.Path}", query);
        return $"<{url}>; rel=\"{rel}\"";
    }
}
