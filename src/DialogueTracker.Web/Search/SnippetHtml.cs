using System.Text;

namespace DialogueTracker.Web.Search;

/// <summary>Turns an index snippet into HTML: the record's text encoded first, then each match wrapped in <c>&lt;mark&gt;</c>.</summary>
public static class SnippetHtml
{
    // Control characters no record text contains; they only ever come from the index's snippet().
    public const string MarkStart = "\u0002";
    public const string MarkEnd = "\u0003";

    public static string Render(string snippet)
    {
        var html = new StringBuilder(snippet.Length + 32);
        foreach (var c in snippet)
        {
            html.Append(c switch
            {
                '\u0002' => "<mark>",
                '\u0003' => "</mark>",
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when char.IsControl(c) && c is not '\n' and not '\t' => " ",
                _ => c.ToString(),
            });
        }

        return html.ToString();
    }
}
