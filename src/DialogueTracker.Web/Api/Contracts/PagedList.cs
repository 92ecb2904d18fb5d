namespace DialogueTracker.Web.Api.Contracts;

/// <summary>One page of a list. Links to the other pages are in the RFC 8288 <c>Link</c> header.</summary>
/// <param name="Items">The records on this page.</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">How many records a page holds.</param>
/// <param name="TotalCount">How many records match, over all pages.</param>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);
