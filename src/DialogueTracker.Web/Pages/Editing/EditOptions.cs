using DialogueTracker.Web.Data;
using DialogueTracker.Web.Localization;
using DialogueTracker.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Pages.Editing;

/// <summary>The choices edit forms offer: mechanisms and their series, topics, sources, rounds.</summary>
public sealed class EditOptions(DialogueDbContext db)
{
    /// <summary>The ids of the page's lists of sources and of rounds that key fields offer (_KeyChoices).</summary>
    public const string SourceChoices = "source-choices";
    public const string RoundChoices = "round-choices";

    public async Task<IReadOnlyList<SelectListItem>> MechanismsAsync(CancellationToken cancellationToken) =>
        [.. (await db.Mechanisms.AsNoTracking().OrderBy(m => m.NameEn).ToListAsync(cancellationToken))
            .Select(m => new SelectListItem(Cultures.CurrentIsVietnamese ? m.NameVi : m.NameEn, m.Slug))];

    /// <summary>Series as "mechanism / series", valued by the series slug (the form checks the pair).</summary>
    public async Task<IReadOnlyList<SelectListItem>> SeriesAsync(CancellationToken cancellationToken) =>
        [.. (await db.RoundSeries.AsNoTracking().Include(s => s.Mechanism).OrderBy(s => s.Mechanism.NameEn).ToListAsync(cancellationToken))
            .Select(s => new SelectListItem($"{s.Mechanism.NameEn} / {s.NameEn}", s.Slug))];

    public async Task<IReadOnlyList<SelectListItem>> TopicsAsync(CancellationToken cancellationToken) =>
        [.. TopicTree.Flatten(await db.Topics.AsNoTracking().ToListAsync(cancellationToken))
            .Select(t => new SelectListItem(new string('\u2003', t.Depth) + (Cultures.CurrentIsVietnamese ? t.Topic.NameVi : t.Topic.NameEn), t.Topic.Slug))];

    public async Task<IReadOnlyList<SelectListItem>> SourcesAsync(CancellationToken cancellationToken) =>
        [.. (await db.Sources.AsNoTracking().OrderBy(s => s.Title).Select(s => new { s.Key, s.Title, s.Language }).ToListAsync(cancellationToken))
            .Select(s => new SelectListItem($"{s.Title ?? s.Key} ({s.Language})", s.Key))];

    public async Task<IReadOnlyList<SelectListItem>> RoundsAsync(CancellationToken cancellationToken) =>
        [.. (await db.Rounds.AsNoTracking().OrderByDescending(r => r.DateEarliest).Select(r => new { r.Key, r.Date, r.TitleEn }).ToListAsync(cancellationToken))
            .Select(r => new SelectListItem($"{r.Date} {r.TitleEn}", r.Key))];
}
