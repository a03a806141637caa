namespace Segue.Data;

/// <summary>How a playlist table's fields are separated: CSV (<c>,</c>) or TSV (a tab), both
/// quoted as RFC 4180 has it (pandas' <c>to_csv</c> writes either so).</summary>
public static class PlaylistTableFormat
{
    public const byte Comma = (byte)',';
    public const byte Tab = (byte)'\t';

    /// <summary>The delimiter a file's extension names (<c>.csv</c>, <c>.tsv</c>, <c>.tab</c>), or null.</summary>
    public static byte? ByExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => Comma,
        ".tsv" or ".tab" => Tab,
        _ => null,
    };

    /// <summary>The delimiter of <paramref name="path"/>: by its extension, else a tab when its
    /// header line holds one, else a comma.</summary>
    public static byte Of(string path, ReadOnlySpan<byte> headerLine) =>
        ByExtension(path) ?? (headerLine.Contains(Tab) ? Tab : Comma);
}
