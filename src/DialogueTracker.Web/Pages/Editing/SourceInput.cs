using System.ComponentModel.DataAnnotations;
using DialogueTracker.Web.Import;

namespace DialogueTracker.Web.Pages.Editing;

/// <summary>The source edit form. Title, publisher, date and URL may all be unknown.</summary>
public sealed class SourceInput
{
    [StringLength(100)] public string? Key { get; set; }
    [StringLength(500)] public string? Title { get; set; }
    [StringLength(300)] public string? Publisher { get; set; }
    [StringLength(2000)] public string? Url { get; set; }
    public string? PublishedOn { get; set; }
    [Required, StringLength(35)] public string? Language { get; set; }
    [Required] public string? Kind { get; set; } = "web-page";
    public string? Original { get; set; }
    public string? Notes { get; set; }
    [StringLength(500)] public string? EditSummary { get; set; }
    public Guid Version { get; set; }

    public static SourceInput From(SourceRecord s, Guid version) => new()
    {
        Key = s.Key, Title = s.Title, Publisher = s.Publisher, Url = s.Url, PublishedOn = s.PublishedOn,
        Language = s.Language, Kind = s.Kind, Original = s.Original, Notes = s.Notes, Version = version,
    };

    public SourceRecord ToRecord() => new()
    {
        Key = FormText.Clean(Key) ?? FormText.NewKey("source", FormText.Clean(PublishedOn)),
        Title = FormText.Clean(Title),
        Publisher = FormText.Clean(Publisher),
        Url = FormText.Clean(Url),
        PublishedOn = FormText.Clean(PublishedOn),
        Language = FormText.Clean(Language),
        Kind = FormText.Clean(Kind),
        Original = FormText.Clean(Original),
        Notes = FormText.Clean(Notes),
    };
}
