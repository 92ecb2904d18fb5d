using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;

namespace DialogueTracker.Web.Localization;

public static class LanguageEndpoints
{
    public const string Path = "/language";

    /// <summary>
    /// <c>GET /language/vi?returnUrl=/rounds/4</c>: remembers the choice in the culture cookie and goes back.
    /// A plain link, so the switch works without JavaScript.
    /// </summary>
    public static IEndpointConventionBuilder MapLanguageSwitch(this IEndpointRouteBuilder routes) =>
        routes.MapGet(Path + "/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (!Cultures.Supported.Contains(culture))
            {
                return Results.NotFound();
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    IsEssential = true,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                });
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).ExcludeFromDescription();

    /// <summary>A local address to go back to, without a <c>culture</c> parameter that would override the new choice.</summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) || returnUrl.StartsWith("/\\", StringComparison.Ordinal))
        {
            return "/";
        }

        var queryStart = returnUrl.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return returnUrl;
        }

        return returnUrl[..queryStart] + Cultures.QueryWithoutCulture(QueryHelpers.ParseQuery(returnUrl[queryStart..]));
    }
}
