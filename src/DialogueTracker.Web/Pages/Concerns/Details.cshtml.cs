using DialogueTracker.Web.Concerns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DialogueTracker.Web.Pages.Concerns;

public sealed class DetailsModel(ConcernQuery concerns) : PageModel
{
    public ConcernThread Thread { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var concern = await concerns.FindAsync(id, cancellationToken);
        if (concern is null)
        {
            return NotFound();
        }

        Thread = ConcernThread.Of(concern);
        return Page();
    }
}
