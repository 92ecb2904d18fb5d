using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace DialogueTracker.Web.Api;

public static class ApiJson
{
    /// <summary>Enums as kebab-case words (<c>viet-nam</c>), and Vietnamese written as letters rather than \u escapes.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
    }
}
