using System.Globalization;

namespace Segue.Data.Synth;

/// <summary>
/// Playlist titles and descriptions drawn from the words of the playlist's genre and mood, so a
/// title says something about its tracks. People write the same few words in many ways (odd
/// casing, emoji, punctuation), so many titles share a normalised form, as in the real MPD.
/// </summary>
internal static class SynthTitles
{
    private static readonly string[] Separators = [" ", " ", " ", " & ", " / ", " - "];

    public static string Title(ref SynthRandom random, SynthTopic genre, SynthTopic mood)
    {
        string genreWord = Pick(ref random, genre.TitleWords);
        string moodWord = Pick(ref random, mood.TitleWords);
        double form = random.NextDouble();
        string title = form switch
        {
            < 0.42 => genreWord,
            < 0.72 => moodWord,
            < 0.87 => moodWord + Pick(ref random, Separators) + genreWord,
            < 0.93 => genreWord + " " + (2010 + random.NextInt(8)).ToString(CultureInfo.InvariantCulture),
            // A private word or two: the titles that say little about the tracks.
            _ => Word(ref random) + (random.Chance(0.5) ? " " + Word(ref random) : ""),
        };
        title = random.NextDouble() switch
        {
            < 0.50 => title,
            < 0.75 => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(title),
            < 0.90 => title.ToUpperInvariant(),
            _ => char.ToUpperInvariant(title[0]) + title[1..],
        };
        return random.NextDouble() switch
        {
            < 0.08 => title + " " + Pick(ref random, SynthVocabulary.Emoji),
            < 0.11 => Pick(ref random, SynthVocabulary.Emoji) + " " + title,
            < 0.15 => title + "!",
            < 0.17 => title + " :)",
            _ => title,
        };
    }

    public static string Description(ref SynthRandom random, SynthTopic genre, SynthTopic mood) =>
        $"{Pick(ref random, SynthVocabulary.DescriptionStarts)} {Pick(ref random, mood.TitleWords)} {Pick(ref random, genre.TitleWords)}";

    private static string Word(ref SynthRandom random) =>
        System.Text.Encoding.UTF8.GetString(Pick(ref random, SynthVocabulary.NameWords));

    private static T Pick<T>(ref SynthRandom random, T[] items) => items[random.NextInt(items.Length)];
}
