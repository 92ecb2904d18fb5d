using DialogueTracker.Web.Editing;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Localization;
using DialogueTracker.Web.Model;
using DialogueTracker.Web.Pages.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace DialogueTracker.Web.Pages.Concerns;

public sealed class EditModel(RecordEditor editor, EditOptions options, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer)
    : RecordEditPageModel(editor, authorization, localizer)
{
    private ConcernInput.Rows? _rows;

    [BindProperty] public ConcernInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Rounds { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Topics { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Sources { get; private set; } = [];

    protected override RecordType Type => RecordType.Concern;
    protected override Guid InputVersion { get => Input.Version; set => Input.Version = value; }
    protected override string? InputEditSummary => Input.EditSummary;

    protected override void Fill(object record, Guid version) => Input = ConcernInput.From((ConcernRecord)record, version);

    protected override (object Record, IReadOnlyList<int> CitationRows) Build()
    {
        var (record, rows) = Input.ToRecord();
        _rows = rows;
        return (record, rows.Citations);
    }

    protected override void AddProblems(IReadOnlyList<ImportProblem> problems, IReadOnlyList<int> citationRows) =>
        ConcernInput.AddProblems(ModelState, problems, _rows!);

    protected override string PageUrl(int id, object record) => $"/concerns/{id}";

    protected override async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        Input.AddBlankRows();
        Rounds = await options.RoundsAsync(cancellationToken);
        Topics = await options.TopicsAsync(cancellationToken);
        Sources = await options.SourcesAsync(cancellationToken);
    }
}
