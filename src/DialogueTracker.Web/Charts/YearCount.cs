namespace DialogueTracker.Web.Charts;

public sealed record YearCount(int Year, int Count);
