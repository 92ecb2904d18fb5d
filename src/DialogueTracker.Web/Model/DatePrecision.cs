namespace DialogueTracker.Web.Model;

/// <summary>How much of a date is known.</summary>
public enum DatePrecision
{
    Year,
    Month,
    Day,
}
