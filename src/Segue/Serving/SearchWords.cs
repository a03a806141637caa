using System.Globalization;
using System.Text;

namespace Segue.Serving;

/// <summary>
/// The words a name is searched by: runs of letters and digits, lower-cased, with accents
/// dropped ("Beyoncé" is "beyonce") and apostrophes joined ("Don't" is "dont"); anything else
/// separates words. A query is split the same way, so what a person types matches what they see.
/// </summary>
public static class SearchWords
{
    /// <summary>The distinct words of <paramref name="text"/>, in order.</summary>
    public static List<string> Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (char c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019') continue;
            else Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            if (word.Length == 0) return;
            string w = word.ToString();
            if (!words.Contains(w)) words.Add(w);
            word.Clear();
        }
    }
}
