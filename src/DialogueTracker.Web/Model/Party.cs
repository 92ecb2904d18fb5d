namespace DialogueTracker.Web.Model;

/// <summary>Who speaks. Written in the API in kebab case: <c>eu</c>, <c>viet-nam</c>, <c>eu-member-state</c>, ...</summary>
public enum Party
{
    EU,
    VietNam,
    EuMemberState,
    EuropeanParliament,
    Ngo,
    Other,
}
