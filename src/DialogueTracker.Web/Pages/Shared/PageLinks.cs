using DialogueTracker.Web.Localization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace DialogueTracker.Web.Pages.Shared;

/// <summary>Addresses a page gives for itself: canonical, per language, and the language switch.</summary>
public static class PageLinks
{
    /// <summary>This page's absolute address without a culture parameter: the one to cite.</summary>
    public static string Canonical(HttpRequest request) =>
        UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path) + Cultures.QueryWithoutCulture(request.Query);

    /// <summary>This page in a given language, for <c>hreflang</c> alternates.</summary>
    public static string InLanguage(HttpRequest request, string culture) =>
        QueryHelpers.AddQueryString(Canonical(request), "culture", culture);

    /// <summary>The language switch's link: remembers the choice, then comes back here.</summary>
    public static string SwitchTo(HttpRequest request, string culture) =>
        QueryHelpers.AddQueryString($"{request.PathBase}{LanguageEndpoints.Path}/{culture}", "returnUrl", $"{request.PathBase}{request.Path}{Cultures.QueryWithoutCulture(request.Query)}");
}
