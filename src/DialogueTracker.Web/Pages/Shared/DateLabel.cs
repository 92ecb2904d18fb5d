using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Pages.Shared;

/// <summary>What the _DateLabel partial shows: a date as a person writes it, and why any part is inferred.</summary>
public sealed record DateLabel(PartialDate? Date, string? Note = null);
