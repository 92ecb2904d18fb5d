namespace DialogueTracker.Web.Model;

/// <summary>
/// EDTF qualification of one part of a date: <c>?</c> uncertain (also used for inferred parts),
/// <c>~</c> approximate, <c>%</c> both.
/// </summary>
[Flags]
public enum DateQualifier
{
    None = 0,
    Uncertain = 1,
    Approximate = 2,
    UncertainAndApproximate = Uncertain | Approximate,
}
