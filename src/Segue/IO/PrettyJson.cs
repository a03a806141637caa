using System.Text.Encodings.Web;
using System.Text.Json;

namespace Segue.IO;

/// <summary>
/// The JSON layout of the MPD's files (Python's <c>json.dumps(obj, indent=4)</c>): 4-space
/// indentation, "key": value, \n line ends; apostrophes and ampersands stay literal as Python
/// leaves them. Checked against json.dumps: identical except that characters outside ASCII in
/// the Basic Multilingual Plane are written as UTF-8 where Python writes \u escapes, and the
/// escapes of other characters (emoji) have upper-case hex digits.
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
