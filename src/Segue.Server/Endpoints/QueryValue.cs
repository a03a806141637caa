using System.Globalization;
using Segue.Serving;

namespace Segue.Server.Endpoints;

/// <summary>Values from the query string or the route, parsed here rather than by the framework so
/// that a bad one is a problem naming its field.</summary>
public static class QueryValue
{
    public static int Int(string? text, string field, int missing)
    {
        if (text is null) return missing;
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new RequestFieldException(field, $"expected a whole number, got \"{Quoted(text)}\"");
    }

    /// <summary><c>true</c> or <c>false</c>; missing is false.</summary>
    public static bool Bool(string? text, string field) => text switch
    {
        null or "false" => false,
        "true" => true,
        _ => throw new RequestFieldException(field, $"expected true or false, got \"{Quoted(text)}\""),
    };

    private static string Quoted(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
