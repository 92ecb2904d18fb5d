using DialogueTracker.Web.Timeline;
using Microsoft.AspNetCore.Mvc;

namespace DialogueTracker.Web.Api;

/// <summary>Filters shared by the record lists.</summary>
public sealed record FilterParameters
{
    /// <summary>Mechanism slug (a statement matches through its round).</summary>
    /// <example>human-rights-dialogue</example>
    [FromQuery(Name = "mechanism")]
    public string? Mechanism { get; init; }

    /// <summary>Topic slug; includes the topic's narrower topics.</summary>
    /// <example>human-rights</example>
    [FromQuery(Name = "topic")]
    public string? Topic { get; init; }

    /// <summary>eu, viet-nam, eu-member-state, european-parliament, ngo or other. Only statements have a party.</summary>
    /// <example>viet-nam</example>
    [FromQuery(Name = "party")]
    public string? Party { get; init; }

    /// <summary>Earliest date, partial allowed (2012, 2012-06, 2012-06-01). Undated records are left out when set.</summary>
    /// <example>2012</example>
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    /// <summary>Latest date, partial allowed; 2020-02 includes all of February 2020.</summary>
    /// <example>2020-02</example>
    [FromQuery(Name = "to")]
    public string? To { get; init; }

    public Task<(RecordFilter Filter, Dictionary<string, string[]> Errors)> ParseAsync(FilterParser parser, CancellationToken cancellationToken) =>
        parser.ParseAsync(Mechanism, Topic, Party, From, To, cancellationToken);
}
