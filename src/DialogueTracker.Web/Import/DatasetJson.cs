using System.Text.Json;

namespace DialogueTracker.Web.Import;

/// <summary>How dataset files are read and written.</summary>
public static class DatasetJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };
}
