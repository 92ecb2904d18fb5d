using DialogueTracker.Web.Accounts;
using DialogueTracker.Web.Api;
using DialogueTracker.Web.Export;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DialogueTracker.Web.Pages.Admin;

/// <summary>Admins upload a dataset (JSON export format or the rounds/statements CSV): checked whole, then written whole.</summary>
[Authorize(Policy = AccountsSetup.IsAdmin)]
[RequestSizeLimit(ImportApi.MaxImportBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportApi.MaxImportBytes)]
public sealed class ImportModel(DatasetImporter importer, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool DryRun { get; set; } = true;

    public ImportResult? Result { get; private set; }
    public bool WasDryRun { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), localizer["Choose a file to import."]);
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        var (dataset, problem) = Upload.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? await CsvImport.ReadAsync(stream, cancellationToken)
            : await DatasetReader.ReadAsync(stream, cancellationToken);
        WasDryRun = DryRun;
        Result = dataset is null
            ? new ImportResult([problem!], 0, 0)
            : await importer.ImportAsync(dataset, new ImportOptions
            {
                DryRun = DryRun,
                Author = RecordWrites.AuthorOf(User),
                Summary = $"Imported from {Path.GetFileName(Upload.FileName)}",
            }, cancellationToken);
        return Page();
    }
}
