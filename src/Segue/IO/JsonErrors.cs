using System.Text.Json;
using System.Text.RegularExpressions;

namespace Segue.IO;

/// <summary>
/// What System.Text.Json says when a file of ours does not read, in a user's words: the field and
/// the JSON expected there, never the .NET type it was to become ("The JSON value could not be
/// converted to System.Int32. Path: $.depth" is "depth: expected an integer").
/// </summary>
public static partial class JsonErrors
{
    /// <summary>The problem <paramref name="e"/> (a <see cref="JsonException"/>, or what reading a
    /// <see cref="System.Text.Json.Nodes.JsonNode"/> throws) in one clause.</summary>
    public static string Describe(Exception e)
    {
        string message = e.Message.ReplaceLineEndings(" ");
        string? field = e is JsonException { Path: { } path } && path != "$" ? path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path : null;
        string where = field is null ? "" : field + ": ";
        if (Converted().Match(message) is { Success: true } converted)
            return $"{where}expected {Expected(FieldType(converted.Groups["type"].Value, field))}";
        if (Unmapped().IsMatch(message)) return $"{where}not a field here";
        if (Missing().Match(message) is { Success: true } missing) return $"{where}missing {missing.Groups["fields"].Value.TrimEnd('.')}";
        if (NodeCast().Match(message) is { Success: true } cast)
            return $"a {cast.Groups["kind"].Value.ToLowerInvariant()} where {Expected(cast.Groups["type"].Value)} belongs";
        if (NodeKind().Match(message) is { Success: true } kind) return $"expected a JSON {kind.Groups["kind"].Value.ToLowerInvariant()}";
        if (e is NullReferenceException) return "a field is missing";
        if (e is JsonException { LineNumber: { } line } json)
        {
            // The reader's position follows as " Path: ... | LineNumber: ..." or " LineNumber: ...".
            int cut = message.IndexOf(" Path: ", StringComparison.Ordinal) is >= 0 and var p ? p : message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
            return $"not valid JSON at line {line + 1}, byte {json.BytePositionInLine}: {(cut > 0 ? message[..cut] : message).TrimEnd('.')}";
        }
        return message.TrimEnd('.');
    }

    // A record read through its constructor names itself, not the field's type, when a field of
    // it fails ("could not be converted to Segue.Runs.RunSummary. Path: $.finished").
    private static string FieldType(string type, string? field)
    {
        string? name = field?[(field.LastIndexOf('.') + 1)..];
        var property = name is null ? null : typeof(JsonErrors).Assembly.GetType(type)?.GetProperties()
            .FirstOrDefault(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) == name);
        return property?.PropertyType.FullName ?? type;
    }

    // The JSON a .NET type is read from.
    private static string Expected(string type)
    {
        if (NullableOf().Match(type) is { Success: true } nullable) return Expected(nullable.Groups["type"].Value) + " or null";
        return type switch
        {
            "System.Byte" or "System.Int16" or "System.UInt16" or "System.Int32" or "System.UInt32" or "System.Int64" or "System.UInt64" => "an integer",
            "System.Single" or "System.Double" or "System.Decimal" => "a number",
            "System.String" or "System.Char" => "a string",
            "System.Boolean" => "true or false",
            "System.DateTime" or "System.DateTimeOffset" => "a date and time",
            _ when type.EndsWith("[]", StringComparison.Ordinal) || type.Contains("List`1", StringComparison.Ordinal) => "an array",
            _ when typeof(JsonErrors).Assembly.GetType(type) is { IsEnum: true } e =>
                "one of " + string.Join(", ", Enum.GetNames(e).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName)),
            _ => "an object",
        };
    }

    [GeneratedRegex(@"could not be converted to (?<type>[^ ]+?)\.?( Path:|$)")]
    private static partial Regex Converted();

    [GeneratedRegex(@"^The JSON property '.*' could not be mapped to any \.NET member")]
    private static partial Regex Unmapped();

    [GeneratedRegex(@"was missing required properties including: (?<fields>.*)$")]
    private static partial Regex Missing();

    [GeneratedRegex(@"An element of type '(?<kind>\w+)' cannot be converted to a '(?<type>[^']+)'")]
    private static partial Regex NodeCast();

    [GeneratedRegex(@"^The node must be of type 'Json(?<kind>\w+)'")]
    private static partial Regex NodeKind();

    [GeneratedRegex(@"^System\.Nullable`1\[\[(?<type>[^,\]]+)")]
    private static partial Regex NullableOf();
}
