using System.IO.Hashing;
using System.Text;
using Segue.Data;

namespace Segue.Ranking;

/// <summary>
/// The words of every track's, album's and artist's name under the MPD's title normalisation
/// (<see cref="PlaylistTitle"/>), each hashed to 32 bits, for the ranker's title-to-name features:
/// a playlist called "disney" or "taylor swift" names what it holds. Built once from the catalogue,
/// in parallel; a rare hash collision only adds a spurious match.
/// </summary>
public sealed class NameWords
{
    private readonly Words _tracks, _albums, _artists;

    public NameWords(Dataset dataset)
    {
        _tracks = Words.Of(dataset.TrackCount, dataset.TrackName);
        _albums = Words.Of(dataset.AlbumCount, dataset.AlbumName);
        _artists = Words.Of(dataset.ArtistCount, dataset.ArtistName);
    }

    public ReadOnlySpan<uint> Track(int track) => _tracks.Of(track);
    public ReadOnlySpan<uint> Album(int album) => _albums.Of(album);
    public ReadOnlySpan<uint> Artist(int artist) => _artists.Of(artist);

    /// <summary>The distinct words of a name or title, hashed, in order of first appearance.</summary>
    public static uint[] Hashed(string name) =>
        [.. PlaylistTitle.Tokens(PlaylistTitle.Normalize(name)).Select(w => XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(w)))];

    /// <summary>The share of <paramref name="title"/>'s words that <paramref name="words"/> holds (0 for no title).</summary>
    public static float Share(ReadOnlySpan<uint> title, ReadOnlySpan<uint> words)
    {
        if (title.IsEmpty) return 0;
        int found = 0;
        foreach (uint w in title)
            if (words.Contains(w)) found++;
        return (float)found / title.Length;
    }

    private sealed class Words(int[] start, uint[] words)
    {
        private const int Chunk = 4096;

        public ReadOnlySpan<uint> Of(int item) => words.AsSpan(start[item], start[item + 1] - start[item]);

        public static Words Of(int count, Func<int, string> name)
        {
            var chunks = new uint[(count + Chunk - 1) / Chunk][][];
            Parallel.For(0, chunks.Length, c =>
            {
                int first = c * Chunk, n = Math.Min(Chunk, count - first);
                chunks[c] = new uint[n][];
                for (int i = 0; i < n; i++) chunks[c][i] = Hashed(name(first + i));
            });
            var start = new int[count + 1];
            var all = new List<uint>();
            int item = 0;
            foreach (var chunk in chunks)
                foreach (var itemWords in chunk)
                {
                    all.AddRange(itemWords);
                    start[++item] = all.Count;
                }
            return new Words(start, [.. all]);
        }
    }
}
