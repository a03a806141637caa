using System.Text;

namespace Segue.Data;

/// <summary>Playlist titles as the MPD compares them.</summary>
public static class PlaylistTitle
{
    private const string Blanks = ".,/#!$%^*;:{}=_`~()@";

    /// <summary>The MPD's own title normalisation (its stats script): lower case, the punctuation
    /// <c>.,/#!$%^*;:{}=_`~()@</c> to spaces, runs of white space to one, trimmed.</summary>
    public static string Normalize(string name)
    {
        var s = new StringBuilder(name.Length);
        bool space = false;
        foreach (char c in name.ToLowerInvariant())
        {
            bool blank = char.IsWhiteSpace(c) || Blanks.Contains(c);
            if (blank) { space = s.Length > 0; continue; }
            if (space) { s.Append(' '); space = false; }
            s.Append(c);
        }
        return s.ToString();
    }

    /// <summary>The distinct words of a normalised title, in order of first appearance.</summary>
    public static string[] Tokens(string normalized) =>
        normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
}
