using System.Text.Encodings.Web;
using System.Text.Json;

namespace Segue.IO;

/// <summary>
/// The JSON layout of the MPD's files (Python's <c>json.dumps(obj, indent=4)</c>): 4-space
/// indentation, "key": value, \n line ends. Characters outside ASCII are written as \u escapes
/// like Python's (Utf8JsonWriter's hex digits are upper case); quotes and ampersands stay
/// literal as Python leaves them.
/// </summary>
public static class PrettyJson
{
    public static JsonWriterOptions Options { get; } = new()
    {
        Indented = true,
        IndentSize = 4,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
