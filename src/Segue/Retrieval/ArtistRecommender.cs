using Segue.Data;
using Segue.Statistics;
using Segue.Structures;

namespace Segue.Retrieval;

/// <summary>
/// The tracks on the seeds' albums and by the seeds' artists: a track scores the distinct seeds on
/// its album plus those by its artist, ties by training popularity, then by lower id. Playlists run
/// on an album or an artist, and with one or two seeds the neighbourhood generators know little
/// else; this costs two index look-ups per distinct album and artist of the seeds, where ranking
/// the catalogue with the trained model (whose bonuses list the same tracks first) read every album
/// and artist row per query. Only tracks of the training playlists are listed, as by every other
/// generator: the catalogue holds the others only because a held-out playlist does, so listing
/// them would read the withheld tracks off the catalogue. Ranks only those tracks; wrap it in
/// <see cref="PopularityBackfill"/> for full lists.
/// </summary>
public sealed class ArtistRecommender : IRecommender
{
    public const string BaselineName = "artist";
    private readonly TrainingStatistics _statistics;
    private readonly InvertedIndex _albumTracks, _artistTracks;   // of the training playlists' tracks only
    private readonly float _popularityScale;   // below 1 for any track, so popularity only breaks ties

    public ArtistRecommender(TrainingStatistics statistics)
    {
        _statistics = statistics;
        var dataset = statistics.Dataset;
        int[] known = [.. Enumerable.Range(0, dataset.TrackCount).Where(t => statistics.Count(t) > 0)];
        int[] albums = dataset.TrackAlbums.ToArray(), artists = dataset.TrackArtists.ToArray();
        _albumTracks = InvertedIndex.Build(dataset.AlbumCount, known, t => albums.AsSpan(t, 1));
        _artistTracks = InvertedIndex.Build(dataset.ArtistCount, known, t => artists.AsSpan(t, 1));
        int most = statistics.Ranking.IsEmpty ? 0 : statistics.Count(statistics.Ranking[0]);
        _popularityScale = 1f / (most + 1);
    }

    public string Name => BaselineName;

    public IQueryScorer CreateScorer() => new Scorer(this);

    private sealed class Scorer(ArtistRecommender owner) : IQueryScorer
    {
        private readonly TrackMarks _listed = new(owner._statistics.Dataset.TrackCount);
        private QuerySeeds? _own;
        private TopK _top = new(1);

        public int Recommend(in PlaylistQuery query, bool excludeSeeds, Span<ScoredTrack> results)
        {
            if (results.IsEmpty) return 0;
            if (_top.Capacity < results.Length) _top = new TopK(results.Length);
            var dataset = owner._statistics.Dataset;
            var seeds = QuerySeeds.Of(query, ref _own, dataset);
            _listed.Clear();
            foreach (int album in seeds.Albums)
                foreach (int track in owner._albumTracks.Items(album)) Add(track, seeds, excludeSeeds, dataset);
            foreach (int artist in seeds.Artists)
                foreach (int track in owner._artistTracks.Items(artist)) Add(track, seeds, excludeSeeds, dataset);
            return _top.DrainSorted(results);
        }

        private void Add(int track, QuerySeeds seeds, bool excludeSeeds, Dataset dataset)
        {
            if (!_listed.Add(track) || excludeSeeds && seeds.Contains(track)) return;
            int shared = seeds.OnAlbum(dataset.TrackAlbums[track]) + seeds.ByArtist(dataset.TrackArtists[track]);
            _top.Add(track, shared + owner._statistics.Count(track) * owner._popularityScale);
        }
    }
}
