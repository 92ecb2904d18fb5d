using DialogueTracker.Web.Timeline;
using Microsoft.AspNetCore.Mvc;

namespace DialogueTracker.Web.Api;

/// <summary>Filters shared by the record lists.</summary>
/// <param name="Mechanism" example="human-rights-dialogue">Mechanism slug (a statement matches through its round).</param>
/// <param name="Topic" example="human-rights">Topic slug; includes the topic's narrower topics.</param>
/// <param name="Party" example="viet-nam">eu, viet-nam, eu-member-state, european-parliament, ngo or other. Only statements have a party.</param>
/// <param name="From" example="&quot;2012&quot;">Earliest date, partial allowed (2012, 2012-06, 2012-06-01). Undated records are left out when set.</param>
/// <param name="To" example="2020-02">Latest date, partial allowed; 2020-02 includes all of February 2020.</param>
public sealed record FilterParameters(
    [FromQuery(Name = "mechanism")] string? Mechanism,
    [FromQuery(Name = "topic")] string? Topic,
    [FromQuery(Name = "party")] string? Party,
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To)
{
    public Task<(RecordFilter Filter, Dictionary<string, string[]> Errors)> ParseAsync(FilterParser parser, CancellationToken cancellationToken) =>
        parser.ParseAsync(Mechanism, Topic, Party, From, To, cancellationToken);
}
