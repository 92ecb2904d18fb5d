using DialogueTracker.Web.Editing;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Localization;
using DialogueTracker.Web.Model;
using DialogueTracker.Web.Pages.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace DialogueTracker.Web.Pages.Sources;

public sealed class EditModel(RecordEditor editor, EditOptions options, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer)
    : RecordEditPageModel(editor, authorization, localizer)
{
    [BindProperty] public SourceInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Sources { get; private set; } = [];

    protected override RecordType Type => RecordType.Source;
    protected override Guid InputVersion { get => Input.Version; set => Input.Version = value; }
    protected override string? InputEditSummary => Input.EditSummary;

    protected override void Fill(object record, Guid version) => Input = SourceInput.From((SourceRecord)record, version);

    protected override (object Record, IReadOnlyList<int> CitationRows) Build() => (Input.ToRecord(), []);

    protected override string PageUrl(int id, object record) => $"/sources/{id}";

    protected override async Task LoadOptionsAsync(CancellationToken cancellationToken) =>
        Sources = await options.SourcesAsync(cancellationToken);
}
