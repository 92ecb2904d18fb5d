namespace DialogueTracker.Web.Model;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";

    public static readonly string[] All = [Admin, Editor];
}
