using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization.Metadata;
using Segue.Serving;

namespace Segue.Server;

/// <summary>
/// Reads a JSON request body with a size limit, so that every way a body can be bad comes back as
/// a problem naming the field: another content type (415, <c>body</c>), too large (413, <c>body</c>),
/// not JSON or not the expected shape, or a member given twice (400, the JSON path of the fault: <c>tracks[3]</c>, <c>k</c>;
/// <c>body</c> when it is the whole).
/// </summary>
public static partial class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, int maxBytes)
    {
        if (!request.HasJsonContentType())
            throw new BadHttpRequestException($"expected Content-Type application/json, got {(request.ContentType is { } t ? $"'{t}'" : "none")}",
                StatusCodes.Status415UnsupportedMediaType);
        if (request.ContentLength > maxBytes) throw TooLarge(maxBytes);
        var reader = request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await reader.ReadAsync(request.HttpContext.RequestAborted);
            if (read.Buffer.Length > maxBytes) throw TooLarge(maxBytes);
            if (read.IsCompleted) break;
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
        try
        {
            return Parse(read.Buffer, type);
        }
        finally
        {
            reader.AdvanceTo(read.Buffer.End);
        }
    }

    private static T Parse<T>(ReadOnlySequence<byte> body, JsonTypeInfo<T> type)
    {
        try
        {
            // The whole body must be one value: parsing a span refuses anything after it.
            var bytes = body.IsSingleSegment ? body.FirstSpan : body.ToArray();
            return JsonSerializer.Deserialize(bytes, type) ?? throw new RequestFieldException("body", "expected a JSON object, got null");
        }
        catch (JsonException e)
        {
            throw Refusal(e, type);
        }
    }

    // The serializer's messages name .NET types and repeat the path; a client needs the field and
    // what JSON was expected. Syntax errors concern the body as a whole, wherever the reader stopped.
    private static RequestFieldException Refusal(JsonException e, JsonTypeInfo type)
    {
        string field = Field(e.Path);
        if (e.Message.StartsWith("The JSON property ", StringComparison.Ordinal))
            return new RequestFieldException(field, $"not a field of this request (the fields: {string.Join(", ", type.Properties.Select(p => p.Name))})");
        // Which of two values a client meant is anyone's guess: refused, not the last taken.
        if (DuplicateMember().Match(e.Message) is { Success: true } twice)
            return new RequestFieldException(field == "body" ? twice.Groups[1].Value : field, "given twice");
        if (e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            return new RequestFieldException(field, field == "body" ? "expected a JSON object" : "wrong JSON type (the schema is in /openapi/v1.json)");
        int cut = e.Message.IndexOf(" Path: ", StringComparison.Ordinal);
        return new RequestFieldException("body", $"not valid JSON: {(cut > 0 ? e.Message[..cut] : e.Message)} (byte {e.BytePositionInLine} of line {e.LineNumber + 1})");
    }

    /// <summary>A JSON path as a field name: <c>$.tracks[3]</c> is <c>tracks[3]</c>, <c>$</c> the <c>body</c>.</summary>
    private static string Field(string? path) => path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    [GeneratedRegex("^Duplicate property '([^']+)'")]
    private static partial Regex DuplicateMember();

    private static BadHttpRequestException TooLarge(int maxBytes) =>
        new($"the request body is over the limit of {maxBytes:N0} bytes", StatusCodes.Status413PayloadTooLarge);
}
