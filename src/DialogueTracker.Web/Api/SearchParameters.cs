using Microsoft.AspNetCore.Mvc;

namespace DialogueTracker.Web.Api;

/// <summary>What to search for, and in which records.</summary>
/// <param name="Q" example="tu do ton giao">Words to find, with or without Vietnamese diacritics (<c>đ</c> matches <c>d</c>), any case. Every word must match. <c>"quoted words"</c> is a phrase; <c>quy*</c> matches words starting with <c>quy</c>. Other punctuation is ignored.</param>
/// <param name="Type" example="statement">round, statement, topic, source or concern.</param>
public sealed record SearchParameters(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "type")] string? Type);
