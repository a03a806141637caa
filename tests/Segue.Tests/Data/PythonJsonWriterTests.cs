using System.Text;
using Segue.Data;

namespace Segue.Tests.Data;

public sealed class PythonJsonWriterTests
{
    /// <summary>The start of the real mpd.slice.0-999.json, its first playlist cut to two tracks
    /// (the counts are the file's), exactly as Python 2's json.dumps(indent=4) wrote it: ", "
    /// ends every line that ends in a comma, and num_artists comes last.</summary>
    private const string RealSliceExcerpt =
        "{\n" +
        "    \"info\": {\n" +
        "        \"generated_on\": \"2017-12-03 08:41:42.057563\", \n" +
        "        \"slice\": \"0-999\", \n" +
        "        \"version\": \"v1\"\n" +
        "    }, \n" +
        "    \"playlists\": [\n" +
        "        {\n" +
        "            \"name\": \"Throwbacks\", \n" +
        "            \"collaborative\": \"false\", \n" +
        "            \"pid\": 0, \n" +
        "            \"modified_at\": 1493424000, \n" +
        "            \"num_tracks\": 52, \n" +
        "            \"num_albums\": 47, \n" +
        "            \"num_followers\": 1, \n" +
        "            \"tracks\": [\n" +
        "                {\n" +
        "                    \"pos\": 0, \n" +
        "                    \"artist_name\": \"Missy Elliott\", \n" +
        "                    \"track_uri\": \"spotify:track:0UaMYEvWZi0ZqiDOoHU3YI\", \n" +
        "                    \"artist_uri\": \"spotify:artist:2wIVse2owClT7go1WT98tk\", \n" +
        "                    \"track_name\": \"Lose Control (feat. Ciara & Fat Man Scoop)\", \n" +
        "                    \"album_uri\": \"spotify:album:6vV5UrXcfyQD1wu4Qo2I9K\", \n" +
        "                    \"duration_ms\": 226863, \n" +
        "                    \"album_name\": \"The Cookbook\"\n" +
        "                }, \n" +
        "                {\n" +
        "                    \"pos\": 1, \n" +
        "                    \"artist_name\": \"Britney Spears\", \n" +
        "                    \"track_uri\": \"spotify:track:6I9VzXrHxO9rA9A5euc8Ak\", \n" +
        "                    \"artist_uri\": \"spotify:artist:26dSoYclwsYLMAKD3tpOr4\", \n" +
        "                    \"track_name\": \"Toxic\", \n" +
        "                    \"album_uri\": \"spotify:album:0z7pVBGOD7HCIB7S8eLkLI\", \n" +
        "                    \"duration_ms\": 198800, \n" +
        "                    \"album_name\": \"In The Zone\"\n" +
        "                }\n" +
        "            ], \n" +
        "            \"num_edits\": 6, \n" +
        "            \"duration_ms\": 11532414, \n" +
        "            \"num_artists\": 37\n" +
        "        }\n" +
        "    ]\n" +
        "}";

    [Fact]
    public void WritesARealSliceExcerptByteForByte()
    {
        var text = Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("info"u8);
            writer.WriteString("generated_on"u8, "2017-12-03 08:41:42.057563");
            writer.WriteString("slice"u8, "0-999");
            writer.WriteString("version"u8, "v1");
            writer.WriteEndObject();
            writer.WriteStartArray("playlists"u8);
            writer.WriteStartObject();
            writer.WriteString("name"u8, "Throwbacks");
            writer.WriteString("collaborative"u8, "false"u8);
            writer.WriteNumber("pid"u8, 0);
            writer.WriteNumber("modified_at"u8, 1493424000);
            writer.WriteNumber("num_tracks"u8, 52);
            writer.WriteNumber("num_albums"u8, 47);
            writer.WriteNumber("num_followers"u8, 1);
            writer.WriteStartArray("tracks"u8);
            Track(writer, 0, "Missy Elliott", "spotify:track:0UaMYEvWZi0ZqiDOoHU3YI", "spotify:artist:2wIVse2owClT7go1WT98tk",
                  "Lose Control (feat. Ciara & Fat Man Scoop)", "spotify:album:6vV5UrXcfyQD1wu4Qo2I9K", 226863, "The Cookbook");
            Track(writer, 1, "Britney Spears", "spotify:track:6I9VzXrHxO9rA9A5euc8Ak", "spotify:artist:26dSoYclwsYLMAKD3tpOr4",
                  "Toxic", "spotify:album:0z7pVBGOD7HCIB7S8eLkLI", 198800, "In The Zone");
            writer.WriteEndArray();
            writer.WriteNumber("num_edits"u8, 6);
            writer.WriteNumber("duration_ms"u8, 11532414);
            writer.WriteNumber("num_artists"u8, 37);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        Assert.Equal(RealSliceExcerpt, text);
    }

