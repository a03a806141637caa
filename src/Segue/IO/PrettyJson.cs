using System.Text.Encodings.Web;
using System.Text.Json;

namespace Segue.IO;

/// <summary>
/// The indented layout of Segue's own JSON files (challenge_truth.json): 4-space indentation,
/// \n line ends, apostrophes and ampersands literal. Files that must match the MPD's bytes
/// (slices, challenge sets) are written by <see cref="Data.PythonJsonWriter"/> instead, which
/// reproduces Python 2's json.dumps exactly; this file needs only to be readable.
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
