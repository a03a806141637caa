using System.Text.Json;

namespace Segue.IO;

/// <summary>
/// Reads small JSON files of ours (challenge sets, answer files) as documents, turning every
/// problem into one <see cref="SegueException"/> line that names the file, the record and the field.
/// </summary>
public static class JsonFields
{
    public static JsonDocument Parse(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonDocument.Parse(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SegueException($"{path}: cannot read: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new SegueException($"{path}: not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine}: {e.Message}", e);
        }
    }

    /// <summary>The root, which must be an object.</summary>
    public static JsonElement Root(string path, JsonDocument document) =>
        document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement
            : throw new SegueException($"{path}: expected a JSON object at the top level");

    public static JsonElement Property(string path, string record, JsonElement owner, string name, JsonValueKind kind)
    {
        if (!owner.TryGetProperty(name, out var value))
            throw new SegueException($"{path}: {record}: field '{name}' is missing");
        if (value.ValueKind != kind)
            throw new SegueException($"{path}: {record}: field '{name}' is a {value.ValueKind}; expected a {kind}");
        return value;
    }

    public static int Int(string path, string record, JsonElement owner, string name)
    {
        var value = Property(path, record, owner, name, JsonValueKind.Number);
        if (!value.TryGetInt32(out int result))
            throw new SegueException($"{path}: {record}: field '{name}' is {value.GetRawText()}; expected an integer");
        return result;
    }
}