    /// <summary>Expected strings are json.dumps(..., indent=4)'s (ensure_ascii): lower-case hex,
    /// surrogate pairs beyond the BMP, DEL escaped, the slash left alone.</summary>
    [Theory]
    [InlineData("Caf\u00e9 \U0001F525", "\"Caf\\u00e9 \\ud83d\\udd25\"")]
    [InlineData("say \"hi\" \\ a/b ~", "\"say \\\"hi\\\" \\\\ a/b ~\"")]
    [InlineData("\t\n\r\b\f\u0001\u001f\u007f", "\"\\t\\n\\r\\b\\f\\u0001\\u001f\\u007f\"")]
    [InlineData("\u2014 \u00ff \u0100 \U0001D11E", "\"\\u2014 \\u00ff \\u0100 \\ud834\\udd1e\"")]
    [InlineData("", "\"\"")]
    public void EscapesAsPythonsEnsureAsciiDoesFromTextAndFromUtf8(string value, string expected)
    {
        string fromText = Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("k"u8, value);
            writer.WriteEndObject();
        });
        string fromUtf8 = Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("k"u8, Encoding.UTF8.GetBytes(value));
            writer.WriteEndObject();
        });
        Assert.Equal("{\n    \"k\": " + expected + "\n}", fromText);
        Assert.Equal(fromText, fromUtf8);
    }

    [Fact]
    public void EmptyContainersStayOnTheirLine()
    {
        Assert.Equal("{}", Write(writer => { writer.WriteStartObject(); writer.WriteEndObject(); }));
        Assert.Equal("{\n    \"a\": [], \n    \"b\": {}\n}", Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("a"u8);
            writer.WriteEndArray();
            writer.WriteStartObject("b"u8);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }));
    }

    [Fact]
    public void ValuesLongerThanTheBufferAndManySmallOnesSurviveIntact()
    {
        string longValue = string.Concat(Enumerable.Repeat("\U0001F525abc\u00e9", 40_000));
        string text = Write(writer =>
        {
            writer.WriteStartObject();
            for (int i = 0; i < 10_000; i++) writer.WriteNumber("n"u8, i);
            writer.WriteString("long"u8, longValue);
            writer.WriteEndObject();
        });
        var expected = new StringBuilder("{");
        for (int i = 0; i < 10_000; i++) expected.Append(i == 0 ? "" : ", ").Append("\n    \"n\": ").Append(i);
        expected.Append(", \n    \"long\": \"")
            .Append(string.Concat(Enumerable.Repeat("\\ud83d\\udd25abc\\u00e9", 40_000))).Append("\"\n}");
        Assert.Equal(expected.ToString(), text);
    }

    private static void Track(PythonJsonWriter writer, int pos, string artist, string trackUri, string artistUri,
                              string track, string albumUri, int durationMs, string album)
    {
        writer.WriteStartObject();
        writer.WriteNumber("pos"u8, pos);
        writer.WriteString("artist_name"u8, artist);
        writer.WriteString("track_uri"u8, trackUri);
        writer.WriteString("artist_uri"u8, artistUri);
        writer.WriteString("track_name"u8, track);
        writer.WriteString("album_uri"u8, albumUri);
        writer.WriteNumber("duration_ms"u8, durationMs);
        writer.WriteString("album_name"u8, album);
        writer.WriteEndObject();
    }

    private static string Write(Action<PythonJsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new PythonJsonWriter(stream))
        {
            write(writer);
            writer.Flush();
        }
        // ensure_ascii writes printable ASCII and line breaks only; decoding would hide a stray byte as '?'.
        var bytes = stream.ToArray();
        Assert.DoesNotContain(bytes, b => b > 0x7E || (b < 0x20 && b != '\n'));
        return Encoding.ASCII.GetString(bytes);
    }
}
