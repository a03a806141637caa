namespace Segue.Data.Synth;

/// <summary>
/// Names and Spotify-like URIs of catalogue entities, derived from (seed, kind, id) by hashing,
/// written as UTF-8 into a caller's buffer so the slice writer never allocates per track.
/// </summary>
internal static class SynthNames
{
    /// <summary>Room enough for any name or URI made here.</summary>
    public const int MaxLength = 96;

    public enum Kind : ulong { Track = 1, Album = 2, Artist = 3 }

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static ReadOnlySpan<byte> TrackPrefix => "spotify:track:"u8;
    private static ReadOnlySpan<byte> AlbumPrefix => "spotify:album:"u8;
    private static ReadOnlySpan<byte> ArtistPrefix => "spotify:artist:"u8;

    /// <summary>
    /// <c>spotify:KIND:</c> + 22 base-62 characters: two halves of 11 characters, each holding
    /// 64 bits (62^11 > 2^64). The first half is a bijection of the id, so URIs never collide.
    /// </summary>
    public static int Uri(long seed, Kind kind, int id, Span<byte> destination)
    {
        var prefix = kind switch { Kind.Track => TrackPrefix, Kind.Album => AlbumPrefix, _ => ArtistPrefix };
        prefix.CopyTo(destination);
        ulong key = SynthRandom.Hash((ulong)seed, SynthRandom.Streams.Uris, (ulong)kind);
        ulong high = SynthRandom.Mix((ulong)id ^ key);
        ulong low = SynthRandom.Mix(high + key);
        WriteBase62(high, destination.Slice(prefix.Length, 11));
        WriteBase62(low, destination.Slice(prefix.Length + 11, 11));
        return prefix.Length + 22;
    }

    public static int Name(long seed, Kind kind, int id, Span<byte> destination)
    {
        var bits = new Bits(SynthRandom.Hash((ulong)seed, SynthRandom.Streams.Names + (ulong)kind, (ulong)id));
        var name = new Appender(destination);
        switch (kind)
        {
            case Kind.Artist:
                switch (bits.Take(4))
                {
                    case 0: name.Invented(ref bits); break;
                    case 1:
                        name.Invented(ref bits);
                        name.Space();
                        name.Invented(ref bits);
                        break;
                    case 2:
                        name.Plain(SynthVocabulary.ArtistPrefixes[bits.Take(SynthVocabulary.ArtistPrefixes.Length)]);
                        name.Capitalized(Word(ref bits));
                        break;
                    default:
                        name.Capitalized(Word(ref bits));
                        name.Space();
                        name.Capitalized(Word(ref bits));
                        break;
                }
                break;
            default:
                // Album names run to three words, track names to four.
                int words = 1 + bits.Take(kind == Kind.Album ? 3 : 4);
                for (int w = 0; w < words; w++)
                {
                    if (w > 0) name.Space();
                    name.Capitalized(Word(ref bits));
                }
                break;
        }
        return name.Length;
    }

    private static byte[] Word(ref Bits bits) =>
        SynthVocabulary.NameWords[bits.Take(SynthVocabulary.NameWords.Length)];

    private static void WriteBase62(ulong value, Span<byte> destination)
    {
        for (int i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)Base62[(int)(value % 62)];
            value /= 62;
        }
    }

    /// <summary>Hands out a hash's bits a few at a time.</summary>
    private struct Bits(ulong value)
    {
        public int Take(int n)
        {
            int result = (int)(value % (ulong)n);
            value /= (ulong)n;
            return result;
        }
    }

    private ref struct Appender(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;
        public int Length { get; private set; }

        public void Plain(ReadOnlySpan<byte> text)
        {
            text.CopyTo(_buffer[Length..]);
            Length += text.Length;
        }

        public void Capitalized(ReadOnlySpan<byte> word)
        {
            int start = Length;
            Plain(word);
            if (_buffer[start] is >= (byte)'a' and <= (byte)'z') _buffer[start] -= 'a' - 'A';
        }

        public void Space() => _buffer[Length++] = (byte)' ';

        /// <summary>A made-up word of two or three syllables, for artist names.</summary>
        public void Invented(ref Bits bits)
        {
            var syllables = SynthVocabulary.Syllables;
            int count = 2 + bits.Take(2);
            Capitalized(syllables[bits.Take(syllables.Length)]);
            for (int i = 1; i < count; i++)
                Plain(syllables[bits.Take(syllables.Length)]);
        }
    }
}
