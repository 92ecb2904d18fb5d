using System.Diagnostics;
using System.Globalization;
using DialogueTracker.Web.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DialogueTracker.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        // Reached by re-execution the response already carries the status; reached directly it takes the one in the URL.
        Status = code is >= 400 and <= 599 ? code.Value : StatusCodes.Status500InternalServerError;
        // A full disk or read-only database is no bug: say that the change was not saved, and when to try again.
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error && DatabaseUnavailable.Classify(error) is { } kind)
        {
            Status = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds(kind).ToString(CultureInfo.InvariantCulture);
        }
        else if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } badText && UnstorableText.Is(badText))
        {
            Status = StatusCodes.Status400BadRequest;
        }

        Response.StatusCode = Status;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
    }
}
