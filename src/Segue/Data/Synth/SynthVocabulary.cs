using System.Text;

namespace Segue.Data.Synth;

/// <summary>A latent topic of the synthetic world: playlists, artists and titles all draw on one.</summary>
/// <param name="Weight">Relative share of artists and of playlists in this topic.</param>
/// <param name="TitleWords">What people call playlists of this topic; titles are built from these.</param>
internal sealed record SynthTopic(string Name, double Weight, string[] TitleWords);

/// <summary>
/// The words the synthetic world is made of: genres and moods (the latent topics) with the
/// title words that go with them, and the pieces artist, album and track names are built from.
/// </summary>
internal static class SynthVocabulary
{
    public static readonly SynthTopic[] Genres =
    [
        new("pop", 14, ["pop", "pop hits", "top hits", "today's hits", "pop music", "hits"]),
        new("hip hop", 12, ["rap", "hip hop", "hip-hop", "trap", "rap caviar", "bangers"]),
        new("country", 9, ["country", "country music", "country hits", "boots", "backroads"]),
        new("rock", 8, ["rock", "classic rock", "rock n roll", "rock music", "guitar"]),
        new("edm", 6, ["edm", "house", "dance", "electronic", "party", "club"]),
        new("r&b", 6, ["r&b", "rnb", "slow jams", "soul", "smooth"]),
        new("indie", 6, ["indie", "indie rock", "alternative", "alt", "indie folk"]),
        new("latin", 5, ["latin", "reggaeton", "latino", "spanish", "musica"]),
        new("christian", 4, ["worship", "christian", "praise", "church", "gospel"]),
        new("throwback", 5, ["throwback", "oldies", "90s", "80s", "2000s", "old school"]),
        new("chill", 5, ["chill", "chill vibes", "relax", "lofi", "mellow"]),
        new("workout", 4, ["workout", "gym", "running", "lift", "cardio", "pump up"]),
        new("metal", 3, ["metal", "heavy metal", "metalcore", "hardcore", "screamo"]),
        new("punk", 3, ["punk", "pop punk", "emo", "emo jams", "skate"]),
        new("jazz", 2, ["jazz", "smooth jazz", "jazz vibes", "swing", "blues"]),
        new("classical", 2, ["classical", "piano", "study", "focus", "instrumental"]),
        new("folk", 3, ["folk", "acoustic", "singer songwriter", "coffee house"]),
        new("disney", 2, ["disney", "musicals", "broadway", "soundtrack", "kids"]),
        new("reggae", 1.5, ["reggae", "island", "beach", "summer", "roots"]),
        new("kpop", 1.5, ["kpop", "k-pop", "bts", "korean", "jpop"]),
    ];

    public static readonly SynthTopic[] Moods =
    [
        new("happy", 3, ["happy", "good vibes", "feel good", "sunshine", "smile"]),
        new("sad", 3, ["sad", "feels", "sad songs", "heartbreak", "cry"]),
        new("party", 3, ["party", "turn up", "lit", "pregame", "friday"]),
        new("summer", 3, ["summer", "summer 2017", "summer 16", "road trip", "beach"]),
        new("sleep", 1.5, ["sleep", "night", "late night", "calm", "rain"]),
        new("love", 2, ["love", "love songs", "wedding", "romance", "crush"]),
        new("drive", 2, ["drive", "car", "car songs", "road trip", "cruise"]),
        new("study", 1.5, ["study", "homework", "focus", "reading", "work"]),
        new("christmas", 1, ["christmas", "xmas", "holiday", "winter", "christmas music"]),
        new("mix", 4, ["mix", "my playlist", "favorites", "jams", "music", "songs", "new"]),
    ];

    public static readonly string[] Emoji = ["🔥", "💯", "🎶", "😎", "❤️", "✨", "🌞", "😴", "💔", "🎉", "🚗", "🤘"];

    public static readonly string[] DescriptionStarts =
        ["songs for", "the best of", "all my favorite", "just some", "a little", "music for"];

    /// <summary>Words of album and track names, as UTF-8 so names are assembled without allocating.</summary>
    public static readonly byte[][] NameWords = Utf8(
    [
        "love", "night", "heart", "fire", "dream", "summer", "light", "home", "gold", "river",
        "wild", "young", "blue", "city", "baby", "girl", "boy", "time", "road", "sky", "dance",
        "stars", "rain", "money", "ghost", "paradise", "forever", "tonight", "alive", "shadow",
        "ocean", "sweet", "midnight", "crazy", "broken", "golden", "electric", "lonely", "fever",
        "memories", "hearts", "lights", "diamond", "thunder", "echo", "angel", "storm", "feel",
        "closer", "higher", "better", "falling", "runaway", "whiskey", "sunday", "moon", "fade",
        "neon", "honey", "wonder", "kings", "queen", "revolution", "silence", "hollow", "gravity",
    ]);

    /// <summary>Syllables of artist names.</summary>
    public static readonly byte[][] Syllables = Utf8(
    [
        "ka", "lo", "mi", "ra", "ven", "tor", "el", "ja", "son", "da", "ri", "ko", "nia", "lee",
        "mar", "tin", "be", "ly", "zo", "an", "dre", "sha", "vo", "qui", "ne", "lu", "ca", "rex",
    ]);

    public static readonly byte[][] ArtistPrefixes = Utf8(["The ", "DJ ", "Lil ", "Young ", "MC "]);

    private static byte[][] Utf8(string[] words) => [.. words.Select(Encoding.UTF8.GetBytes)];
}
