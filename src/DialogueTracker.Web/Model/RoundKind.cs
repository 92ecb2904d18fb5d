namespace DialogueTracker.Web.Model;

/// <summary>What sort of event a round is.</summary>
public enum RoundKind
{
    Launch,
    Upgrade,
    Round,
    Consultation,
    Meeting,
    Visit,
    Other,
}
