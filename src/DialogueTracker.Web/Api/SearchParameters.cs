using Microsoft.AspNetCore.Mvc;

namespace DialogueTracker.Web.Api;

/// <summary>What to search for, and in which records.</summary>
public sealed record SearchParameters
{
    /// <summary>Words to find, with or without Vietnamese diacritics (<c>đ</c> matches <c>d</c>), any case. Every word must match. <c>"quoted words"</c> is a phrase; <c>quy*</c> matches words starting with <c>quy</c>. Other punctuation is ignored.</summary>
    /// <example>tu do ton giao</example>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>round, statement, topic, source or concern.</summary>
    /// <example>statement</example>
    [FromQuery(Name = "type")]
    public string? Type { get; init; }
}
